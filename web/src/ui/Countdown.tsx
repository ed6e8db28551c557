import type { Component } from 'solid-js';
import { t } from '../i18n/index.ts';
import { roundedDuration } from './clock.ts';

/** "3 小时" / "3 h", from milliseconds either side of a deadline. */
export function durationText(ms: number): string {
  const { unit, count } = roundedDuration(ms);
  return t(`ui.clock.${unit}`, { count });
}

/** "还剩 3 小时" before a deadline, "超时 5 小时" after it. */
export const countdownText = (ms: number) =>
  ms < 0 ? t('ui.clock.over', { duration: durationText(ms) }) : t('ui.clock.left', { duration: durationText(ms) });

interface CountdownProps {
  /** the deadline, ISO */
  by: string;
  /** the ticking clock of the page (epoch ms), from useNow */
  now: number;
  testId?: string;
}

/** Time left until a deadline ("还剩 3 小时"), or past it ("超时 5 小时", in red). */
export const Countdown: Component<CountdownProps> = (props) => {
  const ms = () => Date.parse(props.by) - props.now;
  return (
    <span class="deadline-clock" classList={{ 'deadline-over': ms() < 0 }} data-testid={props.testId}>
      {countdownText(ms())}
    </span>
  );
};
