import { builder } from '../../builder.ts';
import { LngLat } from './enums.ts';

export const AssetNode = builder.prismaNode('Asset', {
  id: { field: 'id' },
  description: 'A city component (城市部件): manhole cover, street lamp, bin, sign … with its code.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The 8-digit component code.' }),
    kind: t.exposeString('kind', { description: 'Kind code, e.g. 0101.' }),
    kindName: t.exposeString('kindName', { description: 'Kind name in Chinese, e.g. 井盖.' }),
    location: t.field({
      type: LngLat,
      description: 'Where it stands.',
      select: { lng: true, lat: true },
      resolve: (asset) => ({ lng: asset.lng, lat: asset.lat }),
    }),
    address: t.exposeString('address', { nullable: true, description: 'Street address, when recorded.' }),
    gridCell: t.relation('gridCell', { description: 'The grid cell it stands in.' }),
  }),
});

builder.queryFields((t) => ({
  asset: t.prismaField({
    type: 'Asset',
    nullable: true,
    description: 'One city component by its code. Public.',
    args: { code: t.arg.string({ description: 'The 8-digit component code.' }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.asset.findUnique({ ...query, where: { code: args.code } }),
  }),
}));
