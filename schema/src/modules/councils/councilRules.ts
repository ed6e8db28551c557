// The rules of the neighbourhood councils (议事厅): vote thresholds, quorum, ballots, the meeting and
// motion steps and overdue action items. Plain functions, no database (house rule 5).
//
// Every threshold and quorum is compared by cross-multiplying whole numbers (yes × d ≥ n × base), never
// by dividing: 2/3 is not a finite binary fraction, and a vote of 6 of 9 households must not fail on
// 0.6666… rounding. Counts and fractions that are not non-negative safe integers are a bug upstream, not a
// voter's mistake, so they throw a RangeError; a voter's or a chair's mistake is a typed problem (null: fine).
import { beijingDateOf } from '../../lib/beijingTime.ts';

/** How much yes a motion needs: more than half, at least two thirds, or at least a given fraction. */
export const VOTE_RULES = ['SIMPLE_MAJORITY', 'TWO_THIRDS', 'FRACTION'] as const;
export type VoteRule = (typeof VOTE_RULES)[number];

/**
 * What the threshold is counted of: the eligible electors (ELIGIBLE: silence counts against, as for
 * hiring a property manager by two thirds of the households) or the votes cast, yes + no (CAST).
 * Abstentions are never yes and never in a CAST base; they do count as taking part for the quorum.
 */
export const THRESHOLD_BASES = ['ELIGIBLE', 'CAST'] as const;
export type ThresholdBase = (typeof THRESHOLD_BASES)[number];

/** Who votes: the members present at the meeting, all council members, or the community's households (one vote each). */
export const ELECTORATES = ['PRESENT', 'ALL_MEMBERS', 'HOUSEHOLDS'] as const;
export type Electorate = (typeof ELECTORATES)[number];

/** NAMED: a voter may change their ballot until the motion closes, every ballot kept; SECRET: one submission, stored apart from the voter. */
export const VOTE_POLICIES = ['NAMED', 'SECRET'] as const;
export type VotePolicy = (typeof VOTE_POLICIES)[number];

/** A ballot's choice. */
export const VOTE_CHOICES = ['YES', 'NO', 'ABSTAIN'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** A threshold as a fraction of the base: met when yes × denominator > (strict) or ≥ numerator × base. */
export interface Threshold {
  rule: VoteRule;
  numerator: number;
  denominator: number;
  strict: boolean;
}

/** Why a threshold cannot be built: FRACTION without a fraction, or one that is not whole numbers with 0 < n/d ≤ 1. */
export type ThresholdProblem = 'FRACTION_REQUIRED' | 'FRACTION_INVALID';

/** What is wrong with a rule and its fraction, for validating input at the edge (null: fine; the fraction is read only for FRACTION). */
export function thresholdProblem(rule: VoteRule, fraction?: { numerator: number; denominator: number } | null): ThresholdProblem | null {
  if (rule !== 'FRACTION') return null;
  if (!fraction) return 'FRACTION_REQUIRED';
  const { numerator: n, denominator: d } = fraction;
  return Number.isSafeInteger(n) && Number.isSafeInteger(d) && n > 0 && d > 0 && n <= d ? null : 'FRACTION_INVALID';
}

/**
 * The threshold of a rule: SIMPLE_MAJORITY more than 1/2 (yes × 2 > base), TWO_THIRDS at least 2/3
 * (yes × 3 ≥ 2 × base), FRACTION at least n/d (yes × d ≥ n × base). A fraction is not reduced (3/6 stays
 * 3/6; the comparisons do not care). FRACTION 1/2 is "at least half", so unlike a simple majority a tie
 * meets it. Throws a RangeError where thresholdProblem reports a problem: check that first for user input.
 */
export function thresholdOf(rule: VoteRule, fraction?: { numerator: number; denominator: number } | null): Threshold {
  const problem = thresholdProblem(rule, fraction);
  if (problem) throw new RangeError(`thresholdOf: ${problem} (FRACTION needs whole numbers n, d with 0 < n/d ≤ 1)`);
  switch (rule) {
    case 'SIMPLE_MAJORITY':
      return { rule, numerator: 1, denominator: 2, strict: true };
    case 'TWO_THIRDS':
      return { rule, numerator: 2, denominator: 3, strict: false };
    case 'FRACTION':
      return { rule, numerator: fraction!.numerator, denominator: fraction!.denominator, strict: false };
  }
}

function count(name: string, x: number): number {
  if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${x}`);
  return x;
}

// a product that left the safe integers would compare wrongly; no real electorate gets near it
function times(a: number, b: number): number {
  const p = a * b;
  if (!Number.isSafeInteger(p)) throw new RangeError('vote arithmetic left the safe integers');
  return p;
}

/** ⌈a / b⌉ for whole a ≥ 0, b > 0, without a fractional intermediate. */
function ceilDiv(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b + (r === 0 ? 0 : 1);
}

function checkThreshold(t: Threshold): void {
  const { numerator: n, denominator: d } = t;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || n <= 0 || d <= 0 || n > d) throw new RangeError(`threshold must be whole numbers with 0 < n/d ≤ 1, got ${n}/${d}`);
}

/**
 * Whether `yes` meets the threshold of `base` (whole-number arithmetic only). A base of 0 (no eligible
 * elector, or nobody voted yes or no) never passes: otherwise "at least 2/3 of nothing" would be met by 0.
 */
/** The threshold a motion row stores (its rule and, for FRACTION, its fraction). */
export const thresholdOfMotion = (m: { rule: VoteRule; fractionNumerator: number | null; fractionDenominator: number | null }): Threshold =>
  thresholdOf(m.rule, m.fractionNumerator != null && m.fractionDenominator != null ? { numerator: m.fractionNumerator, denominator: m.fractionDenominator } : null);

export function meetsThreshold(t: Threshold, yes: number, base: number): boolean {
  checkThreshold(t);
  count('yes', yes);
  count('base', base);
  if (base === 0) return false;
  const lhs = times(yes, t.denominator);
  const rhs = times(t.numerator, base);
  return t.strict ? lhs > rhs : lhs >= rhs;
}

/**
 * The fewest yes votes that meet the threshold of `base`: two thirds of 9 → 6, a simple majority of
 * 10 → 6 and of 9 → 5. For base 0 it is 1, one more than the base: a motion with no base cannot pass
 * (meetsThreshold is false), and "needed > base" is how a display tells it is out of reach.
 */
export function votesNeeded(t: Threshold, base: number): number {
  checkThreshold(t);
  count('base', base);
  if (base === 0) return 1;
  const product = times(t.numerator, base);
  // strict: the smallest yes with yes × d > n × base is ⌊n × base / d⌋ + 1; otherwise ⌈n × base / d⌉
  return t.strict ? (product - (product % t.denominator)) / t.denominator + 1 : ceilDiv(product, t.denominator);
}

/** The share of the membership that must take part, e.g. 1/2 or 2/3 (numerator 0: no quorum). */
export interface QuorumRule {
  numerator: number;
  denominator: number;
}

function checkQuorum(q: QuorumRule): void {
  const { numerator: n, denominator: d } = q;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || n < 0 || d <= 0 || n > d) throw new RangeError(`quorum must be whole numbers with 0 ≤ n/d ≤ 1, got ${n}/${d}`);
}

/** The fewest participants c with c × denominator ≥ numerator × membership: 1/2 of 15 → 8, 2/3 of 15 → 10. */
export function quorumNeeded(q: QuorumRule, membership: number): number {
  checkQuorum(q);
  return ceilDiv(times(q.numerator, count('membership', membership)), q.denominator);
}

/** Whether enough electors took part (cast any ballot, abstentions included) of the membership. */
export function hasQuorum(q: QuorumRule, participants: number, membership: number): boolean {
  checkQuorum(q);
  return times(count('participants', participants), q.denominator) >= times(q.numerator, count('membership', membership));
}

/**
 * The electors and the membership the quorum is counted of, per electorate: PRESENT votes the members
 * present of all the members, ALL_MEMBERS all the members, HOUSEHOLDS all the households (one vote each).
 */
export function electorateCounts(electorate: Electorate, c: { present: number; members: number; households: number }): { eligible: number; membership: number } {
  switch (electorate) {
    case 'PRESENT':
      return { eligible: c.present, membership: c.members };
    case 'ALL_MEMBERS':
      return { eligible: c.members, membership: c.members };
    case 'HOUSEHOLDS':
      return { eligible: c.households, membership: c.households };
  }
}

/** The counts of a motion's ballots. */
export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

/** Counts the choices of the ballots that stand (one per elector). */
export function tallyOf(choices: readonly VoteChoice[]): Tally {
  const t: Tally = { yes: 0, no: 0, abstain: 0 };
  for (const c of choices) {
    if (c === 'YES') t.yes += 1;
    else if (c === 'NO') t.no += 1;
    else if (c === 'ABSTAIN') t.abstain += 1;
    else throw new RangeError(`tallyOf: unknown choice ${String(c)}`);
  }
  return t;
}

/**
 * The ballots that stand under NAMED voting, where a voter may change their mind: each voter's latest
 * (by `at`; of two at the same instant, the later in the list). The earlier ones stay in the history.
 */
export function standingBallots<B extends { voterId: string; choice: VoteChoice; at: Date }>(history: readonly B[]): B[] {
  const latest = new Map<string, B>();
  for (const b of history) {
    const seen = latest.get(b.voterId);
    if (!seen || b.at.getTime() >= seen.at.getTime()) latest.set(b.voterId, b);
  }
  return [...latest.values()];
}

/** The base count the threshold is taken of: the eligible electors, or yes + no. */
export function baseCountOf(base: ThresholdBase, eligible: number, tally: Tally): number {
  return base === 'ELIGIBLE' ? count('eligible', eligible) : count('yes', tally.yes) + count('no', tally.no);
}

export const MOTION_RESULTS = ['PASSED', 'REJECTED', 'TIED', 'NO_QUORUM'] as const;
export type MotionResult = (typeof MOTION_RESULTS)[number];

/**
 * The result of a motion when it closes:
 * - NO_QUORUM when fewer electors took part (yes + no + abstain) than the quorum of the membership,
 *   whatever the ballots say, even a unanimous yes: the motion is recorded as failed for lack of quorum;
 * - PASSED when yes meets the threshold of the base (ELIGIBLE: the eligible electors; CAST: yes + no);
 * - TIED when it does not and yes = no (0–0 too, when everyone abstained): a tie fails, the status quo stands;
 * - REJECTED otherwise.
 * Throws a RangeError when there are more ballots than electors or more electors than members: the
 * counts are wrong, and no result should be recorded from them.
 */
export function decideMotion(input: { threshold: Threshold; base: ThresholdBase; eligible: number; membership: number; quorum: QuorumRule; tally: Tally }): { result: MotionResult; needed: number; baseCount: number; quorumNeeded: number; participants: number } {
  const { threshold, tally } = input;
  const eligible = count('eligible', input.eligible);
  const membership = count('membership', input.membership);
  const participants = count('yes', tally.yes) + count('no', tally.no) + count('abstain', tally.abstain);
  if (participants > eligible) throw new RangeError(`decideMotion: ${participants} ballots from ${eligible} eligible electors`);
  if (eligible > membership) throw new RangeError(`decideMotion: ${eligible} eligible electors of a membership of ${membership}`);
  const baseCount = baseCountOf(input.base, eligible, tally);
  const needed = votesNeeded(threshold, baseCount);
  const quorum = quorumNeeded(input.quorum, membership);
  const result: MotionResult = participants < quorum ? 'NO_QUORUM'
    : meetsThreshold(threshold, tally.yes, baseCount) ? 'PASSED'
    : tally.yes === tally.no ? 'TIED'
    : 'REJECTED';
  return { result, needed, baseCount, quorumNeeded: quorum, participants };
}

/** For the live "6 of 9 needed" display: the yes votes needed of `base` (a count, see baseCountOf), those cast, and how many are still missing. */
export function progressOf(t: Threshold, base: number, tally: Tally): { needed: number; yes: number; remaining: number } {
  const needed = votesNeeded(t, base);
  const yes = count('yes', tally.yes);
  return { needed, yes, remaining: Math.max(0, needed - yes) };
}

export const BALLOT_PROBLEMS = ['NOT_ELIGIBLE', 'ALREADY_VOTED', 'MOTION_NOT_OPEN'] as const;
export type BallotProblem = (typeof BALLOT_PROBLEMS)[number];

/** Whether a voter may cast a ballot now: the motion is open, they are an elector, and under SECRET voting they have not voted (NAMED lets them change). */
export function ballotProblem(policy: VotePolicy, s: { motionOpen: boolean; eligible: boolean; hasVoted: boolean }): BallotProblem | null {
  if (!s.motionOpen) return 'MOTION_NOT_OPEN';
  if (!s.eligible) return 'NOT_ELIGIBLE';
  if (policy === 'SECRET' && s.hasVoted) return 'ALREADY_VOTED';
  return null;
}

/** A meeting is scheduled, opened by the chair when it starts, and closed at its end (for good). */
export const MEETING_STATUSES = ['SCHEDULED', 'OPEN', 'CLOSED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A motion is drafted, opened for the vote at an open meeting, and closed (for good: its result is then decided). */
export const MOTION_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];

export type MeetingProblem = 'MEETING_NOT_OPEN' | 'MEETING_CLOSED' | 'MEETING_ALREADY_OPEN' | 'MOTION_STILL_OPEN';

/**
 * Whether a meeting step may be taken: open a scheduled meeting; check members in (attendance) while it
 * is open only, since the present members are the electorate of PRESENT votes; close an open meeting once
 * none of its motions is still open (`openMotions`), so no vote is left without a result.
 */
export function meetingStep(status: MeetingStatus, step: 'open' | 'close' | 'checkIn', openMotions = 0): MeetingProblem | null {
  if (status === 'CLOSED') return 'MEETING_CLOSED';
  if (step === 'open') return status === 'OPEN' ? 'MEETING_ALREADY_OPEN' : null;
  if (status !== 'OPEN') return 'MEETING_NOT_OPEN';
  return step === 'close' && openMotions > 0 ? 'MOTION_STILL_OPEN' : null;
}

export type MotionProblem = 'MEETING_NOT_OPEN' | 'MOTION_NOT_OPEN' | 'MOTION_ALREADY_OPEN' | 'MOTION_CLOSED';

/** Whether a motion step may be taken: everything needs an open meeting; open a draft, and close or vote on an open motion. */
export function motionStep(meetingStatus: MeetingStatus, motionStatus: MotionStatus, step: 'open' | 'close' | 'vote'): MotionProblem | null {
  if (meetingStatus !== 'OPEN') return 'MEETING_NOT_OPEN';
  if (motionStatus === 'CLOSED') return 'MOTION_CLOSED';
  if (step === 'open') return motionStatus === 'OPEN' ? 'MOTION_ALREADY_OPEN' : null;
  return motionStatus === 'OPEN' ? null : 'MOTION_NOT_OPEN';
}

/** A decision's follow-up (跟踪落实): open until done. */
export const ACTION_ITEM_STATUSES = ['OPEN', 'DONE'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/**
 * Whether an action item is overdue: not done and its due day (YYYY-MM-DD, Beijing) is over, i.e. the
 * Beijing date of `now` is later. A done item is never overdue, even one done late.
 */
export function actionItemOverdue(item: { dueOn: string; doneAt: Date | null }, now: Date): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(item.dueOn);
  const day = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!day || day.toISOString().slice(0, 10) !== item.dueOn) throw new RangeError(`actionItemOverdue: expected a date YYYY-MM-DD, got ${item.dueOn}`);
  if (item.doneAt) return false;
  return beijingDateOf(now) > item.dueOn.replace(/-/g, '');
}
