// The volunteers section's rules that need no component: the five post categories, what a claim's
// state reads as (a place, or a waitlist position), places left, the reporting periods, and the bars
// of the hours charts.
import { t } from '../../i18n/index.ts';

/** The five categories of posts (宣讲教育岗, 环境治理岗, 帮困扶贫岗, 维稳安全岗, 技能服务岗), in the order of the notices. */
export const POST_CATEGORIES = ['OUTREACH', 'ENVIRONMENT', 'ASSISTANCE', 'SAFETY', 'SKILLS'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

/** A claim as the member sees it: "已认领", "候补第 2 位", "已取消". */
export function claimLabel(claim: { status: 'CLAIMED' | 'WAITLISTED' | 'CANCELLED'; waitlistPosition: number | null }): string {
  if (claim.status === 'WAITLISTED') {
    return claim.waitlistPosition === null ? t('volunteers.claim.waitlisted') : t('volunteers.claim.waitlistPosition', { position: claim.waitlistPosition });
  }
  return t(`volunteers.claim.${claim.status}`);
}

/** A post's places as the catalogue shows them: "还剩 2 个名额（共 4）", or full with how many wait. */
export function placesLabel(post: { places: number; placesLeft: number; waitlisted: number; open: boolean }): string {
  if (!post.open) return t('volunteers.places.closed');
  if (post.placesLeft > 0) return t('volunteers.places.left', { left: post.placesLeft, places: post.places });
  return post.waitlisted > 0 ? t('volunteers.places.fullWaiting', { places: post.places, waiting: post.waitlisted }) : t('volunteers.places.full', { places: post.places });
}

/** What the claim button does on this post: claim a place, join the waitlist, or nothing (claimed already, closed). */
export function claimAction(post: { open: boolean; placesLeft: number; myClaim: { status: string } | null }): 'claim' | 'waitlist' | null {
  if (!post.open) return null;
  if (post.myClaim && post.myClaim.status !== 'CANCELLED') return null;
  return post.placesLeft > 0 ? 'claim' : 'waitlist';
}

/** The Beijing month (YYYY-MM) of an instant. */
export function beijingMonth(at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3600_000);
  return `${beijing.getUTCFullYear()}-${String(beijing.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The Beijing quarter (YYYY-Qn) of an instant. */
export function beijingQuarter(at: Date): string {
  const [year, month] = beijingMonth(at).split('-').map(Number) as [number, number];
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter before (YYYY-Qn). */
export function previousQuarter(quarter: string): string {
  const [year, q] = quarter.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** Minutes as hours to one decimal, as the reports write them: 90 → 1.5. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** One bar of a horizontal bar chart: its label, value and length as a share (0–100) of the longest. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  share: number;
}

/** Bars for rows of a report, longest first kept as given; the longest bar fills the chart. */
export function barsOf<Row>(rows: readonly Row[], key: (row: Row) => string, label: (row: Row) => string, value: (row: Row) => number): Bar[] {
  const max = Math.max(0, ...rows.map(value));
  return rows.map((row) => ({ key: key(row), label: label(row), value: value(row), share: max > 0 ? Math.round((value(row) / max) * 1000) / 10 : 0 }));
}

/** A community's places as the stacked bar shows them: claimed and open as shares of its places. */
export function placeShares(row: { places: number; claimed: number; open: number }): { claimed: number; open: number } {
  if (row.places <= 0) return { claimed: 0, open: 0 };
  const claimed = Math.round((row.claimed / row.places) * 1000) / 10;
  return { claimed, open: Math.round((100 - claimed) * 10) / 10 };
}
