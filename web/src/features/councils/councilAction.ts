// The typed errors of a council step (check in, open, propose, vote, close …), read into an
// ActionFailure and named in the interface language (the API's English message is never shown).
import type { DocumentInput, OperationResult } from '@urql/core';
import { createMutation } from '@urql/solid';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionErrorsCommonFields } from '../../ui/actionErrors.ts';
import { useActionFailure, withClientMutationId } from '../../ui/actionForm.ts';
import { type ActionFailure, actionFailureOf, nameOf, type OutcomeNames } from '../../ui/outcome.ts';

/**
 * The failures of a council mutation, on the `Error` interface so that one fragment fits every payload.
 * The problems are aliased: the three enums differ, and one selection may not give one name two types.
 */
export const CouncilActionErrorFields = graphql(
  `
    fragment CouncilActionErrorFields on Error @_unmask {
      __typename
      ... on MeetingConflictError {
        currentVersion
        currentStatus
        changedAt
        changedBy
      }
      ... on MeetingStepError {
        meetingProblem: problem
      }
      ... on MotionStepError {
        motionProblem: problem
      }
      ... on BallotError {
        ballotProblem: problem
      }
      ...ActionErrorsCommonFields
    }
  `,
  [ActionErrorsCommonFields],
);

export type CouncilActionPayload = { __typename: `${string}Result` } | ResultOf<typeof CouncilActionErrorFields>;

/** The failure of a council mutation, or null when it succeeded. */
export const councilFailureOf = (result: OperationResult, payload: CouncilActionPayload | null | undefined): ActionFailure | null =>
  actionFailureOf(result, payload, (answer) => {
    switch (answer.__typename) {
      case 'MeetingConflictError':
        return { kind: 'conflict', status: answer.currentStatus, by: answer.changedBy, at: answer.changedAt };
      case 'MeetingStepError':
        return { kind: 'refused', reason: answer.meetingProblem };
      case 'MotionStepError':
        return { kind: 'refused', reason: answer.motionProblem };
      case 'BallotError':
        return { kind: 'refused', reason: answer.ballotProblem };
      default:
        return null;
    }
  });

const FIELDS = ['text', 'minutes', 'dueOn', 'fraction', 'quorum', 'ownerPersonId', 'ownerDepartmentCode', 'choice'] as const;
const STATUSES = ['SCHEDULED', 'OPEN', 'CLOSED'] as const;
const PROBLEMS = [
  'ALREADY_VOTED',
  'MOTION_NOT_OPEN',
  'NOT_ELIGIBLE',
  'MEETING_NOT_OPEN',
  'MOTION_ALREADY_OPEN',
  'MOTION_CLOSED',
  'ALREADY_CHECKED_IN',
  'ALREADY_DONE',
  'MEETING_ALREADY_OPEN',
  'MEETING_CLOSED',
  'MOTION_STILL_OPEN',
  'NOT_AN_ATTENDEE',
] as const;

/** How the councils section names what a failure mentions. */
export const councilOutcomeNames: OutcomeNames = {
  state: nameOf(STATUSES, (status) => t(`councils.meetingStatus.${status}`)),
  field: nameOf(FIELDS, (field) => t(`councils.fields.${field}`)),
  reason: nameOf(PROBLEMS, (problem) => t(`councils.problem.${problem}`)),
  notFound: () => t('councils.notFoundAction'),
};

/**
 * One council step (check in, open, propose, vote, close …): its mutation, sent with a clientMutationId,
 * and the failure of its last attempt, cleared when the meeting's version moves on. No expectedVersion
 * is sent: in a live meeting every ballot and check-in bumps the version, and the API lets a write
 * without one decide again on the meeting as it is (the steps check their own state).
 */
export function useCouncilStep<Data, Input extends { clientMutationId?: string | null }>(
  document: DocumentInput<Data, { input: Input }>,
  version: () => number,
  payloadOf: (data: Data) => CouncilActionPayload | null | undefined,
) {
  const [state, execute] = createMutation(document);
  const run = withClientMutationId(execute);
  const { failure, settle } = useActionFailure<CouncilActionPayload>(version, councilFailureOf);
  const send = async (input: Omit<Input, 'clientMutationId'>) => {
    const result = await run(input);
    return settle(result, result.data ? payloadOf(result.data) : undefined);
  };
  return { state, failure, send };
}
