// The department ranking's rules without a browser (下评上): how one input's clock reads, and the
// weights a dispatcher may publish (whole percents summing to 100, from this month on).

/** How a clock of a summons behind a score went: met in time, met late, missed, or still running. */
export type ClockOutcome = 'onTime' | 'late' | 'missed' | 'running';

/** One clock of a ranking input, from its due time, when it was met (if it was), and now. */
export function clockOutcome(dueAt: string, doneAt: string | null, now: number): ClockOutcome {
  const due = Date.parse(dueAt);
  if (doneAt !== null) return Date.parse(doneAt) <= due ? 'onTime' : 'late';
  return due < now ? 'missed' : 'running';
}

/** The three weights of the composite score, in percent. */
export interface RankingWeights {
  punctuality: number;
  streetRating: number;
  satisfaction: number;
}

export const WEIGHT_KEYS = ['punctuality', 'streetRating', 'satisfaction'] as const satisfies readonly (keyof RankingWeights)[];

/** Reads a typed-in weight: a whole percent 0–100, or null. */
export function parseWeight(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= 100 ? value : null;
}

/** What is wrong with weights typed in: a field that is not a whole percent, or a sum other than 100; null when fine. */
export function weightsProblem(texts: Record<keyof RankingWeights, string>): { kind: 'field'; fields: (keyof RankingWeights)[] } | { kind: 'sum'; sum: number } | null {
  const bad = WEIGHT_KEYS.filter((key) => parseWeight(texts[key]) === null);
  if (bad.length > 0) return { kind: 'field', fields: bad };
  const sum = WEIGHT_KEYS.reduce((total, key) => total + parseWeight(texts[key])!, 0);
  return sum === 100 ? null : { kind: 'sum', sum };
}
