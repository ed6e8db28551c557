// Keyword hot spots: find where a problem keeps coming back (e.g. two years of 房屋漏雨), to plan a
// revisit (回头看, revisitPlans.ts) of the chosen tickets before the rainy season.
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { ticketFilterWhere } from './Ticket.ts';
import { ticketsWhereVisibleTo } from './ticketPolicy.ts';

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
        AND: [ticketsWhereVisibleTo(ctx.viewer), await ticketFilterWhere(ctx.prisma, { keyword: args.keyword, receivedFrom: args.receivedFrom, receivedTo: args.receivedTo })],
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
