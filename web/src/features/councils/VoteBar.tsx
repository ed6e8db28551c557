import { type Component, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { barShares, type Progress, type Tally } from './motionFigures.ts';

interface VoteBarProps {
  tally: Tally;
  /** the electorate snapshotted at open, if known */
  eligible: number | null;
  progress: Pick<Progress, 'needed'> | null;
  base: 'ELIGIBLE' | 'CAST';
}

/** The vote as one bar: yes, no and abstain from the left, the electors still to vote after, the threshold marked. */
export const VoteBar: Component<VoteBarProps> = (props) => {
  const shares = () => barShares(props.tally, props.eligible, props.progress, props.base);
  return (
    <div class="vote-bar" role="img" aria-label={t('councils.motion.barLabel', { yes: shares().yes, no: shares().no, abstain: shares().abstain })} data-testid="vote-bar" data-yes-share={shares().yes}>
      <span class="vote-bar-yes" style={{ width: `${shares().yes}%` }} />
      <span class="vote-bar-no" style={{ width: `${shares().no}%` }} />
      <span class="vote-bar-abstain" style={{ width: `${shares().abstain}%` }} />
      <Show when={shares().threshold}>
        {(threshold) => <span class="vote-bar-threshold" style={{ left: `${threshold()}%` }} title={t('councils.motion.thresholdMark')} />}
      </Show>
    </div>
  );
};
