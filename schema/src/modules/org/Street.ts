import { builder } from '../../builder.ts';
import { centroidOf, LngLat, StreetKindEnum } from './enums.ts';

export const StreetNode = builder.prismaNode('Street', {
  id: { field: 'id' },
  description: 'A street office (街道) or township (乡镇): the unit that owns tickets and blows whistles.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The 9-digit code: district code + 3 digits.' }),
    name: t.exposeString('name', { description: 'Chinese name, e.g. 前门街道.' }),
    nameEn: t.exposeString('nameEn', { description: 'English name, e.g. Qianmen Subdistrict.' }),
    kind: t.expose('kind', { type: StreetKindEnum, description: 'Street office or township.' }),
    centroid: t.field({ type: LngLat, nullable: true, description: 'Approximate centre.', resolve: centroidOf }),
    district: t.relation('district', { description: 'The district the street belongs to.' }),
    communities: t.relatedConnection('communities', {
      description: 'Communities and villages of the street, by code.',
      cursor: 'code',
      totalCount: true,
      query: () => ({ orderBy: { code: 'asc' } }),
    }),
  }),
});

builder.queryFields((t) => ({
  street: t.prismaField({
    type: 'Street',
    nullable: true,
    description: 'One street office or township by its code. Public.',
    args: { code: t.arg.string({ description: 'e.g. 110101011' }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.street.findUnique({ ...query, where: { code: args.code } }),
  }),
}));
