// The volunteers section's rules without a browser: the five categories, claim and waitlist labels,
// places left, what the claim button does, the Beijing month and quarter of the reports, the bars of
// the hours chart and the places bar, the section's tabs, and how a claim's typed errors read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OperationResult } from '@urql/core';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { volunteerTabOf, volunteerTabPath } from '../src/features/volunteers/paths.ts';
import { volunteerFailureOf, volunteerOutcomeNames } from '../src/features/volunteers/volunteerAction.ts';
import {
  barsOf,
  beijingMonth,
  beijingQuarter,
  claimAction,
  claimLabel,
  hoursOf,
  placeShares,
  placesLabel,
  POST_CATEGORIES,
  previousQuarter,
} from '../src/features/volunteers/volunteerFigures.ts';
import { dictionaries } from '../src/i18n/index.ts';
import { failureText } from '../src/ui/outcome.ts';

const answered = { operation: {} as OperationResult['operation'], stale: false, hasNext: false } as OperationResult;

describe('the post categories', () => {
  it('are the five of 双报到, each named', () => {
    expect(POST_CATEGORIES.map((key) => dictionaries['zh-CN'].volunteers.category[key])).toEqual(['宣讲教育岗', '环境治理岗', '帮困扶贫岗', '维稳安全岗', '技能服务岗']);
  });
});

describe('claims and places', () => {
  it('label a claim by its state, a waitlisted one by its position', () => {
    expect(claimLabel({ status: 'CLAIMED', waitlistPosition: null })).toBe('已认领');
    expect(claimLabel({ status: 'WAITLISTED', waitlistPosition: 3 })).toBe('候补第 3 位');
    expect(claimLabel({ status: 'WAITLISTED', waitlistPosition: null })).toBe('候补中');
    expect(claimLabel({ status: 'CANCELLED', waitlistPosition: null })).toBe('已取消');
  });

  it('say how many places are left, or that the post is full and who waits', () => {
    expect(placesLabel({ places: 6, placesLeft: 2, waitlisted: 0, open: true })).toBe('还剩 2 个名额（共 6 个）');
    expect(placesLabel({ places: 4, placesLeft: 0, waitlisted: 2, open: true })).toBe('名额已满（共 4 个），2 人候补');
    expect(placesLabel({ places: 4, placesLeft: 0, waitlisted: 0, open: true })).toBe('名额已满（共 4 个）');
    expect(placesLabel({ places: 4, placesLeft: 3, waitlisted: 0, open: false })).toBe('已停止认领');
  });

  it('offer a claim while places are left, the waitlist when full, nothing to a holder or on a closed post', () => {
    expect(claimAction({ open: true, placesLeft: 1, myClaim: null })).toBe('claim');
    expect(claimAction({ open: true, placesLeft: 0, myClaim: null })).toBe('waitlist');
    expect(claimAction({ open: true, placesLeft: 1, myClaim: { status: 'CLAIMED' } })).toBeNull();
    expect(claimAction({ open: true, placesLeft: 0, myClaim: { status: 'WAITLISTED' } })).toBeNull();
    expect(claimAction({ open: true, placesLeft: 1, myClaim: { status: 'CANCELLED' } })).toBe('claim');
    expect(claimAction({ open: false, placesLeft: 3, myClaim: null })).toBeNull();
  });

  it('read a full post and a refused claim in the interface language', () => {
    const full = volunteerFailureOf(answered, { __typename: 'PostFullError', places: 4, waitlisted: 2 } as never);
    expect(failureText(full!, volunteerOutcomeNames)).toBe('名额已满（共 4 个，2 人候补）。');
    const elsewhere = volunteerFailureOf(answered, { __typename: 'ClaimError', claimProblem: 'NOT_A_MEMBER_HERE' } as never);
    expect(failureText(elsewhere!, volunteerOutcomeNames)).toBe('这个岗位不在您报到的社区（双报到：在居住社区服务）。');
    const shift = volunteerFailureOf(answered, { __typename: 'ShiftError', shiftProblem: 'OVERLAPPING_SHIFT' } as never);
    expect(failureText(shift!, volunteerOutcomeNames)).toBe('您在同一时间还有另一次服务。');
    const conflict = volunteerFailureOf(answered, { __typename: 'VolunteerConflictError', claimed: 4, placesNow: 4, open: true } as never);
    expect(failureText(conflict!, volunteerOutcomeNames)).toBe('岗位刚被他人更新（已认领 4 / 4），请刷新后再试。');
  });
});

describe('the reporting periods', () => {
  it('are Beijing months and quarters', () => {
    // 2026-03-31 20:00 UTC is 1 April 04:00 in Beijing
    expect(beijingMonth(new Date('2026-03-31T20:00:00Z'))).toBe('2026-04');
    expect(beijingQuarter(new Date('2026-03-31T20:00:00Z'))).toBe('2026-Q2');
    expect(beijingQuarter(new Date('2026-03-31T10:00:00Z'))).toBe('2026-Q1');
    expect(beijingQuarter(new Date('2026-12-03T12:00:00Z'))).toBe('2026-Q4');
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
  });

  it('write minutes as hours to one decimal', () => {
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(124)).toBe(2.1);
    expect(hoursOf(0)).toBe(0);
  });
});

describe('the charts', () => {
  it('draw the longest bar full and the others in proportion', () => {
    const rows = [
      { key: 'ENVIRONMENT', hours: 12 },
      { key: 'SAFETY', hours: 6 },
      { key: 'SKILLS', hours: 0 },
    ];
    expect(barsOf(rows, (row) => row.key, (row) => row.key, (row) => row.hours).map((bar) => bar.share)).toEqual([100, 50, 0]);
    expect(barsOf([], String, String, Number)).toEqual([]);
    expect(barsOf([{ key: 'x', hours: 0 }], (row) => row.key, (row) => row.key, (row) => row.hours)[0]!.share).toBe(0);
  });

  it('split a community’s places into claimed and open', () => {
    expect(placeShares({ places: 8, claimed: 6, open: 2 })).toEqual({ claimed: 75, open: 25 });
    expect(placeShares({ places: 3, claimed: 1, open: 2 })).toEqual({ claimed: 33.3, open: 66.7 });
    expect(placeShares({ places: 0, claimed: 0, open: 0 })).toEqual({ claimed: 0, open: 0 });
  });
});

describe('the section’s tabs', () => {
  it('map paths to tabs and back', () => {
    expect(volunteerTabOf('/volunteers')).toBe('posts');
    expect(volunteerTabOf('/volunteers/mine')).toBe('mine');
    expect(volunteerTabOf('/volunteers/reports/')).toBe('reports');
    expect(volunteerTabOf('/volunteers/unknown')).toBe('posts');
    expect(volunteerTabPath('posts')).toBe('/volunteers');
    expect(volunteerTabPath('verify')).toBe('/volunteers/verify');
  });
});

describe('the volunteers dictionary', () => {
  const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url)), 'utf8'));
  const values = (name: string) => {
    const type = schema.getType(name);
    return isEnumType(type) ? type.getValues().map((value) => value.name).sort() : [];
  };

  it('names every category, shift status and refusal of the schema', () => {
    const volunteers = dictionaries['zh-CN'].volunteers;
    expect(Object.keys(volunteers.category).sort()).toEqual(values('PostCategory'));
    expect([...POST_CATEGORIES].sort()).toEqual(values('PostCategory'));
    expect(Object.keys(volunteers.shift.status).sort()).toEqual(values('ShiftStatus'));
    expect(Object.keys(volunteers.reports.group).sort()).toEqual(values('VolunteerHoursGroup'));
    expect([...values('ClaimProblem'), ...values('ShiftProblem'), ...values('CallAnswerProblem')].filter((problem) => !(problem in volunteers.problem))).toEqual([]);
  });
});
