// Beijing time: China keeps UTC+8 all year (no DST), so a Beijing calendar day or month is a fixed
// offset from UTC. Plain functions, no clock: callers pass the instant.

/** Milliseconds in an hour and in a day, for wall-clock deadline arithmetic. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/**
 * The instants a Beijing calendar month spans, [from, to): China keeps UTC+8 all year (no DST), so a
 * month is a fixed offset from UTC. A ticket received at 23:30 on 31 October Beijing time is October's.
 */
export function beijingMonth(month: string): { from: Date; to: Date } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(m?.[1]);
  const index = Number(m?.[2]) - 1;
  if (!m || index < 0 || index > 11) throw new RangeError(`beijingMonth: expected YYYY-MM, got ${month}`);
  return { from: new Date(Date.UTC(year, index, 1) - BEIJING_OFFSET_MS), to: new Date(Date.UTC(year, index + 1, 1) - BEIJING_OFFSET_MS) };
}

/** The Beijing month (YYYY-MM) an instant falls in. */
export function beijingMonthOf(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

/** The `count` Beijing months ending with the month of `at`, oldest first. */
export function monthsEndingAt(at: Date, count: number): string[] {
  const [y, m] = beijingMonthOf(at).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1)).toISOString().slice(0, 7));
}


/** The Beijing calendar date of an instant as YYYYMMDD (a ticket received at 01:00 Beijing time on 2 Dec is the 2nd's). */
export function beijingDateOf(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}
