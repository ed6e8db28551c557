import { describe, expect, it } from 'vitest';
import {
  actionItemOverdue, ballotProblem, baseCountOf, decideMotion, electorateCounts, hasQuorum, meetingStep, meetsThreshold, motionStep, progressOf,
  quorumNeeded, standingBallots, tallyOf, thresholdOf, thresholdProblem, votesNeeded, VOTE_RULES, type Tally, type Threshold,
} from '../src/modules/councils/councilRules.ts';

const SIMPLE = thresholdOf('SIMPLE_MAJORITY');
const TWO_THIRDS = thresholdOf('TWO_THIRDS');
const THREE_FIFTHS = thresholdOf('FRACTION', { numerator: 3, denominator: 5 });
const HALF = { numerator: 1, denominator: 2 };
const NONE = { numerator: 0, denominator: 1 };
const tally = (yes: number, no: number, abstain = 0): Tally => ({ yes, no, abstain });

describe('thresholds', () => {
  it('are built from the rule: more than half, at least two thirds, at least n/d', () => {
    expect(SIMPLE).toEqual({ rule: 'SIMPLE_MAJORITY', numerator: 1, denominator: 2, strict: true });
    expect(TWO_THIRDS).toEqual({ rule: 'TWO_THIRDS', numerator: 2, denominator: 3, strict: false });
    expect(THREE_FIFTHS).toEqual({ rule: 'FRACTION', numerator: 3, denominator: 5, strict: false });
    // the fraction is read only for FRACTION
    expect(thresholdOf('TWO_THIRDS', { numerator: 1, denominator: 10 })).toEqual(TWO_THIRDS);
  });

  it('refuse a missing or impossible fraction: a typed problem for input, a RangeError from thresholdOf', () => {
    expect(thresholdProblem('FRACTION')).toBe('FRACTION_REQUIRED');
    expect(thresholdProblem('FRACTION', null)).toBe('FRACTION_REQUIRED');
    for (const [numerator, denominator] of [[0, 5], [6, 5], [-1, 2], [1, 0], [1.5, 3], [1, Number.NaN]] as const) {
      expect(thresholdProblem('FRACTION', { numerator, denominator })).toBe('FRACTION_INVALID');
      expect(() => thresholdOf('FRACTION', { numerator, denominator })).toThrow(RangeError);
    }
    expect(thresholdProblem('FRACTION', { numerator: 5, denominator: 5 })).toBeNull();
    expect(thresholdProblem('SIMPLE_MAJORITY')).toBeNull();
  });

  it('two thirds of 9 eligible households needs 6: 5 fails, 6 passes', () => {
    expect(votesNeeded(TWO_THIRDS, 9)).toBe(6);
    expect(meetsThreshold(TWO_THIRDS, 5, 9)).toBe(false);
    expect(meetsThreshold(TWO_THIRDS, 6, 9)).toBe(true);
    // 2/3 of 10 is 6.67: 6 is not enough, 7 is
    expect(votesNeeded(TWO_THIRDS, 10)).toBe(7);
    expect(meetsThreshold(TWO_THIRDS, 6, 10)).toBe(false);
  });

  it('a simple majority is strictly more than half: 6 of 10, 5 of 9; half is not enough', () => {
    expect(votesNeeded(SIMPLE, 10)).toBe(6);
    expect(votesNeeded(SIMPLE, 9)).toBe(5);
    expect(meetsThreshold(SIMPLE, 5, 10)).toBe(false);
    expect(meetsThreshold(SIMPLE, 5, 9)).toBe(true);
    expect(votesNeeded(SIMPLE, 1)).toBe(1);
  });

  it('a custom fraction 3/5: 3 of 5, 6 of 10, 7 of 11 (6.6 rounds up)', () => {
    expect(votesNeeded(THREE_FIFTHS, 5)).toBe(3);
    expect(votesNeeded(THREE_FIFTHS, 10)).toBe(6);
    expect(votesNeeded(THREE_FIFTHS, 11)).toBe(7);
    expect(meetsThreshold(THREE_FIFTHS, 6, 11)).toBe(false);
    expect(meetsThreshold(THREE_FIFTHS, 7, 11)).toBe(true);
  });

  it('the fraction 1/2 is "at least half": a tie meets it, unlike a simple majority', () => {
    const half = thresholdOf('FRACTION', HALF);
    expect(meetsThreshold(half, 5, 10)).toBe(true);
    expect(meetsThreshold(SIMPLE, 5, 10)).toBe(false);
  });

  it('never pass on a base of 0, and then need one more than the base', () => {
    for (const rule of VOTE_RULES) {
      const t = thresholdOf(rule, { numerator: 1, denominator: 3 });
      expect(meetsThreshold(t, 0, 0)).toBe(false);
      expect(votesNeeded(t, 0)).toBe(1);
    }
  });

  it('compare in whole numbers: 2/3 of 3 million is exactly 2 million', () => {
    expect(meetsThreshold(TWO_THIRDS, 2_000_000, 3_000_000)).toBe(true);
    expect(meetsThreshold(TWO_THIRDS, 1_999_999, 3_000_000)).toBe(false);
    expect(votesNeeded(thresholdOf('FRACTION', { numerator: 7, denominator: 10 }), 10)).toBe(7); // 0.7 × 10 is 7.000000000000001 in floating point
  });

  it('votesNeeded agrees with meetsThreshold for every base 0..50 and every rule', () => {
    const thresholds: Threshold[] = [SIMPLE, TWO_THIRDS, THREE_FIFTHS, thresholdOf('FRACTION', { numerator: 1, denominator: 1 }), thresholdOf('FRACTION', { numerator: 1, denominator: 7 }), thresholdOf('FRACTION', { numerator: 7, denominator: 10 })];
    let checked = 0;
    for (const t of thresholds) {
      for (let base = 0; base <= 50; base++) {
        const needed = votesNeeded(t, base);
        // the smallest yes in 0..base that meets it, or base + 1 when none does
        let smallest = base + 1;
        for (let yes = base; yes >= 0; yes--) if (meetsThreshold(t, yes, base)) smallest = yes;
        expect(needed, `${t.rule} ${t.numerator}/${t.denominator} of ${base}`).toBe(smallest);
        // and meeting it is monotone: everything from needed up meets it, nothing below does
        for (let yes = 0; yes <= base; yes++) expect(meetsThreshold(t, yes, base)).toBe(yes >= needed);
        checked += 1;
      }
    }
    expect(checked).toBe(thresholds.length * 51);
  });

  it('throw on counts that are not whole numbers', () => {
    expect(() => meetsThreshold(SIMPLE, -1, 3)).toThrow(RangeError);
    expect(() => votesNeeded(SIMPLE, 2.5)).toThrow(RangeError);
    expect(() => meetsThreshold({ rule: 'FRACTION', numerator: 3, denominator: 2, strict: false }, 1, 1)).toThrow(RangeError);
  });
});

describe('quorum', () => {
  it('1/2 of 15 needs 8, 2/3 of 15 needs 10, 1/2 of 14 needs 7', () => {
    expect(quorumNeeded(HALF, 15)).toBe(8);
    expect(hasQuorum(HALF, 7, 15)).toBe(false);
    expect(hasQuorum(HALF, 8, 15)).toBe(true);
    expect(quorumNeeded({ numerator: 2, denominator: 3 }, 15)).toBe(10);
    expect(quorumNeeded(HALF, 14)).toBe(7);
    expect(hasQuorum(HALF, 7, 14)).toBe(true);
  });

  it('numerator 0 means no quorum; an impossible quorum throws', () => {
    expect(quorumNeeded(NONE, 15)).toBe(0);
    expect(hasQuorum(NONE, 0, 15)).toBe(true);
    expect(() => quorumNeeded({ numerator: 3, denominator: 2 }, 10)).toThrow(RangeError);
    expect(() => hasQuorum({ numerator: 1, denominator: 0 }, 1, 10)).toThrow(RangeError);
  });

  it('is counted of all members, or all households, whoever votes', () => {
    const counts = { present: 9, members: 15, households: 120 };
    expect(electorateCounts('PRESENT', counts)).toEqual({ eligible: 9, membership: 15 });
    expect(electorateCounts('ALL_MEMBERS', counts)).toEqual({ eligible: 15, membership: 15 });
    expect(electorateCounts('HOUSEHOLDS', counts)).toEqual({ eligible: 120, membership: 120 });
  });
});

describe('tallies and ballots', () => {
  it('count each choice', () => {
    expect(tallyOf(['YES', 'NO', 'YES', 'ABSTAIN', 'YES'])).toEqual({ yes: 3, no: 1, abstain: 1 });
    expect(tallyOf([])).toEqual({ yes: 0, no: 0, abstain: 0 });
    expect(() => tallyOf(['MAYBE' as never])).toThrow(RangeError);
  });

  it('under NAMED voting, keep each voter’s latest ballot', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 11, 3, 2, m));
    const history = [
      { voterId: 'a', choice: 'NO' as const, at: at(1) },
      { voterId: 'b', choice: 'YES' as const, at: at(2) },
      { voterId: 'a', choice: 'YES' as const, at: at(5) },
      { voterId: 'b', choice: 'ABSTAIN' as const, at: at(2) }, // same instant: the later in the list
      { voterId: 'c', choice: 'NO' as const, at: at(9) },
      { voterId: 'c', choice: 'YES' as const, at: at(3) }, // older, listed late: does not stand
    ];
    expect(tallyOf(standingBallots(history).map((b) => b.choice))).toEqual({ yes: 1, no: 1, abstain: 1 });
    expect(standingBallots(history).find((b) => b.voterId === 'a')?.choice).toBe('YES');
  });

  it('NAMED lets a voter vote again (a change); SECRET refuses the second submission', () => {
    const open = { motionOpen: true, eligible: true, hasVoted: true };
    expect(ballotProblem('NAMED', open)).toBeNull();
    expect(ballotProblem('SECRET', open)).toBe('ALREADY_VOTED');
    expect(ballotProblem('SECRET', { ...open, hasVoted: false })).toBeNull();
  });

  it('refuse a closed motion before anything else, then a voter who is not an elector', () => {
    expect(ballotProblem('SECRET', { motionOpen: false, eligible: false, hasVoted: true })).toBe('MOTION_NOT_OPEN');
    expect(ballotProblem('SECRET', { motionOpen: true, eligible: false, hasVoted: true })).toBe('NOT_ELIGIBLE');
    expect(ballotProblem('NAMED', { motionOpen: true, eligible: false, hasVoted: false })).toBe('NOT_ELIGIBLE');
  });
});

describe('deciding a motion', () => {
  const decide = (o: Partial<Parameters<typeof decideMotion>[0]>) =>
    decideMotion({ threshold: SIMPLE, base: 'CAST', eligible: 15, membership: 15, quorum: HALF, tally: tally(0, 0), ...o });

  it('hiring a property manager: two thirds of 9 households, 6 yes passes and 5 does not', () => {
    const base = { threshold: TWO_THIRDS, base: 'ELIGIBLE' as const, eligible: 9, membership: 9 };
    expect(decide({ ...base, tally: tally(6, 2, 1) })).toEqual({ result: 'PASSED', needed: 6, baseCount: 9, quorumNeeded: 5, participants: 9 });
    expect(decide({ ...base, tally: tally(5, 3, 1) })).toMatchObject({ result: 'REJECTED', needed: 6 });
  });

  it('a simple majority of the votes cast: 5–4 passes, 4–4 is a tie that fails, 3–5 is rejected', () => {
    expect(decide({ tally: tally(5, 4) })).toMatchObject({ result: 'PASSED', baseCount: 9, needed: 5 });
    expect(decide({ tally: tally(4, 4) })).toMatchObject({ result: 'TIED', baseCount: 8, needed: 5 });
    expect(decide({ tally: tally(3, 5) })).toMatchObject({ result: 'REJECTED' });
  });

  it('everyone abstaining, with a quorum, is a 0–0 tie: nothing passes on a base of 0', () => {
    expect(decide({ tally: tally(0, 0, 10) })).toMatchObject({ result: 'TIED', baseCount: 0, needed: 1, participants: 10 });
  });

  it('a tie that meets the threshold passes: at least half, 5–5', () => {
    expect(decide({ threshold: thresholdOf('FRACTION', HALF), tally: tally(5, 5) })).toMatchObject({ result: 'PASSED', needed: 5 });
  });

  it('NO_QUORUM overrides even a unanimous yes', () => {
    expect(decide({ tally: tally(7, 0) })).toEqual({ result: 'NO_QUORUM', needed: 4, baseCount: 7, quorumNeeded: 8, participants: 7 });
    expect(decide({ tally: tally(8, 0) }).result).toBe('PASSED');
  });

  it('abstentions count toward the quorum but never as yes', () => {
    // 15 members, quorum 8: 4 yes + 1 no + 3 abstain = 8 took part
    expect(decide({ tally: tally(4, 1, 3) })).toMatchObject({ result: 'PASSED', participants: 8, baseCount: 5, needed: 3 });
    // without the abstentions there is no quorum
    expect(decide({ tally: tally(4, 1, 0) }).result).toBe('NO_QUORUM');
    // of the eligible, the abstentions weigh like no: 4 of 15 is no majority
    expect(decide({ base: 'ELIGIBLE', tally: tally(4, 1, 3) })).toMatchObject({ result: 'REJECTED', baseCount: 15, needed: 8 });
  });

  it('base CAST and ELIGIBLE give different results on the same tally', () => {
    const same = { threshold: TWO_THIRDS, eligible: 12, membership: 12, tally: tally(6, 2, 1) };
    // CAST: 6 of 8 ≥ 2/3 (needs 6); ELIGIBLE: 6 of 12 < 2/3 (needs 8)
    expect(decide({ ...same, base: 'CAST' })).toMatchObject({ result: 'PASSED', baseCount: 8, needed: 6 });
    expect(decide({ ...same, base: 'ELIGIBLE' })).toMatchObject({ result: 'REJECTED', baseCount: 12, needed: 8 });
  });

  it('a PRESENT vote counts its quorum of all members', () => {
    const { eligible, membership } = electorateCounts('PRESENT', { present: 7, members: 15, households: 0 });
    expect(decide({ eligible, membership, tally: tally(6, 1) })).toMatchObject({ result: 'NO_QUORUM', quorumNeeded: 8 });
  });

  it('refuses impossible counts rather than record a result', () => {
    expect(() => decide({ eligible: 5, tally: tally(4, 1, 1) })).toThrow(RangeError);
    expect(() => decide({ eligible: 16, membership: 15 })).toThrow(RangeError);
    expect(() => decide({ tally: tally(-1, 2) })).toThrow(RangeError);
  });

  it('shows the live progress: 4 of 6 needed, 2 to go; never below 0', () => {
    expect(progressOf(TWO_THIRDS, 9, tally(4, 1, 1))).toEqual({ needed: 6, yes: 4, remaining: 2 });
    expect(progressOf(TWO_THIRDS, 9, tally(7, 0))).toEqual({ needed: 6, yes: 7, remaining: 0 });
    expect(baseCountOf('CAST', 9, tally(4, 1, 1))).toBe(5);
    expect(baseCountOf('ELIGIBLE', 9, tally(4, 1, 1))).toBe(9);
  });
});

describe('meeting and motion steps', () => {
  it('open a scheduled meeting once; check in and close only while it is open', () => {
    expect(meetingStep('SCHEDULED', 'open')).toBeNull();
    expect(meetingStep('OPEN', 'open')).toBe('MEETING_ALREADY_OPEN');
    expect(meetingStep('CLOSED', 'open')).toBe('MEETING_CLOSED');
    expect(meetingStep('SCHEDULED', 'checkIn')).toBe('MEETING_NOT_OPEN');
    expect(meetingStep('OPEN', 'checkIn')).toBeNull();
    expect(meetingStep('CLOSED', 'checkIn')).toBe('MEETING_CLOSED');
    expect(meetingStep('SCHEDULED', 'close')).toBe('MEETING_NOT_OPEN');
    expect(meetingStep('OPEN', 'close')).toBeNull();
    expect(meetingStep('CLOSED', 'close')).toBe('MEETING_CLOSED');
  });

  it('a meeting cannot close while a motion is open; check-ins go on', () => {
    expect(meetingStep('OPEN', 'close', 1)).toBe('MOTION_STILL_OPEN');
    expect(meetingStep('OPEN', 'close', 0)).toBeNull();
    expect(meetingStep('OPEN', 'checkIn', 2)).toBeNull();
  });

  it('open a draft motion, then vote and close it, all at an open meeting; a closed motion stays closed', () => {
    expect(motionStep('OPEN', 'DRAFT', 'open')).toBeNull();
    expect(motionStep('OPEN', 'OPEN', 'open')).toBe('MOTION_ALREADY_OPEN');
    expect(motionStep('OPEN', 'CLOSED', 'open')).toBe('MOTION_CLOSED');
    expect(motionStep('OPEN', 'DRAFT', 'vote')).toBe('MOTION_NOT_OPEN');
    expect(motionStep('OPEN', 'OPEN', 'vote')).toBeNull();
    expect(motionStep('OPEN', 'CLOSED', 'vote')).toBe('MOTION_CLOSED');
    expect(motionStep('OPEN', 'DRAFT', 'close')).toBe('MOTION_NOT_OPEN');
    expect(motionStep('OPEN', 'OPEN', 'close')).toBeNull();
    expect(motionStep('OPEN', 'CLOSED', 'close')).toBe('MOTION_CLOSED');
    expect(motionStep('SCHEDULED', 'DRAFT', 'open')).toBe('MEETING_NOT_OPEN');
    expect(motionStep('CLOSED', 'DRAFT', 'open')).toBe('MEETING_NOT_OPEN');
  });
});

describe('action items', () => {
  const due = { dueOn: '2026-12-10', doneAt: null };
  it('are overdue once their Beijing due day is over, unless done', () => {
    // 23:59 on the 10th in Beijing is 15:59Z: still on time; 00:00 on the 11th is 16:00Z
    expect(actionItemOverdue(due, new Date('2026-12-10T15:59:00Z'))).toBe(false);
    expect(actionItemOverdue(due, new Date('2026-12-10T16:00:00Z'))).toBe(true);
    expect(actionItemOverdue({ ...due, doneAt: new Date('2026-12-12T00:00:00Z') }, new Date('2026-12-20T00:00:00Z'))).toBe(false);
  });

  it('refuse a due day that is not a date', () => {
    expect(() => actionItemOverdue({ dueOn: '2026-02-30', doneAt: null }, new Date())).toThrow(RangeError);
    expect(() => actionItemOverdue({ dueOn: '20261210', doneAt: null }, new Date())).toThrow(RangeError);
  });
});
