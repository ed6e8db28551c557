// The three rates (三率) and the monthly review (月度点评): reference definitions the SQL in rates.ts is checked against.
import type { CallbackOutcome, TicketStatus } from './ticketStates.ts';

/** One ticket as the rates see it: its status, its response clock and its latest call-back. */
export interface RateRow {
  status: TicketStatus;
  receivedAt: Date;
  respondBy: Date;
  respondedAt: Date | null;
  /** the latest call-back; a reopened ticket is still counted once */
  callback: CallbackOutcome | null;
}

/** The counts behind the three rates, and the rates (fractions 0–1, null when the denominator is 0). */
export interface ThreeRates {
  received: number;
  respondedInTime: number;
  callbacks: number;
  resolved: number;
  satisfied: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

/**
 * The three rates (三率) over the tickets of one cohort. The 12345 hotline grades streets on 响应率,
 * 解决率 and 满意率 through its call-backs (回访) — shared/seeds/002_654bb62363dd55d6.txt, line 11
 * ("12345热线每周、每月对群众需求进行回访,从响应率、解决率、满意率三方面…进行考核"); the monthly review
 * names the streets at the bottom (shared/seeds/004_eda4e6b2289cbd23.txt, line 213). The seeds give no
 * formulas, so these are ours:
 *
 * - cohort: tickets received in the period (`received_at >= :from AND received_at < :to`), status
 *   <> 'MERGED' — each ticket lands in exactly one month, and one WHERE clause serves all three rates
 *   (a month's resolution and satisfaction figures firm up as its late call-backs arrive).
 * - response rate = tickets with `responded_at <= respond_by` / tickets in the cohort, leaving out
 *   tickets still inside their window as of `asOf` (not responded and `respond_by >= :as_of`), so a
 *   live month is not dragged down by tickets that are not late yet. Beijing asks the resident on the
 *   call-back whether the unit got in touch; our survey has no such question, so we time it from the
 *   event log (responded = first acceptance by the handling side).
 * - resolution rate = tickets whose latest call-back says resolved = yes / tickets with a call-back.
 * - satisfaction rate = tickets whose latest call-back is SATISFIED or BASICALLY_SATISFIED / tickets
 *   with a call-back.
 *
 * As SQL (works on SQLite and PostgreSQL; `1.0 *` avoids integer division, NULLIF gives null for 0):
 * ```sql
 * SELECT
 *   1.0 * SUM(CASE WHEN t.responded_at <= t.respond_by THEN 1 ELSE 0 END)
 *     / NULLIF(SUM(CASE WHEN t.responded_at IS NOT NULL OR t.respond_by < :as_of THEN 1 ELSE 0 END), 0) AS response_rate,
 *   1.0 * SUM(CASE WHEN c.resolved THEN 1 ELSE 0 END) / NULLIF(COUNT(c.ticket_id), 0) AS resolution_rate,
 *   1.0 * SUM(CASE WHEN c.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END)
 *     / NULLIF(COUNT(c.ticket_id), 0) AS satisfaction_rate
 * FROM ticket t LEFT JOIN latest_callback c ON c.ticket_id = t.id
 * WHERE t.status <> 'MERGED' AND t.received_at >= :from AND t.received_at < :to
 * ```
 * This function is the reference the SQL is checked against; rows outside `period` (half-open) are
 * ignored when one is given, and omitting `asOf` counts every ticket.
 */
export function threeRates(rows: readonly RateRow[], options: { asOf?: Date; period?: { from: Date; to: Date } } = {}): ThreeRates {
  const asOf = options.asOf?.getTime() ?? Number.POSITIVE_INFINITY;
  const from = options.period?.from.getTime() ?? Number.NEGATIVE_INFINITY;
  const to = options.period?.to.getTime() ?? Number.POSITIVE_INFINITY;
  let received = 0, respondedInTime = 0, callbacks = 0, resolved = 0, satisfied = 0;
  for (const r of rows) {
    const at = r.receivedAt.getTime();
    if (r.status === 'MERGED' || at < from || at >= to) continue;
    if (r.respondedAt !== null || r.respondBy.getTime() < asOf) {
      received += 1;
      if (r.respondedAt !== null && r.respondedAt.getTime() <= r.respondBy.getTime()) respondedInTime += 1;
    }
    if (r.callback) {
      callbacks += 1;
      if (r.callback.resolved) resolved += 1;
      if (r.callback.satisfaction !== 'UNSATISFIED') satisfied += 1;
    }
  }
  const rate = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    received, respondedInTime, callbacks, resolved, satisfied,
    responseRate: rate(respondedInTime, received),
    resolutionRate: rate(resolved, callbacks),
    satisfactionRate: rate(satisfied, callbacks),
  };
}

/**
 * Weights of the monthly composite score, published so a street can recompute its own rank. The
 * 10 / 45 / 45 split is the one widely reported for Beijing's 2019 接诉即办 assessment — it is not in the
 * seeds; change it here, in one place, if the district publishes another.
 */
export const RATE_WEIGHTS = { response: 0.1, resolution: 0.45, satisfaction: 0.45 } as const;
/** Weights for the three rates in a composite score. */
export type RateWeights = { response: number; resolution: number; satisfaction: number };

/** Share of ranked streets named at the bottom of the monthly review (at least one). */
export const MONTHLY_REVIEW_BOTTOM_FRACTION = 0.1;

/** One street's rates for the month, as the ranking takes them. */
export interface StreetRates {
  streetId: string;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

/** One line of the monthly ranking; `rank` and `score` are null for a street with no rates at all. */
export interface RankedStreet<S extends StreetRates = StreetRates> {
  street: S;
  /** 0–100, rounded to 6 decimals */
  score: number | null;
  /** shared by streets that tie on score and all three rates ("1, 2, 2, 4") */
  rank: number | null;
  bottom: boolean;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The composite score (0–100): the weighted mean of the rates present, weights renormalised over them; null when none. */
export function compositeScore(r: Omit<StreetRates, 'streetId'>, weights: RateWeights = RATE_WEIGHTS): number | null {
  const parts: [number | null, number][] = [
    [r.responseRate, weights.response], [r.resolutionRate, weights.resolution], [r.satisfactionRate, weights.satisfaction],
  ];
  let sum = 0, weight = 0;
  for (const [rate, w] of parts) {
    if (rate === null || w === 0) continue;
    sum += rate * w;
    weight += w;
  }
  return weight === 0 ? null : round6((100 * sum) / weight);
}

/**
 * The monthly review (月度点评): streets by composite score, best first. A street with no call-backs yet
 * is scored on the rates it has (weights renormalised) rather than given 0 for missing data; a street
 * with no tickets is listed last, unranked, and never named. Ties go to higher satisfaction, then
 * resolution, then response; streets equal on all of these share a rank and are listed by id. The bottom
 * is the last `bottomFraction` of ranked streets (at least one); streets tied with the cut-off are all
 * named rather than split by id, and streets tied with the best are never named.
 */
export function monthlyRanking<S extends StreetRates>(
  streets: readonly S[],
  weights: RateWeights = RATE_WEIGHTS,
  bottomFraction = MONTHLY_REVIEW_BOTTOM_FRACTION,
): { ranking: RankedStreet<S>[]; bottom: string[] } {
  const ws = [weights.response, weights.resolution, weights.satisfaction];
  if (ws.some((w) => !(w >= 0) || !Number.isFinite(w)) || ws.every((w) => w === 0)) {
    throw new RangeError('monthlyRanking: weights must be finite, ≥ 0 and not all 0');
  }
  const key = (s: S) => [s.satisfactionRate, s.resolutionRate, s.responseRate].map((r) => (r === null ? -1 : round6(r)));
  const scored = streets.map((street) => ({ street, score: compositeScore(street, weights), key: key(street) }));
  const ranked = scored.filter((s) => s.score !== null) as { street: S; score: number; key: number[] }[];
  const unranked = scored.filter((s) => s.score === null);

  const compareKeys = (a: (typeof ranked)[number], b: (typeof ranked)[number]) => {
    if (a.score !== b.score) return b.score - a.score;
    for (let i = 0; i < a.key.length; i++) {
      const d = (b.key[i] ?? 0) - (a.key[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  };
  const byId = (a: { street: S }, b: { street: S }) => (a.street.streetId < b.street.streetId ? -1 : a.street.streetId > b.street.streetId ? 1 : 0);
  ranked.sort((a, b) => compareKeys(a, b) || byId(a, b));
  unranked.sort(byId);

  const ranks: number[] = [];
  ranked.forEach((s, i) => {
    const prev = ranked[i - 1];
    ranks.push(prev && compareKeys(prev, s) === 0 ? (ranks[i - 1] ?? i + 1) : i + 1);
  });
  const n = ranked.length;
  const cutRank = n === 0 ? Number.POSITIVE_INFINITY : (ranks[n - Math.max(1, Math.floor(n * bottomFraction))] ?? Number.POSITIVE_INFINITY);

  const ranking: RankedStreet<S>[] = ranked.map((s, i) => {
    const rank = ranks[i] ?? i + 1;
    return { street: s.street, score: s.score, rank, bottom: rank >= cutRank && rank > 1 };
  });
  for (const s of unranked) ranking.push({ street: s.street, score: null, rank: null, bottom: false });
  return { ranking, bottom: ranking.filter((r) => r.bottom).map((r) => r.street.streetId) };
}
