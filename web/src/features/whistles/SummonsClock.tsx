import { type Component, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { WhistleCardSummons } from './whistleCard.ts';
import { clockText } from './whistleFeeds.ts';

export interface SummonsClockProps {
  summons: WhistleCardSummons;
  kind: 'ACK' | 'ON_SITE';
  now: number;
}

/** One clock of a summons: counting down each second while it runs (red once late), or how it was met. */
export const SummonsClock: Component<SummonsClockProps> = (props) => {
  const deadline = () => props.summons.deadlines.find((row) => row.kind === props.kind);
  const metAt = () => (props.kind === 'ACK' ? props.summons.acknowledgedAt : props.summons.checkedInAt);
  const metLate = () => (props.kind === 'ACK' ? props.summons.ackLate : props.summons.onSiteLate);
  const ms = () => {
    const row = deadline();
    return row ? Date.parse(row.dueAt) - props.now : 0;
  };
  const testId = () => `summons-${props.kind === 'ACK' ? 'ack' : 'onsite'}-${props.summons.department.code}`;
  return (
    <Show
      when={!metAt()}
      fallback={
        <span class="deadline-clock" classList={{ 'deadline-over': metLate() }} data-testid={testId()} data-state="met">
          {props.kind === 'ACK'
            ? metLate()
              ? t('whistles.clock.acknowledgedLate')
              : t('whistles.clock.acknowledged')
            : metLate()
              ? t('whistles.clock.checkedInLate')
              : t('whistles.clock.checkedIn')}
          <Show when={props.kind === 'ON_SITE' && props.summons.checkInFlagged}>
            <span class="muted" data-testid={`summons-flagged-${props.summons.department.code}`}>
              {' '}
              {t('whistles.clock.flagged', { metres: Math.round(props.summons.checkInDistanceM ?? 0) })}
            </span>
          </Show>
        </span>
      }
    >
      <Show
        when={deadline()?.state !== 'CANCELLED'}
        fallback={
          <span class="muted" data-testid={testId()} data-state="cancelled">
            {t('whistles.clock.cancelled')}
          </span>
        }
      >
        <span class="deadline-clock countdown" classList={{ 'deadline-over': ms() < 0 }} data-testid={testId()} data-state={ms() < 0 ? 'late' : 'running'}>
          {ms() < 0 ? t('whistles.clock.over', { time: clockText(ms()) }) : t('whistles.clock.left', { time: clockText(ms()) })}
        </span>
      </Show>
    </Show>
  );
};

