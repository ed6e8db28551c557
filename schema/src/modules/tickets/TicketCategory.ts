import { builder } from '../../builder.ts';

export const TicketCategoryNode = builder.prismaNode('TicketCategory', {
  id: { field: 'id' },
  description: 'A kind of complaint (roof leak, night noise, ground lock …) with its deadlines and the departments that hold the duty.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. ROOF_LEAK.' }),
    name: t.exposeString('name', { description: 'Chinese name, e.g. 房屋漏雨.' }),
    nameEn: t.exposeString('nameEn', { description: 'English name.' }),
    responseHours: t.exposeInt('responseHours', { description: 'Hours from receipt to the first response.' }),
    resolveDays: t.exposeInt('resolveDays', { nullable: true, description: 'Days from receipt to resolution, when the category has a target.' }),
    duties: t.relation('duties', {
      description: 'The power list (权力清单): which department holds which duty for this category.',
      query: () => ({ orderBy: { departmentId: 'asc' } }),
    }),
  }),
});

builder.prismaObject('CategoryDuty', {
  description: 'One line of the power list (权力清单): a department and its duty for a category.',
  fields: (t) => ({
    department: t.relation('department', { description: 'The department that holds the duty.' }),
    duty: t.exposeString('duty', { description: 'What it is responsible for, e.g. 违法建设查处.' }),
  }),
});

builder.queryFields((t) => ({
  ticketCategories: t.prismaField({
    type: ['TicketCategory'],
    description: 'Every ticket category, by code. Public.',
    resolve: (query, _root, _args, ctx) => ctx.prisma.ticketCategory.findMany({ ...query, orderBy: { code: 'asc' } }),
  }),
}));
