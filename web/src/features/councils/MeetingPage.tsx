import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { RecordPage, routeNumber } from '../../ui/RecordPage.tsx';
import { usePageTitle } from '../shell/title.ts';
import { ticketPath } from '../tickets/paths.ts';
import { whistlePath } from '../whistles/paths.ts';
import { ActionItemList } from './ActionItemList.tsx';
import { CouncilActionErrorFields, councilOutcomeNames, useCouncilStep } from './councilAction.ts';
import { CouncilLive, type CouncilNotice, useCouncilPosition } from './CouncilLive.tsx';
import { MeetingManagePanel } from './MeetingManagePanel.tsx';
import { type MeetingModeData, MeetingModeFields } from './meetingMode.ts';
import { MotionCard } from './MotionCard.tsx';
import { COUNCILS_PATH } from './paths.ts';

const MeetingPageQuery = graphql(
  `
    query MeetingPageQuery($id: ID!) {
      node(id: $id) {
        __typename
        id
        ... on Meeting {
          ...MeetingModeFields
        }
      }
    }
  `,
  [MeetingModeFields],
);

const MeetingPageCheckInMutation = graphql(
  `
    mutation MeetingPageCheckInMutation($input: CheckInAttendeeInput!) {
      checkInAttendee(input: $input) {
        __typename
        ... on CheckInAttendeeResult {
          result {
            meeting {
              ...MeetingModeFields
            }
          }
        }
        ...CouncilActionErrorFields
      }
    }
  `,
  [MeetingModeFields, CouncilActionErrorFields],
);

/** Who is present, and the viewer's own check-in while the meeting is open. */
const Attendance: Component<{ meeting: MeetingModeData; onReload: () => void }> = (props) => {
  const checkIn = useCouncilStep(MeetingPageCheckInMutation, () => props.meeting.version, (data) => data.checkInAttendee);
  return (
    <section class="panel meeting-attendance" data-testid="meeting-attendance">
      <h2>
        {t('councils.meeting.attendance')} <span class="muted" data-testid="attendance-count">{t('councils.meeting.attendanceCount', { count: props.meeting.attendanceCount })}</span>
      </h2>
      <Show when={props.meeting.status === 'OPEN'}>
        <Show
          when={!props.meeting.viewerCheckedIn}
          fallback={
            <p class="badge badge-ok" data-testid="checked-in">
              {t('councils.meeting.checkedIn')}
            </p>
          }
        >
          <button type="button" class="button button-primary" disabled={checkIn.state.fetching} onClick={() => void checkIn.send({ meetingId: props.meeting.id })} data-testid="check-in">
            {t('councils.meeting.checkIn')}
          </button>
        </Show>
      </Show>
      <ActionOutcome failure={checkIn.failure()} names={councilOutcomeNames} onReload={props.onReload} />
      <Show when={props.meeting.attendance.length > 0} fallback={<p class="empty">{t('councils.meeting.noAttendance')}</p>}>
        <ol class="attendance-list">
          <For each={props.meeting.attendance}>
            {(person) => (
              <li>
                {person.name} <span class="muted">{formatDateTime(person.at)}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
};

/**
 * Meeting mode (/councils/meetings/:id): a meeting in large type for the projector — agenda, attendance
 * with the viewer's check-in, each motion with its live tally and the viewer's vote, and for whoever runs
 * it the steps of the meeting. Live over the meeting's feed: every ballot, check-in and step shows on
 * every screen without a reload.
 */
export const MeetingPage: Component = () => {
  const params = useParams<{ id: string }>();
  const id = () => routeNumber(params.id);
  const position = useCouncilPosition();
  const [result, reexecute] = createQuery({ query: MeetingPageQuery, variables: () => ({ id: id() }), pause: () => !position.ready() });
  const [projector, setProjector] = createSignal(false);
  const meeting = () => (result.data?.node?.__typename === 'Meeting' ? (result.data.node as unknown as MeetingModeData) : null);
  usePageTitle(() => meeting()?.title ?? t('councils.title'));
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  // a notice carries the meeting as it is now; only missed events need the page fetched again
  const onNotice = (notice: CouncilNotice) => {
    if (notice.kind === 'resync') reload();
  };

  return (
    <div class="meeting-mode" classList={{ 'meeting-projector': projector() }} data-testid="meeting-mode">
      <RecordPage
        back={{ href: COUNCILS_PATH, label: t('councils.meeting.back'), testId: 'meeting-back' }}
        state={result}
        onRetry={reload}
        record={result.data ? meeting() : undefined}
        notFound={{ text: t('councils.meeting.notFound'), testId: 'meeting-not-found' }}
      >
        {(current) => (
          <>
            <header class="meeting-heading">
              <p class="muted">{current().council.name}</p>
              <h1 data-testid="meeting-title">{current().title}</h1>
              <p class="meeting-facts">
                <span class="badge" classList={{ 'badge-live': current().status === 'OPEN' }} data-testid="meeting-status" data-status={current().status}>
                  {t(`councils.meetingStatus.${current().status}`)}
                </span>
                <span>{t('councils.meeting.when', { at: formatDateTime(current().startsAt) })}</span>
                <span>{t('councils.meeting.where', { place: current().place })}</span>
                <CouncilLive feed={{ meetingId: current().id }} after={position.after()} onNotice={onNotice} />
                <button type="button" class="button button-quiet" aria-pressed={projector()} onClick={() => setProjector(!projector())} data-testid="projector-toggle">
                  {projector() ? t('councils.meeting.exitProjector') : t('councils.meeting.projector')}
                </button>
              </p>
            </header>

            <div class="meeting-grid">
              <section class="panel meeting-agenda" data-testid="meeting-agenda">
                <h2>{t('councils.meeting.agenda')}</h2>
                <Show when={current().agenda.length > 0} fallback={<p class="empty">{t('councils.meeting.noAgenda')}</p>}>
                  <ol>
                    <For each={current().agenda}>
                      {(item) => (
                        <li data-testid="agenda-item">
                          <span class="agenda-title">{item.title}</span>
                          <Show when={item.ticket}>
                            {(ticket) => (
                              <A href={ticketPath(ticket().number)} class="badge badge-link" data-testid="agenda-ticket">
                                {t('councils.meeting.ticket', { number: ticket().number })}
                              </A>
                            )}
                          </Show>
                          <Show when={item.whistle}>
                            {(whistle) => (
                              <A href={whistlePath(whistle().number)} class="badge badge-link" data-testid="agenda-whistle">
                                {t('councils.meeting.whistle', { number: whistle().number })}
                              </A>
                            )}
                          </Show>
                          <Show when={item.outcome}>{(outcome) => <p class="muted">{t('councils.meeting.outcome', { outcome: outcome() })}</p>}</Show>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
              </section>
              <Attendance meeting={current()} onReload={reload} />
            </div>

            <section class="meeting-motions" data-testid="meeting-motions">
              <h2>{t('councils.meeting.motions')}</h2>
              <Show when={current().motions.length > 0} fallback={<p class="empty">{t('councils.meeting.noMotions')}</p>}>
                <For each={current().motions}>
                  {(motion) => <MotionCard motion={motion} meetingStatus={current().status} meetingVersion={current().version} mayManage={current().viewerMayManage} onReload={reload} />}
                </For>
              </Show>
            </section>

            <Show when={current().minutes}>
              {(minutes) => (
                <section class="panel" data-testid="meeting-minutes">
                  <h2>{t('councils.meeting.minutes')}</h2>
                  <p class="meeting-minutes">{minutes()}</p>
                </section>
              )}
            </Show>
            <Show when={current().actionItems.length > 0}>
              <section class="panel">
                <h2>{t('councils.meeting.actionItems')}</h2>
                <ActionItemList items={current().actionItems} />
              </section>
            </Show>
            <Show when={current().viewerMayManage}>
              <MeetingManagePanel meeting={current()} onReload={reload} />
            </Show>
          </>
        )}
      </RecordPage>
    </div>
  );
};
