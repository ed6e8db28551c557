import { type Component, For, Show } from 'solid-js';
import type { DeadlineKind } from '../../graphql/enums.ts';
import { type FragmentOf, readFragment } from '../../graphql/graphql.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { Countdown } from '../../ui/Countdown.tsx';
import { DeadlineClockFields } from './DeadlineClock.tsx';
import { FEEDBACK_HOURS, isOpenStatus, missedAt } from './deadlines.ts';

interface Row {
  kind: DeadlineKind;
  label: string;
  by: string | null;
  /** when it was met (resolving counts as feedback) */
  doneAt: string | null;
}

interface TicketDeadlinesProps {
  /** the same deadline facts as the clock in the inbox row */
  ticket: FragmentOf<typeof DeadlineClockFields>;
  now: number;
}

/** The three deadlines: when each falls due, when it was met (late or not), or how long is left. */
export const TicketDeadlines: Component<TicketDeadlinesProps> = (props) => {
  const ticket = () => readFragment(DeadlineClockFields, props.ticket);
  const missed = () => missedAt(ticket(), props.now);
  const rows = (): Row[] => {
    const { feedbackAt, resolvedAt, respondBy, feedbackBy, resolveBy, respondedAt } = ticket();
    const feedbackDone = [feedbackAt, resolvedAt].filter((at): at is string => at !== null).sort()[0] ?? null;
    return [
      { kind: 'RESPONSE', label: t('tickets.detail.respondBy'), by: respondBy, doneAt: respondedAt },
      { kind: 'FEEDBACK', label: t('tickets.detail.feedbackBy', { hours: FEEDBACK_HOURS }), by: feedbackBy, doneAt: feedbackDone },
      { kind: 'RESOLUTION', label: t('tickets.detail.resolveBy'), by: resolveBy, doneAt: resolvedAt },
    ];
  };

  return (
    <dl class="deadlines" data-testid="deadlines">
      <For each={rows()}>
        {(row) => {
          const late = () => missed().includes(row.kind);
          return (
            <div class="deadline-row" classList={{ 'deadline-row-late': late() }} data-testid={`deadline-${row.kind}`} data-missed={late() ? 'true' : 'false'}>
              <dt>{row.label}</dt>
              <dd>
                <Show when={row.by} fallback={<span class="muted">{t('tickets.detail.noResolveTarget')}</span>}>
                  {(by) => (
                    <>
                      <span class="deadline-due">{t('tickets.detail.dueAt', { at: formatDateTime(by()) })}</span>
                      <Show
                        when={row.doneAt}
                        fallback={
                          <Show when={isOpenStatus(ticket().status)}>
                            <Countdown by={by()} now={props.now} />
                          </Show>
                        }
                      >
                        {(done) => (
                          <span class="deadline-done">
                            {late() ? t('tickets.detail.doneLate', { at: formatDateTime(done()) }) : t('tickets.detail.doneAt', { at: formatDateTime(done()) })}
                          </span>
                        )}
                      </Show>
                    </>
                  )}
                </Show>
              </dd>
            </div>
          );
        }}
      </For>
    </dl>
  );
};
