import { describe, expect, it } from 'vitest';
import { departmentScore, rankDepartments, type RankingSummons, weightsForMonth, weightsProblem, whistleRate, DEFAULT_RANKING_WEIGHTS } from '../src/modules/whistles/rankingRules.ts';
import { judgeCheckIn } from '../src/modules/whistles/whistleCheckIn.ts';
import { deadlinesFor, dueDeadlines, isLate, tierProblem } from '../src/modules/whistles/whistleDeadlines.ts';
import { closeProblems, ratingProblem, stageAfterCheckIn, summonsListProblem, summonsStep, whistleNumber } from '../src/modules/whistles/whistleStates.ts';

const T0 = new Date('2026-11-10T02:00:00Z');
const min = (m: number) => new Date(T0.getTime() + m * 60_000);
const EMERGENCY = { ackMinutes: 10, onSiteMinutes: 30 };

describe('deadlines with a controllable clock', () => {
  it('derive both clocks from the tier (emergency: 10 and 30 minutes)', () => {
    expect(deadlinesFor(EMERGENCY, T0)).toEqual([{ kind: 'ACK', dueAt: min(10) }, { kind: 'ON_SITE', dueAt: min(30) }]);
    expect(deadlinesFor({ ackMinutes: 120, onSiteMinutes: 1440 }, T0)[1]!.dueAt).toEqual(min(1440));
  });

  it('are late when done after the due time, or not done at or past it; the two clocks are separate', () => {
    expect(isLate(min(10), min(9), min(60))).toBe(false);
    expect(isLate(min(10), min(11), min(60))).toBe(true);
    expect(isLate(min(10), null, min(9))).toBe(false);
    expect(isLate(min(10), null, min(10))).toBe(true);
    // acknowledged in time but never on site: the on-site clock is still late
    expect(isLate(min(10), min(2), min(31)) || isLate(min(30), null, min(31))).toBe(true);
    expect(isLate(min(30), null, min(31))).toBe(true);
  });

  it('pick the pending deadlines due now, oldest first', () => {
    const rows = [
      { id: 'b', state: 'PENDING' as const, dueAt: min(30) },
      { id: 'a', state: 'PENDING' as const, dueAt: min(10) },
      { id: 'c', state: 'FIRED' as const, dueAt: min(5) },
      { id: 'd', state: 'PENDING' as const, dueAt: min(31) },
    ];
    expect(dueDeadlines(rows, min(30)).map((d) => d.id)).toEqual(['a', 'b']);
    expect(dueDeadlines(rows, min(9))).toEqual([]);
  });

  it('refuse nonsensical tier tables', () => {
    expect(tierProblem(EMERGENCY)).toBeNull();
    expect(tierProblem({ ackMinutes: 0, onSiteMinutes: 30 })).toMatch(/at least/);
    expect(tierProblem({ ackMinutes: 40, onSiteMinutes: 30 })).toMatch(/before/);
  });
});

describe('summons steps, stages and closing', () => {
  const fresh = { role: 'ASSIST' as const, acknowledgedAt: null, checkedInAt: null, reportedAt: null, returnDecision: null };
  it('allow one acknowledgement, one check-in and one report, only while the whistle is live', () => {
    expect(summonsStep('ASSEMBLE', fresh, 'checkIn')).toEqual({ ok: true });
    expect(summonsStep('ACT', { ...fresh, checkedInAt: T0 }, 'checkIn')).toEqual({ ok: false, problem: 'ALREADY_CHECKED_IN' });
    expect(summonsStep('ACT', { ...fresh, acknowledgedAt: T0 }, 'acknowledge')).toEqual({ ok: false, problem: 'ALREADY_ACKNOWLEDGED' });
    expect(summonsStep('CLOSE', fresh, 'acknowledge')).toEqual({ ok: false, problem: 'NOT_LIVE' });
    expect(summonsStep('ACT', { ...fresh, returnDecision: 'ACCEPTED' }, 'checkIn')).toEqual({ ok: false, problem: 'RETURNED' });
    expect(summonsStep('ACT', { ...fresh, role: 'LEAD' }, 'requestReturn')).toEqual({ ok: false, problem: 'LEAD_CANNOT_RETURN' });
  });

  it('moves to ACT with the first check-in', () => {
    expect(stageAfterCheckIn('ASSEMBLE')).toBe('ACT');
    expect(stageAfterCheckIn('ACT')).toBe('ACT');
  });

  it("closes only with the lead's report and the street's confirmation", () => {
    const lead = { role: 'LEAD' as const, reportedAt: null };
    expect(closeProblems('ACT', [lead, { role: 'ASSIST', reportedAt: T0 }], true)).toEqual(['NO_LEAD_REPORT']);
    expect(closeProblems('ACT', [{ ...lead, reportedAt: T0 }], false)).toEqual(['NOT_CONFIRMED']);
    expect(closeProblems('ACT', [{ ...lead, reportedAt: T0 }], true)).toEqual([]);
    expect(closeProblems('CLOSE', [{ ...lead, reportedAt: T0 }], true)).toEqual(['NOT_LIVE']);
  });

  it('rates inside the window opened at close, once', () => {
    const closed = { closedAt: T0, evaluationClosesAt: min(7 * 1440) };
    expect(ratingProblem({ closedAt: null, evaluationClosesAt: null }, { returnDecision: null, rated: false }, T0)).toBe('WINDOW_NOT_OPEN');
    expect(ratingProblem(closed, { returnDecision: null, rated: false }, min(60))).toBeNull();
    expect(ratingProblem(closed, { returnDecision: null, rated: true }, min(60))).toBe('ALREADY_RATED');
    expect(ratingProblem(closed, { returnDecision: null, rated: false }, min(7 * 1440 + 1))).toBe('WINDOW_CLOSED');
  });

  it('needs at least one department, exactly one lead, each once', () => {
    expect(summonsListProblem([])).toBe('NO_DEPARTMENT');
    expect(summonsListProblem([{ departmentCode: 'A', role: 'ASSIST' }])).toBe('NO_LEAD');
    expect(summonsListProblem([{ departmentCode: 'A', role: 'LEAD' }, { departmentCode: 'B', role: 'LEAD' }])).toBe('SEVERAL_LEADS');
    expect(summonsListProblem([{ departmentCode: 'A', role: 'LEAD' }, { departmentCode: 'A', role: 'ASSIST' }])).toBe('DUPLICATE_DEPARTMENT');
    expect(summonsListProblem([{ departmentCode: 'A', role: 'LEAD' }, { departmentCode: 'B', role: 'ASSIST' }])).toBeNull();
  });

  it('numbers whistles by the Beijing date', () => {
    expect(whistleNumber(new Date('2026-11-30T17:00:00Z'), 3)).toBe('W20261201-0003');
  });
});

describe('check-in distance', () => {
  it('flags a check-in farther than the radius and keeps it', () => {
    const at = [116.397, 39.899] as const;
    const near = judgeCheckIn(at, [116.398, 39.899], 500);
    expect(near.flagged).toBe(false);
    expect(near.distanceM).toBeGreaterThan(80);
    expect(near.distanceM).toBeLessThan(90);
    const far = judgeCheckIn(at, [116.41, 39.899], 500);
    expect(far.flagged).toBe(true);
    expect(far.distanceM).toBeGreaterThan(1000);
  });
});

describe('ranking arithmetic against hand-computed examples', () => {
  const row = (o: Partial<RankingSummons>): RankingSummons => ({
    whistleId: 'w1', ackDueAt: min(10), acknowledgedAt: min(5), onSiteDueAt: min(30), checkedInAt: min(20), returned: false, evaluation: null, ticketSatisfaction: null, ...o,
  });
  const asOf = min(10_000);

  it('department A: 3 of 4 clocks on time, ratings (5,5,5) and (3,4,2), one satisfied ticket of two', () => {
    // punctuality 3/4 = 0.75; ratings: means 5 and 3 → 4 → 4/5 = 0.8; satisfaction 1/2 = 0.5
    // score = 100 × (0.4 × 0.75 + 0.4 × 0.8 + 0.2 × 0.5) = 100 × (0.30 + 0.32 + 0.10) = 72
    const s = departmentScore([
      row({ whistleId: 'w1', evaluation: { timeliness: 5, effectiveness: 5, attitude: 5 }, ticketSatisfaction: 'SATISFIED' }),
      row({ whistleId: 'w2', checkedInAt: min(45), evaluation: { timeliness: 3, effectiveness: 4, attitude: 2 }, ticketSatisfaction: 'UNSATISFIED' }),
    ], DEFAULT_RANKING_WEIGHTS, asOf);
    expect(s).toMatchObject({ clocksCounted: 4, clocksOnTime: 3, punctuality: 0.75, meanRating: 4, streetRating: 0.8, ticketsWithCallback: 2, ticketsSatisfied: 1, satisfaction: 0.5, score: 72 });
  });

  it('department B: no linked ticket — its weight is shared out: (0.4 × 0.5 + 0.4 × 0.6) / 0.8 = 55', () => {
    // clocks: ack late, on site in time → 1/2; rating (3,3,3) → 3/5 = 0.6
    const s = departmentScore([row({ acknowledgedAt: min(12), evaluation: { timeliness: 3, effectiveness: 3, attitude: 3 } })], DEFAULT_RANKING_WEIGHTS, asOf);
    expect(s).toMatchObject({ punctuality: 0.5, streetRating: 0.6, satisfaction: null, score: 55 });
  });

  it('counts running clocks only once due, and no returned summons at all; other weights change the score', () => {
    const s = departmentScore([
      row({ acknowledgedAt: null, checkedInAt: null }), // as of min(20): ack due and missed; on site still running
      row({ returned: true, acknowledgedAt: null, checkedInAt: null }),
    ], { punctuality: 100, streetRating: 0, satisfaction: 0 }, min(20));
    expect(s).toMatchObject({ summonses: 2, returned: 1, clocksCounted: 1, clocksOnTime: 0, punctuality: 0, score: 0 });
    expect(departmentScore([], DEFAULT_RANKING_WEIGHTS, asOf).score).toBeNull();
  });

  it('ranks by score, ties share a rank, unscored last', () => {
    const mk = (code: string, score: number | null) => ({ code, score: { score } as never });
    expect(rankDepartments([mk('C', 55), mk('A', 72), mk('D', null), mk('B', 72)]).map((d) => [d.code, d.rank])).toEqual([['A', 1], ['B', 1], ['C', 3], ['D', null]]);
  });

  it('takes the latest weights set for the month or before, and refuses changing a past month', () => {
    const rows = [{ month: '2026-09', punctuality: 50, streetRating: 30, satisfaction: 20 }, { month: '2026-11', punctuality: 34, streetRating: 33, satisfaction: 33 }];
    expect(weightsForMonth(rows, '2026-08')).toEqual({ weights: DEFAULT_RANKING_WEIGHTS, from: null });
    expect(weightsForMonth(rows, '2026-10')).toEqual({ weights: { punctuality: 50, streetRating: 30, satisfaction: 20 }, from: '2026-09' });
    expect(weightsForMonth(rows, '2026-12').from).toBe('2026-11');
    expect(weightsProblem({ punctuality: 50, streetRating: 30, satisfaction: 20 }, '2026-10', '2026-11')).toMatch(/past month/);
    expect(weightsProblem({ punctuality: 50, streetRating: 30, satisfaction: 30 }, '2026-12', '2026-11')).toMatch(/sum to 100/);
    expect(weightsProblem({ punctuality: 50, streetRating: 30, satisfaction: 20 }, '2026-11', '2026-11')).toBeNull();
  });

  it("gives a street's whistle rate per ticket, null without tickets", () => {
    expect(whistleRate(3, 40)).toBe(0.075);
    expect(whistleRate(1, 0)).toBeNull();
  });
});
