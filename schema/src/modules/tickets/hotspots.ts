// Keyword hot spots and revisit plans (回头看): find where a problem keeps coming back (e.g. two years
// of 房屋漏雨), then schedule a follow-up of the chosen tickets before the rainy season.
import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { NotFoundError, validateInput } from '../../errors/index.ts';
import { ticketFilterWhere } from './Ticket.ts';
import { ticketIdOf } from './ticketWrites.ts';
import { ticketsWhereVisibleTo } from './ticketVisibility.ts';

const HotSpotGroupEnum = builder.enumType('HotSpotGroup', {
  description: 'What hot spots are grouped by.',
  values: {
    GRID_CELL: { description: 'The grid cell of the ticket.' },
    ASSET: { description: 'The city component (城市部件) the ticket is about.' },
  } as const,
});

const HotSpot = builder.objectRef<{ gridCellId: string; assetId: string | null; count: number; latestAt: Date | null }>('TicketHotSpot').implement({
  description: 'A grid cell, or a city component, where matching tickets cluster.',
  fields: (t) => ({
    gridCell: t.prismaField({
      type: 'GridCell',
      description: 'The grid cell (for an asset hot spot, the cell the asset stands in).',
      // one query per hot spot, at most `first` of them (20 by default)
      resolve: (query, spot, _args, ctx) => ctx.prisma.gridCell.findUniqueOrThrow({ ...query, where: { id: spot.gridCellId } }),
    }),
    asset: t.prismaField({
      type: 'Asset',
      nullable: true,
      description: 'The city component, when grouped by ASSET.',
      resolve: (query, spot, _args, ctx) => (spot.assetId ? ctx.prisma.asset.findUnique({ ...query, where: { id: spot.assetId } }) : null),
    }),
    count: t.exposeInt('count', { description: 'Matching tickets in the cell.' }),
    latestAt: t.expose('latestAt', { type: 'DateTime', nullable: true, description: 'When the latest of them was received.' }),
  }),
});

builder.queryField('ticketHotSpots', (t) =>
  t.field({
    type: [HotSpot],
    description: 'Grid cells (or city components) with the most tickets matching a keyword (e.g. 漏雨) in a period, most first. Only tickets the viewer may see count.',
    authScopes: { signedIn: true },
    args: {
      keyword: t.arg.string({ description: 'Words that must all appear (Chinese works).', validate: z.string().trim().min(1).max(100) }),
      receivedFrom: t.arg({ type: 'DateTime', required: false, description: 'From this instant.' }),
      receivedTo: t.arg({ type: 'DateTime', required: false, description: 'Before this instant.' }),
      first: t.arg.int({ defaultValue: 20, description: 'How many hot spots (1–100).', validate: z.number().int().min(1).max(100) }),
      groupBy: t.arg({ type: HotSpotGroupEnum, defaultValue: 'GRID_CELL', description: 'Group by grid cell (default) or by city component.' }),
    },
    resolve: async (_root, args, ctx) => {
      const where = {
        AND: [ticketsWhereVisibleTo(ctx.viewer), ticketFilterWhere({ keyword: args.keyword, receivedFrom: args.receivedFrom, receivedTo: args.receivedTo })],
      };
      const take = args.first ?? 20;
      if (args.groupBy === 'ASSET') {
        const rows = await ctx.prisma.ticket.groupBy({
          by: ['assetId'],
          where: { AND: [where, { assetId: { not: null } }] },
          _count: { _all: true },
          _max: { receivedAt: true },
          orderBy: [{ _count: { assetId: 'desc' } }, { assetId: 'asc' }],
          take,
        });
        const cells = new Map((await ctx.prisma.asset.findMany({ where: { id: { in: rows.map((r) => r.assetId!) } }, select: { id: true, gridCellId: true } })).map((a) => [a.id, a.gridCellId]));
        return rows.map((r) => ({ gridCellId: cells.get(r.assetId!)!, assetId: r.assetId, count: r._count._all, latestAt: r._max.receivedAt }));
      }
      const rows = await ctx.prisma.ticket.groupBy({
        by: ['gridCellId'],
        where: { AND: [where, { gridCellId: { not: null } }] },
        _count: { _all: true },
        _max: { receivedAt: true },
        orderBy: [{ _count: { gridCellId: 'desc' } }, { gridCellId: 'asc' }],
        take,
      });
      return rows.map((r) => ({ gridCellId: r.gridCellId!, assetId: null, count: r._count._all, latestAt: r._max.receivedAt }));
    },
  }),
);

builder.prismaNode('RevisitPlan', {
  id: { field: 'id' },
  description: 'A revisit plan (回头看): follow-ups of chosen past tickets, each with a due date.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the plan is, e.g. 汛期前房屋漏雨回头看.' }),
    keyword: t.exposeString('keyword', { nullable: true, description: 'The keyword the tickets were found with.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was made.' }),
    items: t.relation('items', { description: 'The follow-ups, by due date.', query: () => ({ orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] }) }),
  }),
});

builder.prismaObject('RevisitItem', {
  description: 'One follow-up of a revisit plan.',
  fields: (t) => ({
    ticket: t.relation('ticket', { description: 'The past ticket to revisit.' }),
    dueAt: t.expose('dueAt', { type: 'DateTime', description: 'When the revisit is due.' }),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true, description: 'When it was done.' }),
    note: t.exposeString('note', { nullable: true, description: 'What the revisit found.' }),
  }),
});

builder.queryField('revisitPlans', (t) =>
  t.prismaConnection({
    type: 'RevisitPlan',
    cursor: 'id',
    description: 'Revisit plans, newest first. Staff only.',
    authScopes: { staff: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.revisitPlan.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
);

const RevisitPlanSuccess = builder.objectRef<{ planId: string }>('CreateRevisitPlanSuccess').implement({
  description: 'The new plan.',
  fields: (t) => ({
    plan: t.prismaField({
      type: 'RevisitPlan',
      description: 'The plan with its items.',
      resolve: (query, parent, _args, ctx) => ctx.prisma.revisitPlan.findUniqueOrThrow({ ...query, where: { id: parent.planId } }),
    }),
  }),
});

builder.mutationField('createRevisitPlan', (t) =>
  t.fieldWithInput({
    description: 'Plans a revisit (回头看) of chosen past tickets, each due at `dueAt`. Staff only; every ticket must be visible to the caller.',
    authScopes: { staff: true },
    input: {
      name: t.input.string({ description: 'What the plan is (1–100 characters).' }),
      keyword: t.input.string({ required: false, description: 'The keyword the tickets were found with.' }),
      ticketIds: t.input.idList({ description: 'Global ids of the tickets (1–500).' }),
      dueAt: t.input.field({ type: 'DateTime', description: 'When the revisits are due.' }),
    },
    type: RevisitPlanSuccess,
    errors: { types: [NotFoundError, InputValidationError], union: { name: 'CreateRevisitPlanPayload' }, dataField: { name: 'created', description: 'The new plan.' }, result: { name: 'CreateRevisitPlanResult' } },
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(
        z.object({ name: z.string().trim().min(1).max(100), keyword: z.string().trim().max(100).nullish(), ticketIds: z.array(z.unknown()).min(1).max(500), dueAt: z.date() }),
        args.input,
      );
      const ids = [...new Set(input.ticketIds.map((id) => ticketIdOf(String(id))))];
      const visible = await ctx.prisma.ticket.findMany({ where: { AND: [{ id: { in: ids } }, ticketsWhereVisibleTo(ctx.viewer)] }, select: { id: true } });
      const missing = ids.find((id) => !visible.some((v) => v.id === id));
      if (missing) throw new NotFoundError('Ticket', missing);
      const plan = await ctx.prisma.revisitPlan.create({
        data: { name: input.name, keyword: input.keyword ?? null, createdById: ctx.viewer!.userId, items: { create: ids.map((ticketId) => ({ ticketId, dueAt: input.dueAt })) } },
        select: { id: true },
      });
      return { planId: plan.id };
    },
  }),
);
