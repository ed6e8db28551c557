import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { formatDateTime, t, unitName } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useVolunteerStep, VolunteerActionErrorFields, volunteerOutcomeNames } from './volunteerAction.ts';
import { homeCommunity, useVolunteerViewer } from './volunteerViewer.ts';

/** A branch call as the list shows it. Unmasked: the page reads it. */
export const BranchCallsItemFields = graphql(`
  fragment BranchCallsItemFields on BranchCall @_unmask {
    id
    title
    text
    branch
    deadline
    places
    answered
    open
    community {
      id
      code
      name
      nameEn
    }
    myAnswer {
      id
      at
    }
  }
`);

const BranchCallsQuery = graphql(
  `
    query BranchCallsQuery($communityCode: String) {
      branchCalls(communityCode: $communityCode) {
        ...BranchCallsItemFields
      }
    }
  `,
  [BranchCallsItemFields],
);

const BranchCallsAnswerMutation = graphql(
  `
    mutation BranchCallsAnswerMutation($input: AnswerBranchCallInput!) {
      answerBranchCall(input: $input) {
        __typename
        ... on AnswerBranchCallResult {
          result {
            call {
              ...BranchCallsItemFields
            }
          }
        }
        ...VolunteerActionErrorFields
      }
    }
  `,
  [BranchCallsItemFields, VolunteerActionErrorFields],
);

type Call = ResultOf<typeof BranchCallsItemFields>;

/** One call: what, by when, how many answered, and the member's answer. */
const CallItem: Component<{ call: Call; mayAnswer: boolean }> = (props) => {
  const answer = useVolunteerStep(BranchCallsAnswerMutation, (data) => data.answerBranchCall);
  return (
    <li class="panel call-item" data-testid="branch-call">
      <h3>{props.call.title}</h3>
      <p class="muted">
        {props.call.branch}
        <Show when={props.call.community}>{(community) => <> → {unitName(community())}</>}</Show>
      </p>
      <p>{props.call.text}</p>
      <p class="muted">
        {t('volunteers.calls.deadline', { at: formatDateTime(props.call.deadline) })} ·{' '}
        {props.call.places === null ? t('volunteers.calls.answered', { answered: props.call.answered }) : t('volunteers.calls.answeredOf', { answered: props.call.answered, places: props.call.places })}
      </p>
      <Show
        when={props.call.myAnswer}
        fallback={
          <Show when={props.call.open} fallback={<span class="badge">{t('volunteers.calls.closed')}</span>}>
            <Show when={props.mayAnswer}>
              <button type="button" class="button button-primary" disabled={answer.state.fetching} onClick={() => void answer.send({ callId: props.call.id })} data-testid="call-answer">
                {t('volunteers.calls.answer')}
              </button>
            </Show>
          </Show>
        }
      >
        {(mine) => <span class="badge badge-ok">{t('volunteers.calls.myAnswer', { at: formatDateTime(mine().at) })}</span>}
      </Show>
      <ActionOutcome failure={answer.failure()} names={volunteerOutcomeNames} onReload={() => answer.setFailure(null)} />
    </li>
  );
};

/** Branch calls (支部吹哨、党员报到) to the viewer's community, soonest deadline first. */
export const BranchCalls: Component = () => {
  const viewer = useVolunteerViewer();
  const [result, reexecute] = createQuery({ query: BranchCallsQuery, variables: () => ({ communityCode: homeCommunity(viewer()) }) });
  return (
    <div class="volunteers-page">
      <h1>{t('volunteers.calls.title')}</h1>
      <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        <Show when={(result.data?.branchCalls.length ?? 0) > 0} fallback={<p class="empty">{t('volunteers.calls.empty')}</p>}>
          <ul class="call-list">
            <For each={result.data?.branchCalls}>{(call) => <CallItem call={call} mayAnswer={viewer().myPartyMember !== null} />}</For>
          </ul>
        </Show>
      </QueryState>
    </div>
  );
};
