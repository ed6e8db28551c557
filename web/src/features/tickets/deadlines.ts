// Deadline clocks as the inbox and the detail page show them. The API decides which deadlines were
// missed (`missedDeadlines`, as of the request); between requests the page keeps counting on its own
// clock, so a row turns overdue on screen the minute its deadline passes, without a refetch. "Open"
// and "overdue" are not defined here: both are the schema package's rule modules, the same functions
// the API runs, so the page and the API cannot disagree about a ticket.
import { type DeadlineKind, FEEDBACK_HOURS, isOverdue } from '@whistlehub/schema/tickets/deadlines';
import { isOpenStatus, type TicketStatus } from '@whistlehub/schema/tickets/states';

export { FEEDBACK_HOURS, isOpenStatus };

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

/** The order the deadlines fall due in, and the order the page lists missed ones. */
const DEADLINE_ORDER = ['RESPONSE', 'FEEDBACK', 'RESOLUTION'] as const satisfies readonly DeadlineKind[];

const instant = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * The deadlines not met yet, whose clocks still run: the response until a part is accepted, the
 * feedback until an interim answer or the outcome, the resolution until resolved. Resolving counts as
 * feedback, as in `isOverdue`.
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
  if (!isOpenStatus(ticket.status)) return null;
  const pending = pendingDeadlines(ticket).sort((a, b) => a.by - b.by);
  const first = pending[0];
  return first ? { kind: first.kind, ms: first.by - now } : null;
}

/**
 * The deadlines missed as of `now`: the API's list, plus what the shared `isOverdue` finds missed on
 * the page's clock since the API answered.
 */
export function missedAt(ticket: DeadlineFacts, now: number): DeadlineKind[] {
  if (ticket.status === 'MERGED') return [];
  const missed = new Set<DeadlineKind>(ticket.missedDeadlines);
  const progress = {
    status: ticket.status,
    respondBy: new Date(ticket.respondBy),
    feedbackBy: new Date(ticket.feedbackBy),
    resolveBy: instant(ticket.resolveBy),
    respondedAt: instant(ticket.respondedAt),
    feedbackAt: instant(ticket.feedbackAt),
    resolvedAt: instant(ticket.resolvedAt),
  };
  for (const kind of isOverdue(progress, new Date(now))) missed.add(kind);
  return DEADLINE_ORDER.filter((kind) => missed.has(kind));
}

/** An open ticket that has missed a deadline: the rows the inbox highlights. */
export const isOverdueAt = (ticket: DeadlineFacts, now: number) => isOpenStatus(ticket.status) && missedAt(ticket, now).length > 0;
