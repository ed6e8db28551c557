// The councils section's rules without a browser: "6 of 9 needed" and what is still missing, the
// quorum line, the vote bar's shares and threshold mark, the rule in words, the viewer's ballot state,
// the fractions the motion form reads, and how a council mutation's typed errors read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OperationResult } from '@urql/core';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { councilFailureOf, councilOutcomeNames } from '../src/features/councils/councilAction.ts';
import { ballotState, barShares, neededText, parseFraction, quorumMet, quorumText, remainingText, ruleText } from '../src/features/councils/motionFigures.ts';
import { meetingPath } from '../src/features/councils/paths.ts';
import { dictionaries } from '../src/i18n/index.ts';
import { failureText } from '../src/ui/outcome.ts';

const answered = { operation: {} as OperationResult['operation'], stale: false, hasNext: false } as OperationResult;

describe('a motion’s standing', () => {
  it('says how many yes votes of the base the rule needs, and what is missing', () => {
    expect(neededText({ needed: 6, base: 9 })).toBe('需 9 票中的 6 票赞成');
    expect(remainingText({ remaining: 2 })).toBe('还差 2 票赞成');
    expect(remainingText({ remaining: 0 })).toBe('赞成票已达到');
    expect(quorumText({ participants: 3, quorumNeeded: 5 })).toBe('已参与 3 / 需 5 人');
  });

  it('meets the quorum once enough electors took part', () => {
    expect(quorumMet({ participants: 4, quorumNeeded: 5 })).toBe(false);
    expect(quorumMet({ participants: 5, quorumNeeded: 5 })).toBe(true);
  });
});

describe('the vote bar', () => {
  it('fills the electorate from the left and marks the threshold of the eligible', () => {
    // the seeded 先尝后买: 7 yes, 1 no, 1 abstain of 9 households, 6 needed
    const shares = barShares({ yes: 7, no: 1, abstain: 1 }, 9, { needed: 6 }, 'ELIGIBLE');
    expect(shares).toEqual({ yes: 77.8, no: 11.1, abstain: 11.1, pending: 0, threshold: 66.7 });
  });

  it('leaves the electors still to vote empty', () => {
    const shares = barShares({ yes: 2, no: 1, abstain: 0 }, 8, { needed: 5 }, 'ELIGIBLE');
    expect(shares.yes).toBe(25);
    expect(shares.no).toBe(12.5);
    expect(shares.pending).toBe(62.5);
    expect(shares.threshold).toBe(62.5);
  });

  it('is the votes cast when there is no electorate, with no mark before anyone voted yes or no', () => {
    expect(barShares({ yes: 0, no: 0, abstain: 0 }, null, { needed: 1 }, 'CAST')).toEqual({ yes: 0, no: 0, abstain: 0, pending: 0, threshold: null });
    expect(barShares({ yes: 0, no: 0, abstain: 2 }, null, { needed: 1 }, 'CAST').threshold).toBeNull();
    expect(barShares({ yes: 3, no: 1, abstain: 0 }, null, { needed: 3 }, 'CAST')).toEqual({ yes: 75, no: 25, abstain: 0, pending: 0, threshold: 75 });
  });

  it('never marks past the end of the bar', () => {
    expect(barShares({ yes: 1, no: 0, abstain: 0 }, 1, { needed: 3 }, 'ELIGIBLE').threshold).toBe(100);
  });
});

describe('the rule in words', () => {
  const seeded = { rule: 'TWO_THIRDS', fraction: null, base: 'ELIGIBLE', electorate: 'HOUSEHOLDS', quorum: { numerator: 1, denominator: 2 }, policy: 'NAMED' } as const;

  it('names the threshold, base, electorate, quorum and ballot', () => {
    expect(ruleText(seeded)).toBe('三分之二 · 以应到为基数 · 户代表 · 法定人数 1/2 · 记名');
    expect(ruleText({ ...seeded, rule: 'FRACTION', fraction: { numerator: 3, denominator: 4 }, base: 'CAST', electorate: 'PRESENT', policy: 'SECRET' })).toBe(
      '3/4 · 以实投为基数 · 到会成员 · 法定人数 1/2 · 无记名',
    );
  });
});

describe('the viewer’s ballot', () => {
  const motion = (status: string, policy: 'NAMED' | 'SECRET', eligible: boolean, voted: boolean) => ({ status, policy, myBallot: { eligible, voted } });

  it('opens to electors, lets a named vote change until the close and a secret one be cast once', () => {
    expect(ballotState(motion('DRAFT', 'NAMED', true, false))).toBe('closed');
    expect(ballotState(motion('OPEN', 'NAMED', false, false))).toBe('notEligible');
    expect(ballotState(motion('OPEN', 'NAMED', true, false))).toBe('open');
    expect(ballotState(motion('OPEN', 'NAMED', true, true))).toBe('change');
    expect(ballotState(motion('OPEN', 'SECRET', true, true))).toBe('done');
    expect(ballotState(motion('CLOSED', 'SECRET', true, true))).toBe('closed');
  });
});

describe('the motion form’s fractions', () => {
  it('reads n/d with d ≥ 1 and n ≤ d', () => {
    expect(parseFraction('2/3')).toEqual({ numerator: 2, denominator: 3 });
    expect(parseFraction(' 1 / 2 ')).toEqual({ numerator: 1, denominator: 2 });
    expect(parseFraction('0/1')).toEqual({ numerator: 0, denominator: 1 });
    expect(parseFraction('3/0')).toBeNull();
    expect(parseFraction('4/3')).toBeNull();
    expect(parseFraction('half')).toBeNull();
  });
});

describe('a council mutation’s failures', () => {
  it('reads a ballot refusal, a step refusal and a conflict in the interface language', () => {
    const ballot = councilFailureOf(answered, { __typename: 'BallotError', ballotProblem: 'ALREADY_VOTED' } as never);
    expect(ballot).toEqual({ kind: 'refused', reason: 'ALREADY_VOTED' });
    expect(failureText(ballot!, councilOutcomeNames)).toBe('您已投过票（无记名表决只能投一次）。');
    const step = councilFailureOf(answered, { __typename: 'MeetingStepError', meetingProblem: 'MOTION_STILL_OPEN' } as never);
    expect(failureText(step!, councilOutcomeNames)).toBe('还有事项在表决中，请先结束表决。');
    const conflict = councilFailureOf(answered, { __typename: 'MeetingConflictError', currentStatus: 'CLOSED', changedBy: '刘桂英', changedAt: null, currentVersion: 9 } as never);
    expect(failureText(conflict!, councilOutcomeNames)).toContain('已结束');
    expect(councilFailureOf(answered, { __typename: 'CastBallotResult' } as never)).toBeNull();
  });

  it('links meeting mode by the meeting’s global id', () => {
    expect(meetingPath('TWVldGluZzptdGc=')).toBe('/councils/meetings/TWVldGluZzptdGc%3D');
  });
});

describe('the councils dictionary', () => {
  const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url)), 'utf8'));
  const values = (name: string) => {
    const type = schema.getType(name);
    return isEnumType(type) ? type.getValues().map((value) => value.name).sort() : [];
  };
  const names = (tree: object) => Object.keys(tree).sort();

  it('names every value of the council enums', () => {
    const councils = dictionaries['zh-CN'].councils;
    expect(names(councils.role)).toEqual(values('CouncilRole'));
    expect(names(councils.meetingStatus)).toEqual(values('MeetingStatus'));
    expect(names(councils.actionStatus)).toEqual(values('ActionItemStatus'));
    expect(names(councils.motion.status)).toEqual(values('MotionStatus'));
    expect(names(councils.motion.result)).toEqual(values('MotionResult'));
    expect(names(councils.choice)).toEqual(values('VoteChoice'));
    expect(names(councils.base)).toEqual(values('ThresholdBase'));
    expect(names(councils.electorate)).toEqual(values('Electorate'));
    expect(names(councils.policy)).toEqual(values('VotePolicy'));
    expect([...values('BallotProblem'), ...values('MeetingStepProblem'), ...values('MotionProblem')].every((problem) => problem in councils.problem)).toBe(true);
  });

  it('says "6 of 9 needed" in English', () => {
    expect(dictionaries.en.councils.motion.needed).toBe('{{needed}} of {{base}} needed');
  });
});
