import { builder } from '../../builder.ts';
import { centroidOf, CommunityKindEnum, LngLat } from './enums.ts';

export const CommunityNode = builder.prismaNode('Community', {
  id: { field: 'id' },
  description: 'A residential community (社区) or village (村), divided into grid cells.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Community code: street code + 3 digits.' }),
    name: t.exposeString('name', { description: 'Chinese name, e.g. 草厂社区.' }),
    nameEn: t.exposeString('nameEn', { description: 'English name.' }),
    kind: t.expose('kind', { type: CommunityKindEnum, description: 'Community or village.' }),
    centroid: t.field({ type: LngLat, nullable: true, description: 'Approximate centre.', resolve: centroidOf }),
    street: t.relation('street', { description: 'The street office or township it belongs to.' }),
    gridCells: t.relatedConnection('gridCells', {
      description: 'Grid cells of the community, by code.',
      cursor: 'code',
      totalCount: true,
      query: () => ({ orderBy: { code: 'asc' } }),
    }),
  }),
});

builder.queryFields((t) => ({
  community: t.prismaField({
    type: 'Community',
    nullable: true,
    description: 'One community or village by its code. Public.',
    args: { code: t.arg.string({ description: 'e.g. 110101011003' }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.community.findUnique({ ...query, where: { code: args.code } }),
  }),
}));
