// Ticket deadlines and the one definition of overdue.
import { DAY_MS, HOUR_MS } from '../../lib/beijingTime.ts';
import type { PartStatus } from './ticketDispatch.ts';
import type { Prisma } from '@whistlehub/prisma';
import { OPEN_TICKET_STATUSES, type TicketStatus } from './ticketStates.ts';

/** Feedback to the resident is due this many hours after receipt, even when the problem is not solved yet (花伴儿). */
export const FEEDBACK_HOURS = 48;

/** A ticket's deadlines. */
export interface TicketDeadlines {
  respondBy: Date;
  feedbackBy: Date;
  resolveBy?: Date;
}

/**
 * Deadlines counted from `start` (the ticket's receipt; for one part's own clock, the part's dispatch
 * time) in wall-clock hours, not working hours: the resident waits in calendar time and 12345 runs
 * around the clock, and a working-hours calendar would need China's yearly holiday and make-up-day
 * (调休) schedule, making the rule impure and the figures hard to audit. Plain millisecond arithmetic
 * on instants, so neither the server's time zone nor any DST rule can shift a deadline.
 */
export function deadlinesFor(start: Date, category: { responseHours: number; resolveDays?: number | null }): TicketDeadlines {
  const t = start.getTime();
  if (!Number.isFinite(t)) throw new RangeError('deadlinesFor: invalid start date');
  if (!(category.responseHours >= 0) || !Number.isFinite(category.responseHours)) {
    throw new RangeError('deadlinesFor: responseHours must be a finite number ≥ 0');
  }
  const out: TicketDeadlines = {
    respondBy: new Date(t + category.responseHours * HOUR_MS),
    feedbackBy: new Date(t + FEEDBACK_HOURS * HOUR_MS),
  };
  if (category.resolveDays != null) {
    if (!(category.resolveDays >= 0) || !Number.isFinite(category.resolveDays)) {
      throw new RangeError('deadlinesFor: resolveDays must be a finite number ≥ 0');
    }
    out.resolveBy = new Date(t + category.resolveDays * DAY_MS);
  }
  return out;
}

/** The deadlines a ticket can miss. */
export type DeadlineKind = 'RESPONSE' | 'FEEDBACK' | 'RESOLUTION';

/** What overdue detection needs of a ticket (or of one dispatch part, with its own clock). */
export interface DeadlineProgress {
  status?: TicketStatus | PartStatus;
  respondBy: Date;
  feedbackBy: Date;
  resolveBy?: Date | null;
  /** first acceptance by the handling side */
  respondedAt: Date | null;
  /** first feedback to the resident (an interim answer counts) */
  feedbackAt: Date | null;
  resolvedAt: Date | null;
}

/**
 * The deadlines missed as of `now`: done after the deadline, or not done and `now` is past it. A
 * deadline is met up to and including its exact millisecond. Resolving counts as feedback (the resident
 * is told the outcome). Merged duplicates have no clock: the surviving ticket carries it.
 */
export function isOverdue(t: DeadlineProgress, now: Date): DeadlineKind[] {
  if (t.status === 'MERGED') return [];
  const missed = (by: Date, doneAt: Date | null) => (doneAt ?? now).getTime() > by.getTime();
  const out: DeadlineKind[] = [];
  if (missed(t.respondBy, t.respondedAt)) out.push('RESPONSE');
  if (missed(t.feedbackBy, earliest(t.feedbackAt, t.resolvedAt))) out.push('FEEDBACK');
  if (t.resolveBy && missed(t.resolveBy, t.resolvedAt)) out.push('RESOLUTION');
  return out;
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() <= b.getTime() ? a : b;
}

/**
 * Open tickets past a deadline they have not met, as of `now`: the SQL twin of `isOverdue` for open
 * tickets (the tests check the two agree on the demo data).
 */
export function overdueWhere(now: Date): Prisma.TicketWhereInput {
  return {
    status: { in: [...OPEN_TICKET_STATUSES] },
    OR: [
      { respondedAt: null, respondBy: { lt: now } },
      { feedbackAt: null, resolvedAt: null, feedbackBy: { lt: now } },
      { resolvedAt: null, resolveBy: { lt: now } },
    ],
  };
}
