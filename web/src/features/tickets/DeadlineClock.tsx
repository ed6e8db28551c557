import { type Component, Show } from 'solid-js';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { countdownText } from '../../ui/Countdown.tsx';
import { clockOf } from './deadlines.ts';

/**
 * The deadline facts of a ticket (`DeadlineFacts` in deadlines.ts): what the clocks count down, and
 * what the inbox and the detail page decide "overdue" from on their own clock.
 */
export const DeadlineClockFields = graphql(`
  fragment DeadlineClockFields on Ticket {
    status
    respondBy
    feedbackBy
    resolveBy
    respondedAt
    feedbackAt
    resolvedAt
    missedDeadlines
  }
`);

interface DeadlineClockProps {
  ticket: FragmentOf<typeof DeadlineClockFields>;
  /** the ticking clock of the page (epoch ms) */
  now: number;
  testId?: string;
}

/** The deadline that matters now: "响应 还剩 3 小时", or "反馈 超时 5 小时" in red; a dash when none runs. */
export const DeadlineClock: Component<DeadlineClockProps> = (props) => {
  const clock = () => clockOf(readFragment(DeadlineClockFields, props.ticket), props.now);
  return (
    <Show when={clock()} fallback={<span class="muted">{t('tickets.clock.none')}</span>}>
      {(current) => (
        <span class="deadline-clock" classList={{ 'deadline-over': current().ms < 0 }} data-testid={props.testId} data-kind={current().kind}>
          <span class="deadline-kind">{t(`tickets.deadline.${current().kind}`)}</span>
          <span class="deadline-left">{countdownText(current().ms)}</span>
        </span>
      )}
    </Show>
  );
};
