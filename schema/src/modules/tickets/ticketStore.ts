// Tickets as a versioned aggregate (spine/aggregate.ts): how a ticket is loaded for a write, updated
// on its version, its events appended with their feed keys, and its change announced.
import type { Prisma } from '@whistlehub/prisma';
import type { Viewer } from '../../auth/viewer.ts';
import type { Context } from '../../context.ts';
import { type AggregateChange, type AggregateStore, changeAggregate } from '../../spine/aggregate.ts';
import { idOfType } from '../../spine/globalIds.ts';
import type { WriteOptions } from '../../spine/writes.ts';
import { IllegalTransitionError, TicketConflictError } from './ticketErrors.ts';
import { ticketFeedKeys } from './ticketFeeds.ts';
import { mayPerform, ticketsWhereVisibleTo } from './ticketPolicy.ts';
import type { DispatchPartKind } from './ticketDispatch.ts';
import type { TicketAction } from './ticketStates.ts';

const ticketForWrite = {
  parts: { orderBy: { kind: 'asc' } },
  category: { select: { responseHours: true, resolveDays: true } },
} satisfies Prisma.TicketInclude;

/** A ticket as a write sees it: the row, its parts and its category's deadlines. */
export type TicketForWrite = Prisma.TicketGetPayload<{ include: typeof ticketForWrite }>;

/** The columns a ticket write may set (the version is the store's). */
export type TicketData = Omit<Prisma.TicketUncheckedUpdateManyInput, 'version' | 'id'>;

/** One event to append (seq, position, time, actor and feed keys are filled in). */
export interface TicketEventInput {
  type: string;
  partKind?: DispatchPartKind | null;
  fromStatus?: TicketForWrite['status'] | null;
  toStatus?: TicketForWrite['status'] | null;
  note?: string | null;
}

/** What a ticket rule returns. */
export type TicketChange = AggregateChange<TicketEventInput, TicketData>;

// where the ticket is after the change: its events go to those feeds
const placeAfter = (row: { streetId: string | null; districtId: string | null }, data: TicketData | null) => ({
  streetId: data && 'streetId' in data ? ((data.streetId as string | null | undefined) ?? null) : row.streetId,
  districtId: data && 'districtId' in data ? ((data.districtId as string | null | undefined) ?? null) : row.districtId,
});

/** The ticket table, its events and its feeds, for the shared write path. */
export const ticketStore: AggregateStore<TicketForWrite, TicketEventInput, TicketData> = {
  typename: 'Ticket',
  lock: async (tx, id) => void (await tx.ticket.updateMany({ where: { id }, data: { version: { increment: 0 } } })),
  load: (tx, id, viewer: Viewer | null) => tx.ticket.findFirst({ where: { AND: [{ id }, ticketsWhereVisibleTo(viewer)] }, include: ticketForWrite }),
  updateIfVersion: async (tx, id, version, data) =>
    (await tx.ticket.updateMany({ where: { id, version }, data: { ...data, version: version + 1 } })).count === 1,
  lastSeq: async (tx, id) =>
    (await tx.ticketEvent.findFirst({ where: { ticketId: id }, orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0,
  appendEvents: async (tx, row, events, data) => {
    const place = placeAfter(row, data);
    await tx.ticketEvent.createMany({ data: events.map((e) => ({ ...e, ticketId: row.id, ...place })) });
  },
  conflict: async (tx, id) => {
    const now = await tx.ticket.findUniqueOrThrow({ where: { id }, select: { version: true, status: true } });
    const last = await tx.ticketEvent.findFirst({ where: { ticketId: id }, orderBy: { seq: 'desc' }, select: { at: true, actor: { select: { displayName: true } } } });
    return new TicketConflictError(now.version, now.status, last?.at ?? null, last?.actor?.displayName ?? null);
  },
  notify: (ctx, row, events, data) => {
    const keys = [...ticketFeedKeys(placeAfter(row, data)), ...ticketFeedKeys(row)];
    ctx.feeds.nudge(keys, { position: events.at(-1)!.position });
  },
};

/** Decodes a Ticket global id (or accepts a raw id); throws NotFound for another type's id. */
export const ticketIdOf = (id: string | number): string => idOfType('Ticket', id);

/** Throws IllegalTransitionError for a failed rules result. */
export function orIllegal<T extends { ok: true } | { ok: false; current: string; action: string }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new IllegalTransitionError(result.current, result.action);
  return result as Extract<T, { ok: true }>;
}

/** The scope the policy decides on, from a loaded ticket. */
export const scopeOf = (t: Pick<TicketForWrite, 'districtId' | 'streetId' | 'communityId' | 'gridCellId' | 'categoryId'>) => t;

/**
 * Applies `change` to a ticket the viewer may see and may `action` on, through the shared write path
 * (visibility → role → expectedVersion → rule → conditional update → numbered events → publish after
 * commit; idempotent under a client mutation id).
 */
export function changeTicket(
  ctx: Context,
  args: WriteOptions & { id: string | number; expectedVersion?: number | null; action: TicketAction; part?: DispatchPartKind },
  change: (ticket: TicketForWrite, now: Date, tx: Prisma.TransactionClient) => TicketChange | Promise<TicketChange>,
) {
  return changeAggregate(
    ctx,
    ticketStore,
    {
      ...args,
      id: ticketIdOf(args.id),
      clientId: String(args.id),
      authorize: (ticket) => mayPerform(args.action, ctx.viewer?.grants ?? null, scopeOf(ticket), args.part),
    },
    change,
  );
}
