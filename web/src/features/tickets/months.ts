// Beijing calendar months (YYYY-MM), as the rates and the monthly review count them.

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing month an instant falls in. */
export const beijingMonth = (at: number) => new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 7);

/** The month `delta` months after (negative: before) a YYYY-MM month. */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthNumber - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

/** The last `count` months up to and including the current one, newest first. */
export const recentMonths = (now: number, count: number) => Array.from({ length: count }, (_, i) => shiftMonth(beijingMonth(now), -i));

/** Whether a text is a YYYY-MM month. */
export const isMonth = (text: string | undefined): text is string => !!text && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** Midnight of a YYYY-MM-DD day in Beijing, as an instant (Beijing has no daylight saving since 1991). */
export const beijingMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The Beijing day (YYYY-MM-DD) `days` days after an instant. */
export const beijingDayAfter = (at: number, days: number) => new Date(at + BEIJING_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
