// Revisit plans (回头看): follow-ups of chosen past tickets (found with the keyword hot spots), each due
// at a date. Creating a plan and recording a revisit are ticket writes: each ticket's history says it
// was scheduled for a revisit and what the revisit found.
import { builder } from '../../builder.ts';
import { revisitPlansWhereVisibleTo, revisitPlanVisibleTo, ticketsWhereVisibleTo, ticketVisibleTo } from './ticketPolicy.ts';
import { TicketNode } from './Ticket.ts';

export const RevisitPlanNode = builder.prismaNode('RevisitPlan', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [revisitPlansWhereVisibleTo(ctx.viewer)] }),
  nullable: true,
  authScopes: (plan, ctx) => revisitPlanVisibleTo(ctx.viewer, plan),
  description: 'A revisit plan (回头看): follow-ups of chosen past tickets, each with a due date. Visible to its author and to the staff of the street or district that holds all its tickets.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the plan is, e.g. 汛期前房屋漏雨回头看.' }),
    keyword: t.exposeString('keyword', { nullable: true, description: 'The keyword the tickets were found with.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was made.' }),
    version: t.exposeInt('version', { description: 'Bumped by every recorded revisit.' }),
    items: t.relation('items', {
      description: 'The follow-ups the viewer may see (their ticket is visible), by due date.',
      query: (_args, ctx) => ({ where: { ticket: ticketsWhereVisibleTo(ctx.viewer) }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] }),
    }),
  }),
});

builder.prismaObject('RevisitItem', {
  description: 'One follow-up of a revisit plan.',
  fields: (t) => ({
    dueAt: t.expose('dueAt', { type: 'DateTime', description: 'When the revisit is due.' }),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true, description: 'When it was done.' }),
    note: t.exposeString('note', { nullable: true, description: 'What the revisit found.' }),
  }),
});

builder.prismaObjectFields('RevisitItem', (t) => ({
  ticket: t.field({
    type: TicketNode,
    nullable: true,
    description: 'The past ticket to revisit; null if the viewer may not see it.',
    select: (_args, _ctx, nested) => ({ ticket: nested() }),
    resolve: (item, _args, ctx) => (ticketVisibleTo(ctx.viewer, item.ticket) ? item.ticket : null),
  }),
}));

builder.queryField('revisitPlans', (t) =>
  t.prismaConnection({
    type: 'RevisitPlan',
    cursor: 'id',
    description: 'Revisit plans the viewer may see, newest first. Staff only.',
    authScopes: { staff: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.revisitPlan.findMany({ ...query, where: revisitPlansWhereVisibleTo(ctx.viewer), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
);
