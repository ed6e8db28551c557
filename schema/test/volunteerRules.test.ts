import { describe, expect, it } from 'vitest';
import {
  branchReportRate, callAnswerProblem, checkInProblem, checkOutProblem, claimProblem, countsAsHours, hoursOf, hoursReport, inPeriod, judgeOnSite,
  MAX_SHIFT_HOURS, monthOf, nextWaitlistPosition, onSiteFlag, overlaps, promotionOrder, quarterOf, shiftMinutes, shiftStale, verifyProblem, type ReportShift,
} from '../src/modules/volunteers/volunteerRules.ts';

const T0 = new Date('2026-12-05T01:00:00Z'); // 09:00 Beijing
const min = (m: number) => new Date(T0.getTime() + m * 60_000);

describe('claims and the waitlist', () => {
  const ok = { postOpen: true, alreadyClaimed: false, memberCommunityId: 'c1', postCommunityId: 'c1' };
  it('a member claims an open post of the community they reported to, once', () => {
    expect(claimProblem(ok)).toBeNull();
    expect(claimProblem({ ...ok, postOpen: false })).toBe('POST_CLOSED');
    expect(claimProblem({ ...ok, alreadyClaimed: true })).toBe('ALREADY_CLAIMED');
    expect(claimProblem({ ...ok, memberCommunityId: 'c2' })).toBe('NOT_A_MEMBER_HERE');
    expect(claimProblem({ ...ok, memberCommunityId: null })).toBe('NOT_A_MEMBER_HERE');
    // a closed post is reported before anything about the member
    expect(claimProblem({ postOpen: false, alreadyClaimed: true, memberCommunityId: 'c2', postCommunityId: 'c1' })).toBe('POST_CLOSED');
  });

  it('adds to the end of the waitlist, from 1', () => {
    expect(nextWaitlistPosition([])).toBe(1);
    expect(nextWaitlistPosition([1, 2, 3])).toBe(4);
    expect(nextWaitlistPosition([4, 2])).toBe(5); // 1 and 3 were promoted: no refill
  });

  it('promotes first come first served: by position, then by time, then by id', () => {
    expect(promotionOrder([
      { id: 'late', position: 3, at: min(1) },
      { id: 'b', position: 2, at: min(5) },
      { id: 'a', position: 2, at: min(4) }, // same position in a race: the earlier one first
      { id: 'first', position: 1, at: min(9) },
      { id: 'aa', position: 2, at: min(5) },
    ])).toEqual(['first', 'a', 'aa', 'b', 'late']);
    expect(promotionOrder([])).toEqual([]);
  });
});

describe('shift spans', () => {
  const span = (a: number, b: number | null) => ({ start: min(a), end: b == null ? null : min(b) });
  it('overlap when they share any instant; touching end = start does not overlap', () => {
    expect(overlaps(span(0, 60), span(30, 90))).toBe(true);
    expect(overlaps(span(0, 60), span(60, 90))).toBe(false);
    expect(overlaps(span(60, 90), span(0, 60))).toBe(false);
    expect(overlaps(span(0, 60), span(10, 20))).toBe(true); // one inside the other
    expect(overlaps(span(0, 60), span(61, 90))).toBe(false);
  });

  it('an open shift extends to now (or indefinitely without one)', () => {
    expect(overlaps(span(0, null), span(500, 560))).toBe(true);
    expect(overlaps(span(0, null), span(500, 560), min(400))).toBe(false);
    expect(overlaps(span(0, null), span(500, 560), min(501))).toBe(true);
    expect(overlaps(span(0, null), span(10, null))).toBe(true);
    expect(overlaps(span(100, null), span(0, 100))).toBe(false);
  });
});

describe('checking in and out', () => {
  const claimed = { claimed: true, openShift: false };
  it('needs a claim and no open shift on it', () => {
    expect(checkInProblem(claimed, [], T0)).toBeNull();
    expect(checkInProblem({ ...claimed, claimed: false }, [], T0)).toBe('NOT_CLAIMED');
    expect(checkInProblem({ ...claimed, openShift: true }, [], T0)).toBe('ALREADY_CHECKED_IN');
  });

  it('refuses a check-in while another of the member’s shifts runs; right after one ends is fine', () => {
    expect(checkInProblem(claimed, [{ start: min(-30), end: null }], T0)).toBe('OVERLAPPING_SHIFT');
    expect(checkInProblem(claimed, [{ start: min(-60), end: min(10) }], T0)).toBe('OVERLAPPING_SHIFT');
    expect(checkInProblem(claimed, [{ start: min(-60), end: T0 }], T0)).toBeNull();
  });

  it('checks out once, after checking in', () => {
    expect(checkOutProblem({ checkInAt: T0, checkOutAt: null }, min(90))).toBeNull();
    expect(checkOutProblem({ checkInAt: null, checkOutAt: null }, min(90))).toBe('NOT_CHECKED_IN');
    expect(checkOutProblem({ checkInAt: T0, checkOutAt: min(60) }, min(90))).toBe('ALREADY_CHECKED_OUT');
  });

  it('refuses a check-out before the check-in; at the same instant is 0 minutes', () => {
    expect(checkOutProblem({ checkInAt: T0, checkOutAt: null }, new Date(T0.getTime() - 1))).toBe('CHECK_OUT_BEFORE_CHECK_IN');
    expect(checkOutProblem({ checkInAt: T0, checkOutAt: null }, T0)).toBeNull();
    expect(shiftMinutes(T0, T0)).toBe(0);
    expect(() => shiftMinutes(min(1), T0)).toThrow(RangeError);
  });

  it('allows a shift of 12 hours, not a millisecond more', () => {
    expect(MAX_SHIFT_HOURS).toBe(12);
    expect(checkOutProblem({ checkInAt: T0, checkOutAt: null }, min(720))).toBeNull();
    expect(checkOutProblem({ checkInAt: T0, checkOutAt: null }, new Date(min(720).getTime() + 1))).toBe('TOO_LONG');
    expect(shiftStale({ checkInAt: T0, checkOutAt: null }, min(720))).toBe(false);
    expect(shiftStale({ checkInAt: T0, checkOutAt: null }, min(721))).toBe(true);
    expect(shiftStale({ checkInAt: T0, checkOutAt: min(30) }, min(2000))).toBe(false);
  });

  it('counts whole minutes, rounding down', () => {
    expect(shiftMinutes(T0, new Date(T0.getTime() + 89 * 60_000 + 59_999))).toBe(89);
    expect(shiftMinutes(T0, min(90))).toBe(90);
  });

  it('verifies a finished shift once', () => {
    expect(verifyProblem({ checkInAt: T0, checkOutAt: min(60), verifiedAt: null })).toBeNull();
    expect(verifyProblem({ checkInAt: T0, checkOutAt: null, verifiedAt: null })).toBe('NOT_CHECKED_OUT');
    expect(verifyProblem({ checkInAt: null, checkOutAt: null, verifiedAt: null })).toBe('NOT_CHECKED_IN');
    expect(verifyProblem({ checkInAt: T0, checkOutAt: min(60), verifiedAt: min(120) })).toBe('ALREADY_VERIFIED');
    // a shift the member forgot to check out: staff may reject it once it is past the longest shift, not accept it, not before
    const forgotten = { checkInAt: T0, checkOutAt: null, verifiedAt: null };
    expect(verifyProblem(forgotten, { accept: false, now: min(MAX_SHIFT_HOURS * 60 + 1) })).toBeNull();
    expect(verifyProblem(forgotten, { accept: true, now: min(MAX_SHIFT_HOURS * 60 + 1) })).toBe('NOT_CHECKED_OUT');
    expect(verifyProblem(forgotten, { accept: false, now: min(MAX_SHIFT_HOURS * 60) })).toBe('NOT_CHECKED_OUT');
  });
});

describe('on site and counted hours', () => {
  it('is on site within 300 m by default, inclusive; no fix is not on site', () => {
    expect(onSiteFlag(300)).toBe(true);
    expect(onSiteFlag(300.1)).toBe(false);
    expect(onSiteFlag(450, 500)).toBe(true);
    expect(onSiteFlag(Number.NaN)).toBe(false);
    expect(onSiteFlag(-1)).toBe(false);
  });

  it('measures from the post: 0.001° of longitude in Beijing is about 85 m', () => {
    const post = [116.397, 39.899] as const;
    const near = judgeOnSite(post, [116.398, 39.899]);
    expect(near.onSite).toBe(true);
    expect(near.distanceM).toBeGreaterThan(80);
    expect(near.distanceM).toBeLessThan(90);
    expect(judgeOnSite(post, [116.401, 39.899]).onSite).toBe(false); // ~341 m
  });

  const good = { checkInAt: T0, checkOutAt: min(60), verifiedAt: min(120), rejected: false, checkInOnSite: true, checkOutOnSite: true };
  it('count hours only for a verified shift checked in and out on site', () => {
    expect(countsAsHours(good)).toBe(true);
    expect(countsAsHours({ ...good, verifiedAt: null })).toBe(false);
    expect(countsAsHours({ ...good, rejected: true })).toBe(false);
    expect(countsAsHours({ ...good, checkInOnSite: false })).toBe(false);
    expect(countsAsHours({ ...good, checkOutOnSite: false })).toBe(false);
    expect(countsAsHours({ ...good, checkOutAt: null })).toBe(false);
    expect(countsAsHours({ ...good, checkInAt: null })).toBe(false);
  });
});

describe('periods in Beijing time', () => {
  it('puts 2026-03-31T16:30Z (00:30 on 1 April in Beijing) in Q2 and April', () => {
    expect(quarterOf(new Date('2026-03-31T16:30:00Z'))).toBe('2026-Q2');
    expect(monthOf(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04');
    expect(quarterOf(new Date('2026-03-31T15:59:59Z'))).toBe('2026-Q1');
  });

  it('numbers every quarter, and New Year comes 8 hours early', () => {
    expect(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => quarterOf(new Date(`2026-${m}-15T00:00:00Z`))))
      .toEqual(['Q1', 'Q1', 'Q1', 'Q2', 'Q2', 'Q2', 'Q3', 'Q3', 'Q3', 'Q4', 'Q4', 'Q4'].map((q) => `2026-${q}`));
    expect(quarterOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-Q1');
    expect(monthOf(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12');
  });

  it('matches a month, a quarter, both or neither; refuses malformed ones', () => {
    const at = new Date('2026-11-20T04:00:00Z');
    expect(inPeriod(at, {})).toBe(true);
    expect(inPeriod(at, { month: '2026-11' })).toBe(true);
    expect(inPeriod(at, { quarter: '2026-Q4' })).toBe(true);
    expect(inPeriod(at, { month: '2026-10', quarter: '2026-Q4' })).toBe(false);
    expect(() => inPeriod(at, { month: '2026-13' })).toThrow(RangeError);
    expect(() => inPeriod(at, { quarter: '2026-Q5' })).toThrow(RangeError);
  });
});

describe('hours reports', () => {
  it('round minutes to tenths of an hour, half up', () => {
    expect([0, 2, 3, 20, 45, 50, 57, 60, 90, 125].map(hoursOf)).toEqual([0, 0, 0.1, 0.3, 0.8, 0.8, 1, 1, 1.5, 2.1]);
    expect(() => hoursOf(1.5)).toThrow(RangeError);
  });

  const dec = (day: number, hourZ: number) => new Date(Date.UTC(2026, 11, day, hourZ));
  const shifts: ReportShift[] = [
    { memberId: 'm1', category: 'ENVIRONMENT', branch: 'tax bureau', minutes: 45, at: dec(2, 1) },
    { memberId: 'm1', category: 'SAFETY', branch: 'tax bureau', minutes: 120, at: dec(9, 1) },
    { memberId: 'm2', category: 'ENVIRONMENT', branch: 'hospital', minutes: 165, at: dec(3, 1) },
    { memberId: 'm3', category: 'OUTREACH', branch: 'hospital', minutes: 20, at: dec(4, 1) },
    // 23:30 on 30 November in Beijing: November's, not December's
    { memberId: 'm3', category: 'OUTREACH', branch: 'hospital', minutes: 600, at: new Date('2026-11-30T15:30:00Z') },
  ];

  it('groups by member, most minutes first, ties by key', () => {
    expect(hoursReport(shifts, 'member', { month: '2026-12' })).toEqual([
      { key: 'm1', minutes: 165, hours: 2.8, shifts: 2 },
      { key: 'm2', minutes: 165, hours: 2.8, shifts: 1 },
      { key: 'm3', minutes: 20, hours: 0.3, shifts: 1 },
    ]);
  });

  it('groups by category and by branch; the period decides which shifts count', () => {
    expect(hoursReport(shifts, 'category', { month: '2026-12' })).toEqual([
      { key: 'ENVIRONMENT', minutes: 210, hours: 3.5, shifts: 2 },
      { key: 'SAFETY', minutes: 120, hours: 2, shifts: 1 },
      { key: 'OUTREACH', minutes: 20, hours: 0.3, shifts: 1 },
    ]);
    expect(hoursReport(shifts, 'branch', { quarter: '2026-Q4' })).toEqual([
      { key: 'hospital', minutes: 785, hours: 13.1, shifts: 3 },
      { key: 'tax bureau', minutes: 165, hours: 2.8, shifts: 2 },
    ]);
    expect(hoursReport(shifts, 'branch', { month: '2026-11' })).toEqual([{ key: 'hospital', minutes: 600, hours: 10, shifts: 1 }]);
    expect(hoursReport(shifts, 'member', { quarter: '2027-Q1' })).toEqual([]);
  });

  it('gives each branch its share of members who reported', () => {
    const members = [
      { memberId: 'm1', branch: 'tax bureau' }, { memberId: 'm4', branch: 'tax bureau' }, { memberId: 'm5', branch: 'tax bureau' },
      { memberId: 'm2', branch: 'hospital' }, { memberId: 'm3', branch: 'hospital' }, { memberId: 'm3', branch: 'hospital' },
      { memberId: 'm6', branch: 'school' },
    ];
    expect(branchReportRate(members, new Set(['m1', 'm2', 'm3', 'not-a-member']))).toEqual([
      { branch: 'hospital', members: 2, reporting: 2, rate: 1 },
      { branch: 'school', members: 1, reporting: 0, rate: 0 },
      { branch: 'tax bureau', members: 3, reporting: 1, rate: 0.3333 },
    ]);
  });
});

describe('branch calls', () => {
  const call = { deadline: min(60), places: 3, answered: 2 };
  it('take answers until the deadline, once each, while places are left', () => {
    expect(callAnswerProblem(call, false, min(60))).toBeNull();
    expect(callAnswerProblem(call, false, min(61))).toBe('CALL_CLOSED');
    expect(callAnswerProblem(call, true, min(10))).toBe('ALREADY_ANSWERED');
    expect(callAnswerProblem({ ...call, answered: 3 }, false, min(10))).toBe('CALL_FULL');
    expect(callAnswerProblem({ ...call, places: null, answered: 500 }, false, min(10))).toBeNull();
    // a member who answered hears that, not that the call is full
    expect(callAnswerProblem({ ...call, answered: 3 }, true, min(10))).toBe('ALREADY_ANSWERED');
  });
});
