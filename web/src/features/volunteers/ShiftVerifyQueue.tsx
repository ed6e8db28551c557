import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { formatShortDateTime, t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { useVolunteerStep, VolunteerActionErrorFields, volunteerOutcomeNames } from './volunteerAction.ts';
import { homeCommunity, useVolunteerViewer } from './volunteerViewer.ts';

const ShiftVerifyQueueQuery = graphql(`
  query ShiftVerifyQueueQuery($communityCode: String!) {
    shiftsToVerify(communityCode: $communityCode) {
      id
      status
      checkInAt
      checkOutAt
      minutes
      checkInOnSite
      checkOutOnSite
      checkInDistanceM
      member {
        id
        name
        branch
      }
      post {
        id
        title
        version
      }
    }
  }
`);

const ShiftVerifyQueueVerifyMutation = graphql(
  `
    mutation ShiftVerifyQueueVerifyMutation($input: VerifyShiftInput!) {
      verifyShift(input: $input) {
        __typename
        ... on VerifyShiftResult {
          result {
            shift {
              id
              status
              rejected
              note
              countsAsHours
              verifiedAt
            }
          }
        }
        ...VolunteerActionErrorFields
      }
    }
  `,
  [VolunteerActionErrorFields],
);

type QueuedShift = ResultOf<typeof ShiftVerifyQueueQuery>['shiftsToVerify'][number];

/** One shift waiting: who, where, when, how long, on site or not, and accept / reject with a note. */
const QueueRow: Component<{ shift: QueuedShift; onDecided: () => void }> = (props) => {
  const verify = useVolunteerStep(ShiftVerifyQueueVerifyMutation, (data) => data.verifyShift);
  const [note, setNote] = createSignal('');
  const onSite = () => props.shift.checkInOnSite && props.shift.checkOutOnSite !== false;
  const decide = async (accept: boolean) => {
    if (await verify.send({ shiftId: props.shift.id, accept, note: note().trim() || null })) props.onDecided();
  };
  return (
    <tr data-testid="verify-row" data-shift={props.shift.id}>
      <th scope="row">
        {props.shift.member.name}
        <div class="muted">{props.shift.member.branch}</div>
      </th>
      <td>{props.shift.post.title}</td>
      <td>
        {formatShortDateTime(props.shift.checkInAt)}
        <Show when={props.shift.checkOutAt}>{(at) => <> – {formatShortDateTime(at())}</>}</Show>
      </td>
      <td class="num">{t('volunteers.shift.minutes', { minutes: props.shift.minutes ?? 0 })}</td>
      <td classList={{ 'deadline-over': !onSite() }}>{onSite() ? t('volunteers.verify.onSite') : t('volunteers.verify.offSite')}</td>
      <td>
        <input class="verify-note" aria-label={t('volunteers.verify.note')} value={note()} onInput={(event) => setNote(event.currentTarget.value)} />
        <div class="button-row">
          <button type="button" class="button button-primary" disabled={verify.state.fetching} onClick={() => void decide(true)} data-testid="verify-accept">
            {t('volunteers.verify.accept')}
          </button>
          <button type="button" class="button" disabled={verify.state.fetching} onClick={() => void decide(false)} data-testid="verify-reject">
            {t('volunteers.verify.reject')}
          </button>
        </div>
        <ActionOutcome failure={verify.failure()} names={volunteerOutcomeNames} onReload={props.onDecided} />
      </td>
    </tr>
  );
};

/** The community staff's queue (时长核验): checked-out shifts on the community's posts, oldest first. */
export const ShiftVerifyQueue: Component = () => {
  const viewer = useVolunteerViewer();
  const [result, reexecute] = createQuery({ query: ShiftVerifyQueueQuery, variables: () => ({ communityCode: homeCommunity(viewer()) }), requestPolicy: 'cache-and-network' });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const forbidden = () => result.error?.graphQLErrors.some((error) => error.extensions?.code === 'FORBIDDEN') ?? false;
  const columns = () => [
    { label: t('volunteers.verify.member') },
    { label: t('volunteers.verify.post') },
    { label: t('volunteers.verify.time') },
    { label: t('volunteers.verify.duration'), num: true },
    { label: t('volunteers.verify.site') },
    { label: t('volunteers.verify.actions') },
  ];
  return (
    <div class="volunteers-page">
      <h1>{t('volunteers.verify.title')}</h1>
      <Show when={!forbidden()} fallback={<p class="empty">{t('volunteers.verify.forbidden')}</p>}>
        <QueryState state={result} onRetry={reload}>
          <Show when={(result.data?.shiftsToVerify.length ?? 0) > 0} fallback={<p class="empty">{t('volunteers.verify.empty')}</p>}>
            <table class="table" data-testid="verify-queue">
              <TableHead columns={columns()} />
              <tbody>
                <For each={result.data?.shiftsToVerify}>{(shift) => <QueueRow shift={shift} onDecided={reload} />}</For>
              </tbody>
            </table>
          </Show>
        </QueryState>
      </Show>
    </div>
  );
};
