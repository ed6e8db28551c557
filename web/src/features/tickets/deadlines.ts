// Deadline clocks as the inbox and the detail page show them. The API decides which deadlines were
// missed (`missedDeadlines`, as of the request); between requests the page keeps counting on its own
// clock, with the same definitions as `isOverdue` in schema/src/modules/tickets/ticketsRules.ts, so a
// row turns overdue on screen the minute its deadline passes, without a refetch.
import { type DeadlineKind, OPEN_TICKET_STATUSES, type TicketStatus } from '../../graphql/schemaTypes.ts';

/** What the clocks need of a ticket (ISO instants, as the API sends them). */
export interface DeadlineFacts {
  status: TicketStatus;
  respondBy: string;
  feedbackBy: string;
  resolveBy: string | null;
  respondedAt: string | null;
  feedbackAt: string | null;
  resolvedAt: string | null;
  missedDeadlines: readonly DeadlineKind[];
}

/** A deadline that is not met yet, with its instant in epoch milliseconds. */
export interface PendingDeadline {
  kind: DeadlineKind;
  by: number;
}

/** Whether somebody still owes the resident work on a ticket in this status. */
export const isOpen = (status: TicketStatus) => OPEN_TICKET_STATUSES.includes(status);

/**
 * The deadlines not met yet: the response until a part is accepted, the 48-hour feedback until an
 * interim answer or the outcome, the resolution until resolved. Resolving counts as feedback.
 */
export function pendingDeadlines(ticket: DeadlineFacts): PendingDeadline[] {
  const pending: PendingDeadline[] = [];
  if (!ticket.respondedAt) pending.push({ kind: 'RESPONSE', by: Date.parse(ticket.respondBy) });
  if (!ticket.feedbackAt && !ticket.resolvedAt) pending.push({ kind: 'FEEDBACK', by: Date.parse(ticket.feedbackBy) });
  if (ticket.resolveBy && !ticket.resolvedAt) pending.push({ kind: 'RESOLUTION', by: Date.parse(ticket.resolveBy) });
  return pending;
}

/** The clock a row shows: `ms` until the deadline, negative once it has passed. */
export interface TicketClock {
  kind: DeadlineKind;
  ms: number;
}

/**
 * The one deadline worth showing for an open ticket at `now`: the longest-missed one when any has
 * passed (that is what the monthly review will count), else the next one to fall due. Null when the
 * ticket is not open or nothing is pending.
 */
export function clockOf(ticket: DeadlineFacts, now: number): TicketClock | null {
  if (!isOpen(ticket.status)) return null;
  const pending = pendingDeadlines(ticket).sort((a, b) => a.by - b.by);
  const first = pending[0];
  return first ? { kind: first.kind, ms: first.by - now } : null;
}

/** The deadlines missed as of `now`: the API's list, plus the pending ones that have passed since it answered. */
export function missedAt(ticket: DeadlineFacts, now: number): DeadlineKind[] {
  if (ticket.status === 'MERGED') return [];
  const missed = new Set(ticket.missedDeadlines);
  for (const deadline of pendingDeadlines(ticket)) if (deadline.by < now) missed.add(deadline.kind);
  return (['RESPONSE', 'FEEDBACK', 'RESOLUTION'] as const).filter((kind) => missed.has(kind));
}

/** An open ticket that has missed a deadline: the rows the inbox highlights. */
export const isOverdueAt = (ticket: DeadlineFacts, now: number) => isOpen(ticket.status) && missedAt(ticket, now).length > 0;

/** A span as people say it: whole minutes under an hour, whole hours under two days, else whole days. */
export function roundedDuration(ms: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return { unit: 'minutes', count: Math.max(1, minutes) };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}
