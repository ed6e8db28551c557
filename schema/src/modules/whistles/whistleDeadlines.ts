// A summons' two clocks (acknowledge, on site), from the tier table of the whistle's district.
// Plain functions with the clock passed in, so the tests control time.

/** The deadlines of a tier, in minutes from the summons. */
export interface TierDeadlines {
  ackMinutes: number;
  onSiteMinutes: number;
}

export type DeadlineKind = 'ACK' | 'ON_SITE' | 'RETURN_DECISION';

/** The district platform's clock for deciding a 退单 request made at `requestedAt`. */
export function returnDecisionDeadline(tier: { returnDecisionMinutes: number }, requestedAt: Date): { kind: 'RETURN_DECISION'; dueAt: Date } {
  return { kind: 'RETURN_DECISION', dueAt: new Date(requestedAt.getTime() + tier.returnDecisionMinutes * 60_000) };
}

/** The two deadlines of a summons made at `summonedAt`. */
export function deadlinesFor(tier: TierDeadlines, summonedAt: Date): { kind: DeadlineKind; dueAt: Date }[] {
  return [
    { kind: 'ACK', dueAt: new Date(summonedAt.getTime() + tier.ackMinutes * 60_000) },
    { kind: 'ON_SITE', dueAt: new Date(summonedAt.getTime() + tier.onSiteMinutes * 60_000) },
  ];
}

/**
 * Whether a clock is late at `now`: done after its due time, or not done and past due. The two
 * clocks are separate: an acknowledged summons that never checks in is still late on site.
 */
export function isLate(dueAt: Date, doneAt: Date | null, now: Date): boolean {
  return doneAt ? doneAt.getTime() > dueAt.getTime() : now.getTime() >= dueAt.getTime();
}

/** A deadline row as the watcher sees it. */
export interface DeadlineRow {
  id: string;
  state: 'PENDING' | 'FIRED' | 'CANCELLED';
  dueAt: Date;
}

/** The pending deadlines due at `now` (the watcher claims each of these once). */
export function dueDeadlines<D extends DeadlineRow>(rows: readonly D[], now: Date): D[] {
  return rows.filter((d) => d.state === 'PENDING' && d.dueAt.getTime() <= now.getTime()).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** Limits of a tier's deadlines an admin may set: positive, on site not before the acknowledgement, at most 30 days. */
export function tierProblem(t: TierDeadlines): string | null {
  if (!Number.isInteger(t.ackMinutes) || !Number.isInteger(t.onSiteMinutes)) return 'minutes must be whole numbers';
  if (t.ackMinutes < 1 || t.onSiteMinutes < 1) return 'deadlines must be at least one minute';
  if (t.onSiteMinutes < t.ackMinutes) return 'the on-site deadline cannot come before the acknowledgement deadline';
  if (t.onSiteMinutes > 30 * 24 * 60) return 'deadlines are at most 30 days';
  return null;
}

/** Seconds left until `dueAt` (negative when late): what a countdown shows. */
export const secondsLeft = (dueAt: Date, now: Date) => Math.floor((dueAt.getTime() - now.getTime()) / 1000);
