// The rules of party members' volunteer posts (双报到): claiming posts, the waitlist, shifts checked in
// and out on site, verified hours and the reports back to the workplace branches, and branch calls
// (支部吹哨、党员报到). Plain functions, no database (house rule 5).
import { beijingMonth, beijingMonthOf, HOUR_MS } from '../../lib/beijingTime.ts';
import { distanceMeters, type LngLat } from '../../lib/geo.ts';

/**
 * The five categories of posts a community publishes: OUTREACH 宣讲教育岗 (outreach and education),
 * ENVIRONMENT 环境治理岗 (environment), ASSISTANCE 帮困扶贫岗 (help for people in need), SAFETY 维稳安全岗
 * (safety and stability), SKILLS 技能服务岗 (skills service).
 */
export const POST_CATEGORIES = ['OUTREACH', 'ENVIRONMENT', 'ASSISTANCE', 'SAFETY', 'SKILLS'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

export const CLAIM_PROBLEMS = ['POST_CLOSED', 'ALREADY_CLAIMED', 'NOT_A_MEMBER_HERE'] as const;
export type ClaimProblem = (typeof CLAIM_PROBLEMS)[number];

/**
 * Whether a party member may claim a post: it is open, it belongs to the residential community the member
 * reported to (双报到: a member serves where they live; a member who reported to none claims nothing), and
 * they have not claimed it already. Whether a place is left is NOT decided here: two members claiming the
 * last place at once would both pass a check made on a read, so the database's conditional update
 * (`claimed < places`) decides it, and a claim it refuses goes to the waitlist.
 */
export function claimProblem(c: { postOpen: boolean; alreadyClaimed: boolean; memberCommunityId: string | null; postCommunityId: string }): ClaimProblem | null {
  if (!c.postOpen) return 'POST_CLOSED';
  if (c.memberCommunityId == null || c.memberCommunityId !== c.postCommunityId) return 'NOT_A_MEMBER_HERE';
  if (c.alreadyClaimed) return 'ALREADY_CLAIMED';
  return null;
}

/** The waitlist position a new entry takes: one after the last (positions start at 1; gaps left by promotions are not refilled). */
export function nextWaitlistPosition(positions: readonly number[]): number {
  return positions.reduce((max, p) => Math.max(max, p), 0) + 1;
}

/**
 * The order in which a waitlist is promoted, first come first served: by position, then (two entries that
 * took the same position in a race) by the time they joined, then by id so the order is always the same.
 */
export function promotionOrder(waitlist: readonly { id: string; position: number; at: Date }[]): string[] {
  return [...waitlist]
    .sort((a, b) => a.position - b.position || a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((w) => w.id);
}

export const SHIFT_PROBLEMS = [
  'NOT_CLAIMED', 'ALREADY_CHECKED_IN', 'NOT_CHECKED_IN', 'ALREADY_CHECKED_OUT', 'OVERLAPPING_SHIFT', 'CHECK_OUT_BEFORE_CHECK_IN', 'TOO_LONG', 'ALREADY_VERIFIED',
] as const;
export type ShiftProblem = (typeof SHIFT_PROBLEMS)[number];

/** The longest shift a check-out may close: a longer one is a forgotten check-out, not a day's service. */
export const MAX_SHIFT_HOURS = 12;

/** A shift as a span of time; an open shift (no end yet) lasts until now. */
export interface ShiftSpan {
  start: Date;
  end: Date | null;
}

/**
 * Whether two shifts overlap, as half-open spans [start, end): one ending when the other starts does not.
 * An open shift extends to `now`; without `now`, indefinitely (the two agree whenever `now` is after every
 * start, as it is for shifts already recorded).
 */
export function overlaps(a: ShiftSpan, b: ShiftSpan, now?: Date): boolean {
  const end = (s: ShiftSpan) => (s.end ?? now)?.getTime() ?? Number.POSITIVE_INFINITY;
  return a.start.getTime() < end(b) && b.start.getTime() < end(a);
}

/**
 * Whether a member may check in on a post at `at`: they hold a claim on it, they are not checked in on it
 * already (`openShift`: this claim has a shift without a check-out), and none of their shifts on any post
 * (`memberShifts`, this claim's included) covers `at` — one person is at one post at a time.
 */
export function checkInProblem(c: { claimed: boolean; openShift: boolean }, memberShifts: readonly ShiftSpan[], at: Date): ShiftProblem | null {
  if (!c.claimed) return 'NOT_CLAIMED';
  if (c.openShift) return 'ALREADY_CHECKED_IN';
  if (memberShifts.some((s) => overlaps({ start: at, end: null }, s))) return 'OVERLAPPING_SHIFT';
  return null;
}

/**
 * Whether a shift may be checked out at `at`: checked in, not yet out, not before the check-in (at the same
 * instant is allowed: 0 minutes), and not more than MAX_SHIFT_HOURS after it (exactly 12 h is allowed).
 * A shift refused as TOO_LONG stays open for the community staff to close or reject; `shiftStale` finds them.
 */
export function checkOutProblem(shift: { checkInAt: Date | null; checkOutAt: Date | null }, at: Date): ShiftProblem | null {
  if (!shift.checkInAt) return 'NOT_CHECKED_IN';
  if (shift.checkOutAt) return 'ALREADY_CHECKED_OUT';
  const elapsed = at.getTime() - shift.checkInAt.getTime();
  if (elapsed < 0) return 'CHECK_OUT_BEFORE_CHECK_IN';
  if (elapsed > MAX_SHIFT_HOURS * HOUR_MS) return 'TOO_LONG';
  return null;
}

/** Whether an open shift can no longer be checked out by its member (more than MAX_SHIFT_HOURS since check-in). */
export function shiftStale(shift: { checkInAt: Date; checkOutAt: Date | null }, now: Date): boolean {
  return !shift.checkOutAt && now.getTime() - shift.checkInAt.getTime() > MAX_SHIFT_HOURS * HOUR_MS;
}

/**
 * Whether a shift may be verified (or rejected) by community staff: checked in and out, and not
 * decided yet. A shift left open past the longest shift (`shiftStale`: the member forgot to check out)
 * may be rejected, which closes it: its hours never count, and the member can check in again.
 */
export function verifyProblem(
  shift: { checkInAt: Date | null; checkOutAt: Date | null; verifiedAt: Date | null },
  decision: { accept: boolean; now: Date } = { accept: true, now: new Date() },
): 'NOT_CHECKED_IN' | 'NOT_CHECKED_OUT' | 'ALREADY_VERIFIED' | null {
  if (!shift.checkInAt) return 'NOT_CHECKED_IN';
  if (shift.verifiedAt) return 'ALREADY_VERIFIED';
  if (!shift.checkOutAt && !(!decision.accept && shiftStale({ checkInAt: shift.checkInAt, checkOutAt: null }, decision.now))) return 'NOT_CHECKED_OUT';
  if (shift.verifiedAt) return 'ALREADY_VERIFIED';
  return null;
}

/** The whole minutes of a shift (rounded down: 59 s of a minute do not count). Throws a RangeError when the check-out is before the check-in. */
export function shiftMinutes(checkInAt: Date, checkOutAt: Date): number {
  const ms = checkOutAt.getTime() - checkInAt.getTime();
  if (!(ms >= 0)) throw new RangeError('shiftMinutes: the check-out is before the check-in');
  return (ms - (ms % 60_000)) / 60_000;
}

/** How far from the post a check-in or check-out may be and still count as on site (metres). */
export const ON_SITE_RADIUS_M = 300;

/** Whether a check-in or check-out `distanceMetres` from the post is on site (within `allowedMetres`, inclusive; no distance is not on site). */
export function onSiteFlag(distanceMetres: number, allowedMetres = ON_SITE_RADIUS_M): boolean {
  return Number.isFinite(distanceMetres) && distanceMetres >= 0 && distanceMetres <= allowedMetres;
}

/** The distance of a check-in or check-out from the post (metres, to 0.1) and whether it is on site. */
export function judgeOnSite(postAt: LngLat, at: LngLat, allowedMetres = ON_SITE_RADIUS_M): { distanceM: number; onSite: boolean } {
  const distanceM = Math.round(distanceMeters(postAt, at) * 10) / 10;
  return { distanceM, onSite: onSiteFlag(distanceM, allowedMetres) };
}

/**
 * Whether a shift's hours count: checked in and out, both on site, and verified (not rejected) by the
 * community staff. An off-site check-in or check-out is kept but never counts, even verified.
 */
export function countsAsHours(shift: { checkInAt: Date | null; checkOutAt: Date | null; verifiedAt: Date | null; rejected: boolean; checkInOnSite: boolean; checkOutOnSite: boolean }): boolean {
  return Boolean(shift.checkInAt && shift.checkOutAt && shift.verifiedAt) && !shift.rejected && shift.checkInOnSite && shift.checkOutOnSite;
}

/** The Beijing month (YYYY-MM) of an instant. */
export const monthOf = (date: Date): string => beijingMonthOf(date);

/** The Beijing quarter (YYYY-Qn) of an instant: 2026-03-31T16:30Z is 00:30 on 1 April in Beijing, so 2026-Q2. */
export function quarterOf(date: Date): string {
  const [year, month] = beijingMonthOf(date).split('-') as [string, string];
  const m = Number(month) - 1;
  return `${year}-Q${(m - (m % 3)) / 3 + 1}`;
}

/** Hours to one decimal from whole minutes, half up, in whole numbers until the last step: 45 min → 0.8 h, 20 min → 0.3 h. */
export function hoursOf(minutes: number): number {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new RangeError(`hoursOf: minutes must be a whole number ≥ 0, got ${minutes}`);
  const scaled = minutes + 3; // tenths of an hour are 6 minutes: ⌊(minutes + 3) / 6⌋ rounds half up
  return (scaled - (scaled % 6)) / 6 / 10;
}

/** One shift as the hours report sees it: its member, post category, the member's workplace branch, minutes, and when it started. */
export interface ReportShift {
  memberId: string;
  category: string;
  branch: string;
  minutes: number;
  at: Date;
}

export interface HoursRow {
  key: string;
  minutes: number;
  hours: number;
  shifts: number;
}

/** Whether an instant falls in a period: its Beijing month and/or quarter (both: both must match; neither: any time). */
export function inPeriod(at: Date, period: { month?: string; quarter?: string }): boolean {
  if (period.month != null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period.month)) throw new RangeError(`expected a month YYYY-MM, got ${period.month}`);
  if (period.quarter != null && !/^\d{4}-Q[1-4]$/.test(period.quarter)) throw new RangeError(`expected a quarter YYYY-Qn, got ${period.quarter}`);
  return (period.month == null || monthOf(at) === period.month) && (period.quarter == null || quarterOf(at) === period.quarter);
}

/**
 * The hours report of the shifts that count (countsAsHours: the caller filters) whose start falls in the
 * period, grouped by member, category or branch: minutes summed before rounding to hours, most minutes
 * first, then by key. A shift across midnight at a month's end belongs to the month it started in.
 */
export function hoursReport(shifts: readonly ReportShift[], groupBy: 'member' | 'category' | 'branch', period: { month?: string; quarter?: string }): HoursRow[] {
  const keyOf = (s: ReportShift) => (groupBy === 'member' ? s.memberId : groupBy === 'category' ? s.category : s.branch);
  const rows = new Map<string, { minutes: number; shifts: number }>();
  for (const s of shifts) {
    if (!inPeriod(s.at, period)) continue;
    if (!Number.isSafeInteger(s.minutes) || s.minutes < 0) throw new RangeError(`hoursReport: minutes must be a whole number ≥ 0, got ${s.minutes}`);
    const row = rows.get(keyOf(s)) ?? { minutes: 0, shifts: 0 };
    row.minutes += s.minutes;
    row.shifts += 1;
    rows.set(keyOf(s), row);
  }
  return [...rows]
    .map(([key, r]) => ({ key, minutes: r.minutes, hours: hoursOf(r.minutes), shifts: r.shifts }))
    .sort((a, b) => b.minutes - a.minutes || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Per workplace branch, how many of its members reported for service: `active` holds the members with any
 * verified hours in the period. Rate = reporting / members, to four decimals; a member listed twice counts
 * once. Sorted by branch.
 */
export function branchReportRate(members: readonly { memberId: string; branch: string }[], active: ReadonlySet<string>): { branch: string; members: number; reporting: number; rate: number }[] {
  const byBranch = new Map<string, Set<string>>();
  for (const m of members) byBranch.set(m.branch, (byBranch.get(m.branch) ?? new Set()).add(m.memberId));
  return [...byBranch]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([branch, ids]) => {
      const reporting = [...ids].filter((id) => active.has(id)).length;
      return { branch, members: ids.size, reporting, rate: Math.round((reporting / ids.size) * 10_000) / 10_000 };
    });
}

export type CallAnswerProblem = 'CALL_CLOSED' | 'ALREADY_ANSWERED' | 'CALL_FULL' | 'NOT_CALLED';

/** Whom a branch call reaches: the members of its branch, and (when it names one) the members reported to its community. */
export function isCalled(call: { branch: string; communityId: string | null }, member: { branch: string; communityId: string }): boolean {
  return member.branch === call.branch || (call.communityId != null && call.communityId === member.communityId);
}

/**
 * Whether a member may answer a branch's call (支部吹哨、党员报到): until its deadline (inclusive), once, and
 * while places are left (`places` null: no limit). As with claims, the last place is decided by the
 * database's conditional update (`answered < places`); this check only spares a write that would fail.
 */
export function callAnswerProblem(call: { deadline: Date; places: number | null; answered: number }, alreadyAnswered: boolean, now: Date): CallAnswerProblem | null {
  if (now.getTime() > call.deadline.getTime()) return 'CALL_CLOSED';
  if (alreadyAnswered) return 'ALREADY_ANSWERED';
  if (call.places != null && call.answered >= call.places) return 'CALL_FULL';
  return null;
}

/** The Chinese names of the post categories, as the community's notice board shows them. */
export const CATEGORY_LABELS: Record<PostCategory, string> = {
  OUTREACH: '宣讲教育岗', ENVIRONMENT: '环境治理岗', ASSISTANCE: '帮困扶贫岗', SAFETY: '维稳安全岗', SKILLS: '技能服务岗',
};

/**
 * The instants a period spans, [from, to), for narrowing a query before `inPeriod` decides: a Beijing
 * month, a Beijing quarter, or both (their intersection, empty when they disagree); null for no period.
 */
export function periodBounds(period: { month?: string; quarter?: string }): { from: Date; to: Date } | null {
  const spans: { from: Date; to: Date }[] = [];
  if (period.month != null) {
    inPeriod(new Date(0), { month: period.month });
    spans.push(beijingMonth(period.month));
  }
  if (period.quarter != null) {
    inPeriod(new Date(0), { quarter: period.quarter });
    const [year, q] = period.quarter.split('-Q') as [string, string];
    const first = (Number(q) - 1) * 3 + 1;
    const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
    spans.push({ from: beijingMonth(month(first)).from, to: beijingMonth(month(first + 2)).to });
  }
  if (!spans.length) return null;
  const from = Math.max(...spans.map((s) => s.from.getTime()));
  const to = Math.max(from, Math.min(...spans.map((s) => s.to.getTime())));
  return { from: new Date(from), to: new Date(to) };
}

export type ShiftStatus = 'OPEN' | 'CHECKED_OUT' | 'VERIFIED' | 'REJECTED';

/** Where a shift stands: open until checked out, then waiting for the staff, then verified or rejected. */
export function shiftStatus(shift: { checkOutAt: Date | null; verifiedAt: Date | null; rejected: boolean }): ShiftStatus {
  if (shift.rejected) return 'REJECTED';
  if (shift.verifiedAt) return 'VERIFIED';
  return shift.checkOutAt ? 'CHECKED_OUT' : 'OPEN';
}
