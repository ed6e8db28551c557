import { builder } from '../../builder.ts';
import { LngLat } from './enums.ts';

export const GridCellNode = builder.prismaNode('GridCell', {
  id: { field: 'id' },
  description: 'A grid cell (网格): the smallest unit of grid management, with its grid worker (网格员).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Grid cell code: community code + 2 digits.' }),
    name: t.exposeString('name', { description: 'Chinese name, e.g. 草厂社区第1网格.' }),
    centroid: t.field({
      type: LngLat,
      description: 'Centre of the cell.',
      select: { centroidLng: true, centroidLat: true },
      resolve: (cell) => ({ lng: cell.centroidLng, lat: cell.centroidLat }),
    }),
    polygon: t.exposeString('polygon', {
      nullable: true,
      description: 'Boundary as a GeoJSON Polygon geometry (JSON text, [lng, lat] positions); null when unknown.',
    }),
    community: t.relation('community', { description: 'The community the cell belongs to.' }),
    gridWorker: t.relation('gridWorker', { nullable: true, description: 'The grid worker responsible for the cell.' }),
    assets: t.relatedConnection('assets', {
      description: 'City components (城市部件) in the cell, by code.',
      cursor: 'code',
      totalCount: true,
      query: () => ({ orderBy: { code: 'asc' } }),
    }),
  }),
});

builder.queryFields((t) => ({
  gridCell: t.prismaField({
    type: 'GridCell',
    nullable: true,
    description: 'One grid cell by its code. Public.',
    args: { code: t.arg.string({ description: 'e.g. 11010101100301' }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.gridCell.findUnique({ ...query, where: { code: args.code } }),
  }),
}));
