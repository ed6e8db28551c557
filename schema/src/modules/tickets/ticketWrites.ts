// The one write path of every ticket mutation after intake: load, authorize, check the version and
// the state machine, write with a conditional update, append numbered events, publish after commit.
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Prisma } from '@whistlehub/prisma';
import { GraphQLError } from 'graphql';
import type { Context } from '../../context.ts';
import { NotFoundError } from '../../errors/index.ts';
import { takeLogPositions } from '../../spine/log.ts';
import { IllegalTransitionError, TicketConflictError } from './ticketErrors.ts';
import { ticketsWhereVisibleTo } from './ticketVisibility.ts';
import { type DispatchPartKind } from './ticketDispatch.ts';
import { mayPerform } from './ticketPolicy.ts';
import { type TicketAction } from './ticketStates.ts';

const ticketForWrite = {
  parts: { orderBy: { kind: 'asc' } },
  category: { select: { responseHours: true, resolveDays: true, duties: { select: { departmentId: true } } } },
} satisfies Prisma.TicketInclude;

/** A ticket as a write sees it: the row, its parts and its category's duties. */
export type TicketForWrite = Prisma.TicketGetPayload<{ include: typeof ticketForWrite }>;

/** One event to append (seq, ticket and actor are filled in). */
export interface NewEvent {
  type: string;
  partKind?: DispatchPartKind | null;
  fromStatus?: TicketForWrite['status'] | null;
  toStatus?: TicketForWrite['status'] | null;
  note?: string | null;
}

/** What a change computes from the loaded ticket. */
export interface TicketChange {
  data: Omit<Prisma.TicketUncheckedUpdateManyInput, 'version'>;
  events: NewEvent[];
  /** extra writes in the same transaction (parts, call-back rows) */
  also?: (tx: Prisma.TransactionClient) => Promise<unknown>;
}

/** Decodes a Ticket global id (or accepts a raw id); throws NotFound for another type's id. */
export function ticketIdOf(id: string | number): string {
  const raw = String(id);
  try {
    const { typename, id: inner } = decodeGlobalID(raw);
    if (typename !== 'Ticket') throw new NotFoundError('Ticket', raw);
    return inner;
  } catch (error) {
    if (error instanceof NotFoundError) throw error;
    throw new NotFoundError('Ticket', raw);
  }
}

/** Throws IllegalTransitionError for a failed rules result. */
export function orIllegal<T extends { ok: true } | { ok: false; current: string; action: string }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new IllegalTransitionError(result.current, result.action);
  return result as Extract<T, { ok: true }>;
}

/**
 * Applies `change` to a ticket the viewer may see and may `action` on. With `expectedVersion`, a
 * ticket changed meanwhile is a TicketConflictError; without it, the version read in the transaction
 * is used, so two writers still cannot both win: the update is conditional on that version.
 */
export async function changeTicket(
  ctx: Context,
  args: { id: string | number; expectedVersion?: number | null; action: TicketAction; part?: DispatchPartKind },
  change: (ticket: TicketForWrite, now: Date) => TicketChange | Promise<TicketChange>,
) {
  const id = ticketIdOf(args.id);
  const now = new Date();
  const result = await ctx.prisma.$transaction(async (tx) => {
    const ticket = await tx.ticket.findFirst({ where: { AND: [{ id }, ticketsWhereVisibleTo(ctx.viewer)] }, include: ticketForWrite });
    if (!ticket) throw new NotFoundError('Ticket', String(args.id));
    const scope = { ...ticket, departmentIds: ticket.category.duties.map((d) => d.departmentId) };
    if (!mayPerform(args.action, ctx.viewer?.grants ?? null, scope, args.part)) {
      throw new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
    }
    if (args.expectedVersion != null && args.expectedVersion !== ticket.version) throw await conflict(tx, ticket);
    const { data, events, also } = await change(ticket, now);
    const updated = await tx.ticket.updateMany({ where: { id, version: ticket.version }, data: { ...data, version: ticket.version + 1 } });
    if (updated.count !== 1) throw await conflict(tx, ticket);
    const last = await tx.ticketEvent.findFirst({ where: { ticketId: id }, orderBy: { seq: 'desc' }, select: { seq: true } });
    const first = (last?.seq ?? 0) + 1;
    await also?.(tx);
    const position = await takeLogPositions(tx, events.length);
    await tx.ticketEvent.createMany({
      data: events.map((e, i) => ({ ...e, ticketId: id, seq: first + i, position: position + i, streetId: ticket.streetId, districtId: ticket.districtId, at: now, actorId: ctx.viewer?.userId ?? null })),
    });
    return { ticket, seq: first + events.length - 1, type: events.at(-1)?.type ?? 'CHANGED' };
  });
  publishTicket(ctx, result.ticket.streetId, { ticketId: id, seq: result.seq, type: result.type });
  return id;
}

/** Publishes after commit: ids and the sequence number only (subscribers load what they may see). */
export function publishTicket(ctx: Context, streetId: string | null, notice: { ticketId: string; seq: number; type: string }) {
  if (streetId) ctx.pubsub.publish('ticket:street', streetId, notice);
}

async function conflict(tx: Prisma.TransactionClient, ticket: TicketForWrite) {
  const now = await tx.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { version: true, status: true } });
  const last = await tx.ticketEvent.findFirst({
    where: { ticketId: ticket.id },
    orderBy: { seq: 'desc' },
    select: { at: true, actor: { select: { displayName: true } } },
  });
  return new TicketConflictError(now.version, now.status, last?.at ?? null, last?.actor?.displayName ?? null);
}
