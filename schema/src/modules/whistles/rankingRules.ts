// The monthly department ranking (下评上): reference arithmetic, no database. The street office
// rates each department that answered its whistle; residents' call-back satisfaction on linked
// tickets feeds in (民评官); check-in punctuality is measured from the deadline rows. The weights are
// published per district and month; a month without its own weights takes the latest earlier ones.
import type { Satisfaction } from '../tickets/ticketStates.ts';
import { isLate } from './whistleDeadlines.ts';

/** Weights in whole percent, summing to 100. */
export interface RankingWeights {
  punctuality: number;
  streetRating: number;
  satisfaction: number;
}

/** The defaults: punctuality 40 %, street rating 40 %, resident satisfaction 20 %. */
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = { punctuality: 40, streetRating: 40, satisfaction: 20 };

/** The weights in force for `month` (YYYY-MM): the district's row for the latest month ≤ it, else the defaults. */
export function weightsForMonth<W extends RankingWeights & { month: string }>(rows: readonly W[], month: string): { weights: RankingWeights; from: string | null } {
  const best = rows.filter((r) => r.month <= month).sort((a, b) => (a.month < b.month ? 1 : -1))[0];
  return best ? { weights: { punctuality: best.punctuality, streetRating: best.streetRating, satisfaction: best.satisfaction }, from: best.month } : { weights: DEFAULT_RANKING_WEIGHTS, from: null };
}

/** Why weights are refused: not whole percents 0–100 summing to 100, or a month already begun before… */
export function weightsProblem(w: RankingWeights, month: string, currentMonth: string): string | null {
  const all = [w.punctuality, w.streetRating, w.satisfaction];
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return 'month must be YYYY-MM';
  if (all.some((x) => !Number.isInteger(x) || x < 0 || x > 100)) return 'weights are whole percents from 0 to 100';
  if (all.reduce((a, b) => a + b, 0) !== 100) return 'weights must sum to 100';
  // earlier months keep the weights they were ranked with
  if (month < currentMonth) return 'the weights of a past month cannot change';
  return null;
}

/** One summons of a department, as the ranking sees it. */
export interface RankingSummons {
  whistleId: string;
  ackDueAt: Date;
  acknowledgedAt: Date | null;
  onSiteDueAt: Date;
  checkedInAt: Date | null;
  /** sent back (退单 accepted): not the department's duty, so not counted against it */
  returned: boolean;
  evaluation: { timeliness: number; effectiveness: number; attitude: number } | null;
  /** the latest call-back satisfaction of the whistle's linked ticket, if any */
  ticketSatisfaction: Satisfaction | null;
}

/** The inputs of one score and the components (fractions 0–1, null when nothing counts). */
export interface DepartmentScore {
  summonses: number;
  returned: number;
  /** clocks (acknowledge, on site) that were due or done */
  clocksCounted: number;
  clocksOnTime: number;
  ratings: number;
  /** mean of the per-whistle rating means, 1–5 */
  meanRating: number | null;
  ticketsWithCallback: number;
  ticketsSatisfied: number;
  punctuality: number | null;
  streetRating: number | null;
  satisfaction: number | null;
  /** 0–100: the weighted mean of the components that have data (their weights renormalised); null when none has */
  score: number | null;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A department's score for one month from its summonses (those of whistles blown in the month):
 * - punctuality = clocks met (done by their due time) / clocks due or done by `asOf` (a clock still
 *   running is not counted yet; a returned summons not at all);
 * - street rating = mean over the ratings of (timeliness + effectiveness + attitude) / 3, divided by 5;
 * - resident satisfaction = linked tickets with a satisfied or basically satisfied call-back /
 *   linked tickets with a call-back;
 * - score = 100 × Σ weight × component / Σ weight, over the components that are not null.
 */
export function departmentScore(rows: readonly RankingSummons[], weights: RankingWeights, asOf: Date): DepartmentScore {
  let clocksCounted = 0;
  let clocksOnTime = 0;
  let returned = 0;
  const ratingMeans: number[] = [];
  const tickets = new Map<string, Satisfaction>();
  for (const r of rows) {
    if (r.returned) {
      returned += 1;
      continue;
    }
    for (const [due, done] of [[r.ackDueAt, r.acknowledgedAt], [r.onSiteDueAt, r.checkedInAt]] as const) {
      if (!done && due.getTime() > asOf.getTime()) continue;
      clocksCounted += 1;
      if (!isLate(due, done, asOf)) clocksOnTime += 1;
    }
    if (r.evaluation) ratingMeans.push((r.evaluation.timeliness + r.evaluation.effectiveness + r.evaluation.attitude) / 3);
    if (r.ticketSatisfaction) tickets.set(r.whistleId, r.ticketSatisfaction);
  }
  const satisfied = [...tickets.values()].filter((s) => s === 'SATISFIED' || s === 'BASICALLY_SATISFIED').length;
  const meanRating = ratingMeans.length ? ratingMeans.reduce((a, b) => a + b, 0) / ratingMeans.length : null;
  const punctuality = clocksCounted ? clocksOnTime / clocksCounted : null;
  const streetRating = meanRating == null ? null : meanRating / 5;
  const satisfaction = tickets.size ? satisfied / tickets.size : null;
  const parts = [[weights.punctuality, punctuality], [weights.streetRating, streetRating], [weights.satisfaction, satisfaction]] as const;
  const counted = parts.filter(([w, c]) => c != null && w > 0);
  const weightSum = counted.reduce((a, [w]) => a + w, 0);
  const score = weightSum ? round((100 * counted.reduce((a, [w, c]) => a + w * c!, 0)) / weightSum, 2) : null;
  return {
    summonses: rows.length, returned, clocksCounted, clocksOnTime, ratings: ratingMeans.length,
    meanRating: meanRating == null ? null : round(meanRating), ticketsWithCallback: tickets.size, ticketsSatisfied: satisfied,
    punctuality: punctuality == null ? null : round(punctuality), streetRating: streetRating == null ? null : round(streetRating),
    satisfaction: satisfaction == null ? null : round(satisfaction), score,
  };
}

/** Ranks departments by score (highest first; ties by code); departments without a score come last, unranked. */
export function rankDepartments<D extends { code: string; score: DepartmentScore }>(departments: readonly D[]): (D & { rank: number | null })[] {
  const scored = departments.filter((d) => d.score.score != null).sort((a, b) => b.score.score! - a.score.score! || a.code.localeCompare(b.code));
  const unscored = departments.filter((d) => d.score.score == null).sort((a, b) => a.code.localeCompare(b.code));
  let rank = 0;
  let previous: number | null = null;
  const ranked = scored.map((d, i) => {
    if (d.score.score !== previous) rank = i + 1;
    previous = d.score.score;
    return { ...d, rank };
  });
  return [...ranked, ...unscored.map((d) => ({ ...d, rank: null }))];
}

/** A street's whistle rate: whistles blown in the month per ticket received (null without tickets). */
export function whistleRate(whistles: number, tickets: number): number | null {
  return tickets === 0 ? null : round(whistles / tickets);
}
