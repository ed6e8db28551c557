// Dual dispatch (双派单): parts, their own state machine, and the ticket status derived from them.
import { type TicketAction, type TicketStatus } from './ticketStates.ts';
import type { Grant } from '../../auth/viewer.ts';
import { mayPerform, type TicketScope } from './ticketPolicy.ts';

/** The two sides of a dual dispatch: the street office, and the community (with its property manager). */
export const DISPATCH_PART_KINDS = ['STREET', 'COMMUNITY'] as const;
/** Which side a dispatch part goes to. */
export type DispatchPartKind = (typeof DISPATCH_PART_KINDS)[number];

/** Statuses a dispatch part moves through, in order. */
export const PART_STATUSES = ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'] as const;
/** A dispatch part's status. */
export type PartStatus = (typeof PART_STATUSES)[number];

/** Actions on one dispatch part. */
export const PART_ACTIONS = ['accept', 'progress', 'resolve', 'reopen'] as const;
/** An action on one dispatch part. */
export type PartAction = (typeof PART_ACTIONS)[number];

/** Outcome of a part transition. */
export type PartTransitionResult =
  | { ok: true; next: PartStatus }
  | { ok: false; reason: 'ILLEGAL_TRANSITION'; current: PartStatus; action: PartAction };

const PART_TABLE: Record<PartStatus, Partial<Record<PartAction, PartStatus>>> = {
  DISPATCHED: { accept: 'ACCEPTED' },
  ACCEPTED: { progress: 'IN_PROGRESS', resolve: 'RESOLVED' },
  IN_PROGRESS: { progress: 'IN_PROGRESS', resolve: 'RESOLVED' },
  RESOLVED: { reopen: 'DISPATCHED' },
};

/** Applies one action to a dispatch part; each part has its own status and clock (双派双考). */
export function partTransition(current: PartStatus, action: PartAction): PartTransitionResult {
  const next = PART_TABLE[current][action];
  return next === undefined ? { ok: false, reason: 'ILLEGAL_TRANSITION', current, action } : { ok: true, next };
}

/**
 * Checks a dispatch plan: one or two parts, at most one per side. A single COMMUNITY part is allowed
 * because app posts go to the community first (花伴儿: 派单给所属社区).
 */
export function checkDispatchPlan(kinds: readonly DispatchPartKind[]): { ok: true } | { ok: false; reason: 'INVALID_DISPATCH' } {
  const ok = kinds.length >= 1 && kinds.length <= 2 && new Set(kinds).size === kinds.length;
  return ok ? { ok: true } : { ok: false, reason: 'INVALID_DISPATCH' };
}

/**
 * The ticket's status while it is being handled, derived from its parts: the least advanced part's
 * status, so a ticket never looks further along than any piece of its work and counts as RESOLVED only
 * when every part is. No parts yet → RECEIVED. Statuses after RESOLVED are ticket-level, not derived.
 */
export function ticketStatusFromParts(parts: readonly { status: PartStatus }[]): TicketStatus {
  if (parts.length === 0) return 'RECEIVED';
  let least = PART_STATUSES.length - 1;
  for (const p of parts) least = Math.min(least, PART_STATUSES.indexOf(p.status));
  return PART_STATUSES[least] ?? 'RECEIVED';
}

/** Ticket actions that act on one dispatch part. */
export const PART_LEVEL: ReadonlySet<TicketAction> = new Set(['accept', 'progress', 'resolve']);

/** The part actions (accept, progress, resolve) the part's status allows and the grants may perform on it. */
export function partActionsFor(
  part: { kind: DispatchPartKind; status: PartStatus },
  ticket: TicketScope,
  grants: readonly Grant[] | null,
): ('accept' | 'progress' | 'resolve')[] {
  return (['accept', 'progress', 'resolve'] as const).filter(
    (a) => partTransition(part.status, a).ok && mayPerform(a, grants, ticket, part.kind),
  );
}
