// Ticket (接诉即办) statuses and the state machine: plain functions, no database, no clock.
import { beijingDateOf } from '../../lib/beijingTime.ts';

/** Ticket life-cycle statuses, in life-cycle order; MERGED is the terminal state of a duplicate. */
export const TICKET_STATUSES = [
  'RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'CALLED_BACK', 'CLOSED', 'MERGED',
] as const;
/** A ticket's status. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** How a ticket came in; COMMUNITY_PREEMPTIVE is 未诉先办 (a community claims a problem before anyone calls 12345). */
export const TICKET_CHANNELS = [
  'HOTLINE_12345', 'APP', 'WALK_IN', 'GRID_PATROL', 'COUNCIL', 'DATA_ALERT', 'COMMUNITY_PREEMPTIVE',
] as const;
/** A ticket's intake channel. */
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Answers to the call-back survey's satisfaction question (满意 / 基本满意 / 不满意). */
export const SATISFACTION_LEVELS = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'] as const;
/** A call-back satisfaction answer. */
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** What the resident said on the call-back (回访). */
export interface CallbackOutcome {
  resolved: boolean;
  satisfaction: Satisfaction;
}


/** Ticket-level actions, in the order `allowedActions` lists them. */
export const TICKET_ACTIONS = [
  'dispatch', 'accept', 'progress', 'resolve', 'recordCallback', 'close', 'reopen', 'merge',
] as const;
/** A ticket-level action. */
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Outcome of a transition: the next status, or a typed failure naming the current state. */
export type TransitionResult =
  | { ok: true; next: TicketStatus }
  | { ok: false; reason: 'ILLEGAL_TRANSITION'; current: TicketStatus; action: TicketAction };

/**
 * Where a reopened ticket goes (manual reopen or unsatisfied call-back): back to DISPATCHED, not to
 * IN_PROGRESS. The resident has just said the work did not do it, so the parts land in the assignees'
 * inboxes as unaccepted work with a fresh `accept` event on the timeline (the board shows who picked it
 * back up and when), and the dispatcher can still re-route it (改派) if the wrong unit had it — which
 * is a common reason for dissatisfaction. Jumping to IN_PROGRESS would hide both.
 */
export const REOPEN_TARGET = 'DISPATCHED' satisfies TicketStatus;

// 'CALLBACK' stands for "RESOLVED → CALLED_BACK or reopened, depending on the answer".
const TABLE: Record<TicketStatus, Partial<Record<TicketAction, TicketStatus | 'CALLBACK'>>> = {
  RECEIVED: { dispatch: 'DISPATCHED', merge: 'MERGED' },
  // dispatch again = 改派: re-route before anybody accepted (a street returns a mis-routed ticket)
  DISPATCHED: { dispatch: 'DISPATCHED', accept: 'ACCEPTED', merge: 'MERGED' },
  // resolve straight from ACCEPTED: the quick fixes (a ground lock removed the same day) need no note
  ACCEPTED: { progress: 'IN_PROGRESS', resolve: 'RESOLVED', merge: 'MERGED' },
  IN_PROGRESS: { progress: 'IN_PROGRESS', resolve: 'RESOLVED', merge: 'MERGED' },
  // a resolved ticket is no longer merged away: its outcome already counts towards the rates
  RESOLVED: { recordCallback: 'CALLBACK', reopen: REOPEN_TARGET },
  CALLED_BACK: { close: 'CLOSED', reopen: REOPEN_TARGET },
  // reopening a closed ticket is how 回头看 (revisits) and a repeat call on the same problem come back in
  CLOSED: { reopen: REOPEN_TARGET },
  MERGED: {},
};

/** True when this call-back answer reopens the ticket: only 不满意 does (see the note in `transition`). */
export function callbackReopens(callback: CallbackOutcome): boolean {
  return callback.satisfaction === 'UNSATISFIED';
}

/**
 * Applies one ticket-level action. `recordCallback` needs the answer: satisfied or basically satisfied
 * → CALLED_BACK (then `close`), unsatisfied → REOPEN_TARGET. "Not resolved but satisfied" closes on
 * purpose: the resident accepted an explanation (e.g. the 怀柔 night-noise case, where the equipment met
 * the standard); it still lowers the resolution rate. Expected failures are returned, never thrown.
 */
export function transition(current: TicketStatus, action: 'recordCallback', callback: CallbackOutcome): TransitionResult;
export function transition(current: TicketStatus, action: Exclude<TicketAction, 'recordCallback'>): TransitionResult;
export function transition(current: TicketStatus, action: TicketAction, callback?: CallbackOutcome): TransitionResult;
export function transition(current: TicketStatus, action: TicketAction, callback?: CallbackOutcome): TransitionResult {
  const next = TABLE[current][action];
  if (next === undefined) return { ok: false, reason: 'ILLEGAL_TRANSITION', current, action };
  if (next !== 'CALLBACK') return { ok: true, next };
  // a missing answer is a bug in the caller, not bad input from a user
  if (!callback) throw new TypeError('transition: recordCallback needs the call-back answer');
  return { ok: true, next: callbackReopens(callback) ? REOPEN_TARGET : 'CALLED_BACK' };
}

/** The actions legal in a status, in TICKET_ACTIONS order (what the UI offers as buttons). */
export function allowedActions(status: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => TABLE[status][a] !== undefined);
}


/** The statuses in which somebody still owes the resident work: what the inbox, the overdue rule and the board count as open. */
export const OPEN_TICKET_STATUSES = ['RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS'] as const satisfies readonly TicketStatus[];

/** Whether a ticket in this status is still open. */
export const isOpenStatus = (status: TicketStatus): boolean => (OPEN_TICKET_STATUSES as readonly TicketStatus[]).includes(status);

/**
 * A ticket's human-readable number: the Beijing calendar date of receipt and a 6-digit serial, e.g.
 * 20261122-000123 — a ticket received at 00:30 Beijing time (16:30 UTC the day before) carries the
 * Beijing date, as the months of the rates do.
 */
export function ticketNumber(receivedAt: Date, serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) throw new RangeError('ticketNumber: serial must be 0–999999');
  return `${beijingDateOf(receivedAt)}-${String(serial).padStart(6, '0')}`;
}
