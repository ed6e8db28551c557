// The typed errors of a volunteer step (claim, cancel, check in and out, verify, answer a call), read
// into an ActionFailure and named in the interface language (the API's English message is never shown).
import type { DocumentInput, OperationResult } from '@urql/core';
import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionErrorsCommonFields } from '../../ui/actionErrors.ts';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { type ActionFailure, actionFailureOf, nameOf, type OutcomeNames } from '../../ui/outcome.ts';

/** The failures of a volunteer mutation, on `Error`; the problems are aliased (their enums differ). */
export const VolunteerActionErrorFields = graphql(
  `
    fragment VolunteerActionErrorFields on Error @_unmask {
      __typename
      ... on ClaimError {
        claimProblem: problem
      }
      ... on PostFullError {
        places
        waitlisted
      }
      ... on ShiftError {
        shiftProblem: problem
      }
      ... on CallAnswerError {
        callProblem: problem
      }
      ... on VolunteerConflictError {
        claimed
        placesNow: places
        open
      }
      ...ActionErrorsCommonFields
    }
  `,
  [ActionErrorsCommonFields],
);

export type VolunteerActionPayload = { __typename: `${string}Result` } | ResultOf<typeof VolunteerActionErrorFields>;

/** The failure of a volunteer mutation, or null when it succeeded; PostFullError and a conflict carry their counts in the reason. */
export const volunteerFailureOf = (result: OperationResult, payload: VolunteerActionPayload | null | undefined): ActionFailure | null =>
  actionFailureOf(result, payload, (answer) => {
    switch (answer.__typename) {
      case 'ClaimError':
        return { kind: 'refused', reason: answer.claimProblem };
      case 'ShiftError':
        return { kind: 'refused', reason: answer.shiftProblem };
      case 'CallAnswerError':
        return { kind: 'refused', reason: answer.callProblem };
      case 'PostFullError':
        return { kind: 'refused', reason: `POST_FULL:${answer.places}:${answer.waitlisted}` };
      case 'VolunteerConflictError':
        return { kind: 'refused', reason: `CONFLICT:${answer.claimed}:${answer.placesNow}` };
      default:
        return null;
    }
  });

const PROBLEMS = [
  'ALREADY_CANCELLED',
  'ALREADY_CLAIMED',
  'NOT_A_MEMBER_HERE',
  'POST_CLOSED',
  'ALREADY_CHECKED_IN',
  'ALREADY_CHECKED_OUT',
  'ALREADY_VERIFIED',
  'CHECK_OUT_BEFORE_CHECK_IN',
  'NOT_CHECKED_IN',
  'NOT_CHECKED_OUT',
  'NOT_CLAIMED',
  'OVERLAPPING_SHIFT',
  'TOO_LONG',
  'ALREADY_ANSWERED',
  'CALL_CLOSED',
  'CALL_FULL',
  'NOT_CALLED',
] as const;
const FIELDS = ['postId', 'claimId', 'shiftId', 'location', 'note', 'at'] as const;
const problemName = nameOf(PROBLEMS, (problem) => t(`volunteers.problem.${problem}`));

/** A refusal's reason in the interface language: a problem, a full post (with its places and waitlist), a conflict. */
export function volunteerReason(reason: string): string {
  const [kind, first, second] = reason.split(':');
  if (kind === 'POST_FULL') return t('volunteers.problem.POST_FULL', { places: first ?? '', waiting: second ?? '' });
  if (kind === 'CONFLICT') return t('volunteers.conflict', { claimed: first ?? '', places: second ?? '' });
  return problemName(reason);
}

/** How the volunteers section names what a failure mentions. */
export const volunteerOutcomeNames: OutcomeNames = {
  field: nameOf(FIELDS, (field) => t(`volunteers.fields.${field}`)),
  reason: volunteerReason,
  notFound: () => t('volunteers.notFound'),
};

/** One volunteer step: its mutation with a clientMutationId, and the failure of its last attempt. `send` answers the payload on success, null otherwise. */
export function useVolunteerStep<Data, Input extends { clientMutationId?: string | null }, Payload extends VolunteerActionPayload>(
  document: DocumentInput<Data, { input: Input }>,
  payloadOf: (data: Data) => Payload | null | undefined,
) {
  const [state, execute] = createMutation(document);
  const run = withClientMutationId(execute);
  const [failure, setFailure] = createSignal<ActionFailure | null>(null);
  const send = async (input: Omit<Input, 'clientMutationId'>): Promise<Payload | null> => {
    const result = await run(input);
    const payload = result.data ? payloadOf(result.data) : undefined;
    const found = volunteerFailureOf(result, payload);
    setFailure(found);
    return found === null ? (payload ?? null) : null;
  };
  return { state, failure, setFailure, send };
}
