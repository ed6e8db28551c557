// Live ticket feeds: a street's and a district's ticket events, replayed from the event log after a
// subscriber's `afterSeq`, then live (spine/feeds.ts). Authorized when subscribing; every payload's
// ticket is loaded through ticket visibility, and personal data is masked by the Ticket type's rules.
import type { PrismaClient } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { FeedResync, type FeedResyncValue } from '../../spine/feedTypes.ts';
import type { FeedItem, FeedSource } from '../../spine/feeds.ts';
import { type FeedStreamValue, feedValues, resolveFeedValue } from '../../spine/feedValues.ts';
import { AFTER_SEQ_ARG, orgUnitByCode, orgUnitOrThrow } from '../../spine/feedFields.ts';
import { eventRowKey, sharedLoad } from '../../spine/sharedLoads.ts';
import { ticketVisibleTo } from './ticketPolicy.ts';

/** One ticket event as a feed carries it: ids and numbers only. */
export interface TicketEventRef {
  ticketId: string;
  seq: number;
  position: number;
  type: string;
}

/** A transient announcement on a ticket feed (not in the log), e.g. a deadline just passed. */
export interface TicketAnnouncement {
  ticketId: string;
  seq: number;
  type: 'OVERDUE';
}

/** The pub/sub keys of the feeds a ticket at this place belongs to: its street's and its district's (or the city-level pool). */
export function ticketFeedKeys(place: { streetId: string | null; districtId: string | null }): string[] {
  return [...(place.streetId ? [`ticket:street:${place.streetId}`] : []), `ticket:district:${place.districtId ?? 'pool'}`];
}

const eventSelect = { ticketId: true, seq: true, position: true, type: true } as const;

function source(prisma: PrismaClient, keys: string[], where: NonNullable<Parameters<PrismaClient['ticketEvent']['findMany']>[0]>['where']): FeedSource<TicketEventRef> {
  return {
    keys,
    load: (after, limit) =>
      prisma.ticketEvent.findMany({ where: { AND: [where ?? {}, { position: { gt: after } }] }, orderBy: { position: 'asc' }, take: limit, select: eventSelect }),
    head: async () => (await prisma.ticketEvent.findFirst({ where, orderBy: { position: 'desc' }, select: { position: true } }))?.position ?? 0,
    count: (after, upTo) => prisma.ticketEvent.count({ where: { AND: [where ?? {}, { position: { gt: after, lte: upTo } }] } }),
  };
}

/** A street's ticket events. */
export const streetTicketFeed = (prisma: PrismaClient, streetId: string) => source(prisma, [`ticket:street:${streetId}`], { streetId });

/** A district's ticket events and the city-level pool's (what a district dispatcher's inbox shows). */
export const districtTicketFeed = (prisma: PrismaClient, districtId: string) =>
  source(prisma, [`ticket:district:${districtId}`, 'ticket:district:pool'], { OR: [{ districtId }, { districtId: null }] });

// The ticket of an event, loaded once for all its subscribers (spine/sharedLoads.ts) with the columns
// its visibility needs, which each subscriber checks on the row (ticketVisibleTo, held equal to
// ticketsWhereVisibleTo by the visibility tests).
const VISIBILITY_SELECT = { districtId: true, streetId: true, communityId: true, gridCellId: true, categoryId: true, createdById: true } as const;
type TicketRow = Awaited<ReturnType<PrismaClient['ticket']['findUniqueOrThrow']>>;

function sharedTicketLoad(prisma: PrismaClient, notice: { ticketId: string; position: number | null; seq: number }, query: Record<string, unknown>): Promise<TicketRow | null> {
  const select = query.select ? { select: { ...(query.select as object), ...VISIBILITY_SELECT } } : {};
  return sharedLoad(prisma, eventRowKey('Ticket', notice.ticketId, notice.position ?? `seq${notice.seq}`, query), () =>
    prisma.ticket.findUnique({ ...query, ...select, where: { id: notice.ticketId } } as { where: { id: string } }) as Promise<TicketRow | null>);
}

type NoticeValue = { kind: 'event'; ticketId: string; seq: number; position: number | null; type: string };
type FeedValue = NoticeValue | FeedResyncValue;

const TicketEventNotice = builder.objectRef<NoticeValue>('TicketEventNotice').implement({
  description: 'A change to a ticket of the feed (new, dispatched, accepted, resolved, called back, reopened …), or an OVERDUE announcement.',
  isTypeOf: (value) => (value as FeedValue).kind === 'event',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The event type (RECEIVED, DISPATCHED, ACCEPTED, PROGRESS, RESOLVED, CALLED_BACK, CLOSED, REOPENED, MERGED, REVISIT_PLANNED, REVISITED), or OVERDUE.' }),
    seq: t.exposeInt('seq', { description: 'The event number in the ticket history (for OVERDUE: the latest event of the ticket).' }),
    logSeq: t.exposeInt('position', {
      nullable: true,
      description: "The event's position in the hub's event log: events arrive in this order. Remember the last one you applied and pass it as `afterSeq` when you subscribe again, to get what you missed. Null for OVERDUE, which is announced, not logged.",
    }),
    ticket: t.prismaField({
      type: 'Ticket',
      nullable: true,
      description: 'The ticket as it is now, loaded for the subscriber (personal data masked by its own rules); null if no longer visible.',
      resolve: async (query, notice, _args, ctx) => {
        const row = await sharedTicketLoad(ctx.prisma, notice, query);
        return row && ticketVisibleTo(ctx.viewer, row) ? row : null;
      },
    }),
  }),
});

const TicketFeedItem = builder.unionType('TicketFeedItem', {
  description: 'What a live ticket feed sends: a ticket event, or a resync signal.',
  types: [TicketEventNotice, FeedResync],
  resolveType: (value) => ((value as FeedValue).kind === 'resync' ? 'FeedResync' : 'TicketEventNotice'),
});

const values = (items: AsyncIterable<FeedItem<TicketEventRef, TicketAnnouncement>>) =>
  feedValues<TicketEventRef, TicketAnnouncement, NoticeValue>(items, {
    event: (event) => ({ kind: 'event', ...event }),
    announce: (announcement) => ({ kind: 'event', ...announcement, position: null }),
  });
const resolveItem = (value: FeedStreamValue<NoticeValue>): FeedValue => resolveFeedValue(value);

builder.subscriptionFields((t) => ({
  ticketEvents: t.field({
    type: TicketFeedItem,
    description: 'Live changes to the tickets of a street office, for its officers and its district dispatcher (authorized when subscribing). With `afterSeq`, the events missed since are replayed first, in order, with no gap and no duplicate; a FeedResync comes instead when too many were missed.',
    args: {
      streetCode: t.arg.string({ description: 'The street office code, e.g. 110101011.' }),
      afterSeq: t.arg.int(AFTER_SEQ_ARG),
    },
    authScopes: async (_root, args, ctx) => {
      const street = await orgUnitByCode(ctx, 'street', args.streetCode);
      return street ? { $any: { streetOfficer: street.id, districtDispatcher: street.districtId! } } : false;
    },
    subscribe: async (_root, args, ctx: Context) => {
      const street = await orgUnitOrThrow(ctx, 'street', args.streetCode);
      return values(ctx.feeds.subscribe<TicketEventRef, TicketAnnouncement>(ctx, `ticket:street:${street.id}`, streetTicketFeed(ctx.prisma, street.id), { afterSeq: args.afterSeq }));
    },
    resolve: resolveItem,
  }),
  districtTicketEvents: t.field({
    type: TicketFeedItem,
    description: "Live changes to the tickets of a district and of the city-level pool (tickets no district could be found for): a district dispatcher's inbox. Replay with `afterSeq` as for ticketEvents.",
    args: {
      districtCode: t.arg.string({ description: 'The district code, e.g. 110101.' }),
      afterSeq: t.arg.int(AFTER_SEQ_ARG),
    },
    authScopes: async (_root, args, ctx) => {
      const district = await orgUnitByCode(ctx, 'district', args.districtCode);
      return district ? { districtDispatcher: district.id } : false;
    },
    subscribe: async (_root, args, ctx: Context) => {
      const district = await orgUnitOrThrow(ctx, 'district', args.districtCode);
      return values(ctx.feeds.subscribe<TicketEventRef, TicketAnnouncement>(ctx, `ticket:district:${district.id}`, districtTicketFeed(ctx.prisma, district.id), { afterSeq: args.afterSeq }));
    },
    resolve: resolveItem,
  }),
}));
