// The figures of a motion as the meeting screen shows them, without a component: "6 of 9 needed",
// the shares of the vote bar, the rule in words. The API computes the thresholds (councilRules.ts in
// the schema); this only turns its counts into shares and sentences.
import { t } from '../../i18n/index.ts';

/** A motion's live standing against its rule (Motion.progress). */
export interface Progress {
  needed: number;
  yes: number;
  remaining: number;
  base: number;
  quorumNeeded: number;
  participants: number;
}

/** The counts of a motion (Motion.tally). */
export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

/** "需 9 票中的 6 票赞成" / "6 of 9 needed": the yes votes the rule needs of its base. */
export const neededText = (progress: Pick<Progress, 'needed' | 'base'>) => t('councils.motion.needed', { needed: progress.needed, base: progress.base });

/** What is still missing: yes votes ("还差 2 票赞成"), or "已达到" when the threshold is met. */
export const remainingText = (progress: Pick<Progress, 'remaining'>) =>
  progress.remaining > 0 ? t('councils.motion.remaining', { count: progress.remaining }) : t('councils.motion.thresholdMet');

/** The quorum's standing: "已参与 5 / 需 5 人". */
export const quorumText = (progress: Pick<Progress, 'participants' | 'quorumNeeded'>) =>
  t('councils.motion.quorum', { participants: progress.participants, needed: progress.quorumNeeded });

/** Whether enough electors took part for the motion to have a result. */
export const quorumMet = (progress: Pick<Progress, 'participants' | 'quorumNeeded'>) => progress.participants >= progress.quorumNeeded;

/** One segment of the vote bar: its share of the bar, 0–100. */
export interface BarShares {
  yes: number;
  no: number;
  abstain: number;
  /** electors who have not voted yet (of the eligible), or 0 when the bar is of the votes cast */
  pending: number;
  /** where the threshold sits on the bar (0–100), or null when there is nothing to mark */
  threshold: number | null;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * The vote bar's segments. The bar is the electorate when the motion has one (the eligible snapshotted
 * at open): the votes cast fill it from the left, the rest is still to vote; without one, it is the
 * votes cast. The threshold mark sits at `needed` of that whole (of the eligible), or at `needed` of
 * the yes and no votes (of the votes cast, where abstentions do not count).
 */
export function barShares(tally: Tally, eligible: number | null, progress: Pick<Progress, 'needed'> | null, base: 'ELIGIBLE' | 'CAST'): BarShares {
  const cast = tally.yes + tally.no + tally.abstain;
  const whole = Math.max(eligible ?? 0, cast);
  const shares = { yes: share(tally.yes, whole), no: share(tally.no, whole), abstain: share(tally.abstain, whole) };
  const pending = whole > 0 ? Math.max(0, Math.round((100 - shares.yes - shares.no - shares.abstain) * 10) / 10) : 0;
  let threshold: number | null = null;
  if (progress && whole > 0) {
    threshold = base === 'ELIGIBLE' ? share(progress.needed, whole) : tally.yes + tally.no > 0 ? share(progress.needed, whole) : null;
  }
  return { ...shares, pending, threshold: threshold === null ? null : Math.min(100, threshold) };
}

/** A fraction as people write it: 1/2, 3/4. */
export const fractionText = (fraction: { numerator: number; denominator: number }) => `${fraction.numerator}/${fraction.denominator}`;

/** The motion's rule in words: threshold, base, electorate, quorum, ballot. */
export function ruleText(motion: {
  rule: 'SIMPLE_MAJORITY' | 'TWO_THIRDS' | 'FRACTION';
  fraction: { numerator: number; denominator: number } | null;
  base: 'ELIGIBLE' | 'CAST';
  electorate: 'PRESENT' | 'ALL_MEMBERS' | 'HOUSEHOLDS';
  quorum: { numerator: number; denominator: number };
  policy: 'NAMED' | 'SECRET';
}): string {
  const threshold = motion.rule === 'FRACTION' && motion.fraction ? t('councils.rule.fractionOf', { fraction: fractionText(motion.fraction) }) : t(`councils.rule.${motion.rule}`);
  return [
    threshold,
    t(`councils.base.${motion.base}`),
    t(`councils.electorate.${motion.electorate}`),
    t('councils.rule.quorum', { fraction: fractionText(motion.quorum) }),
    t(`councils.policy.${motion.policy}`),
  ].join(t('councils.rule.separator'));
}

/** Whether the viewer may vote now, and whether a vote they gave may still change (NAMED: until close; SECRET: once). */
export function ballotState(motion: { status: string; policy: 'NAMED' | 'SECRET'; myBallot: { eligible: boolean; voted: boolean } }): 'closed' | 'notEligible' | 'open' | 'change' | 'done' {
  if (motion.status !== 'OPEN') return 'closed';
  if (!motion.myBallot.eligible) return 'notEligible';
  if (!motion.myBallot.voted) return 'open';
  return motion.policy === 'NAMED' ? 'change' : 'done';
}

/** "2/3" → { numerator: 2, denominator: 3 }; null when it is not a fraction n/d with d ≥ 1. */
export function parseFraction(text: string): { numerator: number; denominator: number } | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return null;
  const numerator = Number(match[1]);
  const denominator = Number(match[2]);
  return denominator >= 1 && numerator <= denominator ? { numerator, denominator } : null;
}
