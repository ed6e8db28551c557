import { builder } from '../../builder.ts';

export const DistrictNode = builder.prismaNode('District', {
  id: { field: 'id' },
  description: 'A district (区) of the city. Street offices and district departments belong to it.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The 6-digit administrative code, e.g. 110101.' }),
    name: t.exposeString('name', { description: 'Chinese name, e.g. 东城区.' }),
    nameEn: t.exposeString('nameEn', { description: 'English name, e.g. Dongcheng District.' }),
    streets: t.relatedConnection('streets', {
      description: 'Street offices and townships of the district, by code.',
      cursor: 'code',
      totalCount: true,
      query: () => ({ orderBy: { code: 'asc' } }),
    }),
    departments: t.relatedConnection('departments', {
      description: 'District-level departments, by code.',
      cursor: 'code',
      totalCount: true,
      query: () => ({ orderBy: { code: 'asc' } }),
    }),
  }),
});

builder.queryFields((t) => ({
  districts: t.prismaConnection({
    type: 'District',
    cursor: 'code',
    description: 'All districts, by administrative code. Public.',
    totalCount: (_root, _args, ctx) => ctx.prisma.district.count(),
    resolve: (query, _root, _args, ctx) => ctx.prisma.district.findMany({ ...query, orderBy: { code: 'asc' } }),
  }),
  district: t.prismaField({
    type: 'District',
    nullable: true,
    description: 'One district by its administrative code. Public.',
    args: { code: t.arg.string({ description: 'e.g. 110101' }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.district.findUnique({ ...query, where: { code: args.code } }),
  }),
}));
