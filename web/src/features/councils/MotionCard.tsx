import { type Component, For, Show } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { councilOutcomeNames, CouncilActionErrorFields, useCouncilStep } from './councilAction.ts';
import { ballotState, neededText, quorumMet, quorumText, remainingText, ruleText } from './motionFigures.ts';
import { VoteBar } from './VoteBar.tsx';

/** A motion as meeting mode shows it: its rule, live tally and standing, the viewer's ballot, the frozen result. Unmasked: the rules read it. */
export const MotionCardFields = graphql(`
  fragment MotionCardFields on Motion @_unmask {
    id
    text
    status
    rule
    fraction {
      numerator
      denominator
    }
    base
    electorate
    quorum {
      numerator
      denominator
    }
    policy
    openedAt
    closedAt
    eligible
    eligibleAtClose
    presentAtOpen
    presentAtClose
    needed
    result
    tally {
      yes
      no
      abstain
    }
    progress {
      needed
      yes
      remaining
      base
      quorumNeeded
      participants
    }
    myBallot {
      eligible
      voted
      choice
    }
    ballots {
      voter
      choice
      changes
      at
    }
  }
`);

export type MotionCardData = ResultOf<typeof MotionCardFields>;

const MotionCardBallotMutation = graphql(
  `
    mutation MotionCardBallotMutation($input: CastBallotInput!) {
      castBallot(input: $input) {
        __typename
        ... on CastBallotResult {
          result {
            motion {
              ...MotionCardFields
            }
          }
        }
        ...CouncilActionErrorFields
      }
    }
  `,
  [MotionCardFields, CouncilActionErrorFields],
);

const MotionCardOpenMutation = graphql(
  `
    mutation MotionCardOpenMutation($input: OpenMotionInput!) {
      openMotion(input: $input) {
        __typename
        ... on OpenMotionResult {
          result {
            motion {
              ...MotionCardFields
            }
          }
        }
        ...CouncilActionErrorFields
      }
    }
  `,
  [MotionCardFields, CouncilActionErrorFields],
);

const MotionCardCloseMutation = graphql(
  `
    mutation MotionCardCloseMutation($input: CloseMotionInput!) {
      closeMotion(input: $input) {
        __typename
        ... on CloseMotionResult {
          result {
            motion {
              ...MotionCardFields
            }
          }
        }
        ...CouncilActionErrorFields
      }
    }
  `,
  [MotionCardFields, CouncilActionErrorFields],
);

const CHOICES = ['YES', 'NO', 'ABSTAIN'] as const;

interface MotionCardProps {
  motion: MotionCardData;
  /** the meeting's status: a motion opens only while the meeting is open */
  meetingStatus: string;
  meetingVersion: number;
  mayManage: boolean;
  onReload: () => void;
}

/** One motion of a meeting: the live tally and "6 of 9 needed" while it is open, the viewer's vote, the result once closed. */
export const MotionCard: Component<MotionCardProps> = (props) => {
  const version = () => props.meetingVersion;
  const ballot = useCouncilStep(MotionCardBallotMutation, version, (data) => data.castBallot);
  const open = useCouncilStep(MotionCardOpenMutation, version, (data) => data.openMotion);
  const close = useCouncilStep(MotionCardCloseMutation, version, (data) => data.closeMotion);
  const failure = () => ballot.failure() ?? open.failure() ?? close.failure();
  const state = () => ballotState(props.motion);
  const busy = () => ballot.state.fetching || open.state.fetching || close.state.fetching;
  const id = () => props.motion.id;

  return (
    <article class="motion-card" classList={{ [`motion-${props.motion.status.toLowerCase()}`]: true }} data-testid="motion-card" data-motion={id()}>
      <header class="motion-heading">
        <span class="badge" data-testid="motion-status">
          {t(`councils.motion.status.${props.motion.status}`)}
        </span>
        <Show when={props.motion.result}>
          {(result) => (
            <span class={`badge motion-result motion-result-${result().toLowerCase()}`} data-testid="motion-result" data-result={result()}>
              {t(`councils.motion.result.${result()}`)}
            </span>
          )}
        </Show>
        <h3 class="motion-text">{props.motion.text}</h3>
        <p class="motion-rule">{ruleText(props.motion)}</p>
      </header>

      <Show when={props.motion.status === 'OPEN' && props.motion.progress}>
        {(progress) => (
          <div class="motion-live" data-testid="motion-live">
            <p class="motion-tally" data-testid="motion-tally" data-yes={props.motion.tally.yes} data-no={props.motion.tally.no} data-abstain={props.motion.tally.abstain}>
              {t('councils.motion.tally', props.motion.tally)}
            </p>
            <p class="motion-needed">
              <strong data-testid="motion-needed">{neededText(progress())}</strong>
              <span data-testid="motion-remaining">{remainingText(progress())}</span>
            </p>
            <p class="motion-quorum" classList={{ 'quorum-met': quorumMet(progress()) }} data-testid="motion-quorum">
              {quorumText(progress())}
            </p>
            <VoteBar tally={props.motion.tally} eligible={props.motion.eligible} progress={progress()} base={props.motion.base} />
          </div>
        )}
      </Show>

      <Show when={props.motion.status === 'CLOSED'}>
        <p class="motion-frozen" data-testid="motion-frozen">
          {t('councils.motion.frozen', {
            ...props.motion.tally,
            needed: props.motion.needed ?? '—',
            eligible: props.motion.eligibleAtClose ?? props.motion.eligible ?? '—',
            present: props.motion.presentAtClose ?? '—',
          })}
        </p>
        <VoteBar tally={props.motion.tally} eligible={props.motion.eligibleAtClose ?? props.motion.eligible} progress={props.motion.needed === null ? null : { needed: props.motion.needed }} base={props.motion.base} />
      </Show>

      <Show when={state() !== 'closed'}>
        <div class="motion-ballot" data-testid="motion-ballot" data-state={state()}>
          <Show when={state() !== 'notEligible'} fallback={<p class="muted">{t('councils.motion.notEligible')}</p>}>
            <Show when={props.motion.myBallot.voted}>
              <p class="motion-my-vote" data-testid="motion-my-vote">
                {props.motion.myBallot.choice ? t('councils.motion.yourVote', { choice: t(`councils.choice.${props.motion.myBallot.choice}`) }) : t('councils.motion.votedSecret')}
              </p>
            </Show>
            <Show when={state() === 'open' || state() === 'change'}>
              <div class="vote-buttons" role="group" aria-label={t('councils.motion.vote')}>
                <For each={CHOICES}>
                  {(choice) => (
                    <button
                      type="button"
                      class={`button vote-button vote-${choice.toLowerCase()}`}
                      aria-pressed={props.motion.myBallot.choice === choice}
                      disabled={busy() || props.motion.myBallot.choice === choice}
                      onClick={() => void ballot.send({ motionId: id(), choice })}
                      data-testid={`vote-${choice}`}
                    >
                      {t(`councils.choice.${choice}`)}
                    </button>
                  )}
                </For>
              </div>
              <Show when={state() === 'change'}>
                <p class="muted">{t('councils.motion.mayChange')}</p>
              </Show>
            </Show>
          </Show>
        </div>
      </Show>

      <Show when={props.mayManage && (props.motion.status === 'DRAFT' || props.motion.status === 'OPEN')}>
        <div class="motion-manage">
          <Show when={props.motion.status === 'DRAFT'}>
            <button type="button" class="button button-primary" disabled={busy() || props.meetingStatus !== 'OPEN'} onClick={() => void open.send({ motionId: id() })} data-testid="motion-open">
              {t('councils.motion.open')}
            </button>
          </Show>
          <Show when={props.motion.status === 'OPEN'}>
            <button type="button" class="button" disabled={busy()} onClick={() => void close.send({ motionId: id() })} data-testid="motion-close">
              {t('councils.motion.close')}
            </button>
          </Show>
        </div>
      </Show>
      <ActionOutcome failure={failure()} names={councilOutcomeNames} onReload={props.onReload} />

      <Show when={props.motion.ballots && props.motion.ballots.length > 0}>
        <details class="motion-ballots">
          <summary>{t('councils.motion.ballots')}</summary>
          <ul>
            <For each={props.motion.ballots}>
              {(named) => (
                <li>
                  {named.voter}：{t(`councils.choice.${named.choice}`)} · {formatDateTime(named.at)}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </article>
  );
};
