import { type Component, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { clockOf, type DeadlineFacts, roundedDuration } from './deadlines.ts';

/** "3 小时" / "3 h", from milliseconds either side of a deadline. */
export function durationText(ms: number): string {
  const { unit, count } = roundedDuration(ms);
  return t(`tickets.clock.${unit}`, { count });
}

interface DeadlineClockProps {
  ticket: DeadlineFacts;
  /** the ticking clock of the page (epoch ms) */
  now: number;
  testId?: string;
}

/** The deadline that matters now: "响应 还剩 3 小时", or "反馈 超时 5 小时" in red; a dash when none runs. */
export const DeadlineClock: Component<DeadlineClockProps> = (props) => {
  const clock = () => clockOf(props.ticket, props.now);
  return (
    <Show when={clock()} fallback={<span class="muted">{t('tickets.clock.none')}</span>}>
      {(current) => (
        <span class="deadline-clock" classList={{ 'deadline-over': current().ms < 0 }} data-testid={props.testId} data-kind={current().kind}>
          <span class="deadline-kind">{t(`tickets.deadline.${current().kind}`)}</span>
          <span class="deadline-left">
            {current().ms < 0
              ? t('tickets.clock.over', { duration: durationText(current().ms) })
              : t('tickets.clock.left', { duration: durationText(current().ms) })}
          </span>
        </span>
      )}
    </Show>
  );
};

interface CountdownProps {
  /** the deadline, ISO */
  by: string;
  now: number;
  testId?: string;
}

/** Time left until a deadline ("还剩 3 小时"), or past it ("超时 5 小时", in red). */
export const Countdown: Component<CountdownProps> = (props) => {
  const ms = () => Date.parse(props.by) - props.now;
  return (
    <span class="deadline-clock" classList={{ 'deadline-over': ms() < 0 }} data-testid={props.testId}>
      {ms() < 0 ? t('tickets.clock.over', { duration: durationText(ms()) }) : t('tickets.clock.left', { duration: durationText(ms()) })}
    </span>
  );
};
