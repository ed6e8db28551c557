// The typed errors of a step on a whistle (acknowledge, check in, report, 退单, close, rate …), read into an
// ActionFailure and named in the interface language (the API's English message is never shown).
import type { DocumentInput, OperationResult } from '@urql/core';
import { createMutation } from '@urql/solid';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { useActionFailure, withClientMutationId } from '../../ui/actionForm.ts';
import { type ActionFailure, actionFailureOf, nameOf, type OutcomeNames } from '../../ui/outcome.ts';

/** The failures of a whistle mutation, on the `Error` interface so that one fragment fits every payload. */
export const WhistleActionErrorFields = graphql(`
  fragment WhistleActionErrorFields on Error @_unmask {
    __typename
    ... on WhistleConflictError {
      currentVersion
      currentStage
      changedAt
      changedBy
    }
    ... on WhistleStepError {
      problem
    }
    ... on InputValidationError {
      issues {
        path
        message
      }
    }
    ... on NotFoundError {
      id
      entity
    }
    ... on CloseConditionsError {
      missing
    }
    ... on RatingWindowError {
      ratingProblem: problem
    }
    ... on NotSummonedError {
      departmentCode
    }
  }
`);

export type WhistleActionPayload = { __typename: `${string}Result` } | ResultOf<typeof WhistleActionErrorFields>;

/** The failure of a whistle mutation, or null when it succeeded. */
export const whistleFailureOf = (result: OperationResult, payload: WhistleActionPayload | null | undefined): ActionFailure | null =>
  actionFailureOf(result, payload, (answer) => {
    switch (answer.__typename) {
      case 'WhistleConflictError':
        return { kind: 'conflict', status: answer.currentStage, by: answer.changedBy, at: answer.changedAt };
      case 'WhistleStepError':
        return { kind: 'refused', reason: answer.problem };
      case 'RatingWindowError':
        return { kind: 'refused', reason: answer.ratingProblem };
      // the close form lists what is missing under this
      case 'CloseConditionsError':
        return { kind: 'refused', reason: 'CLOSE_CONDITIONS' };
      case 'NotSummonedError':
        return { kind: 'refused', reason: 'NOT_SUMMONED' };
      default:
        return null;
    }
  });

const FIELDS = [
  'location',
  'lng',
  'lat',
  'summonsId',
  'report',
  'result',
  'reason',
  'note',
  'confirm',
  'accept',
  'timeliness',
  'effectiveness',
  'attitude',
  'comment',
  'departmentCode',
  'whistleId',
] as const;
const STAGES = ['PREPARE', 'ASSEMBLE', 'ACT', 'CLOSE', 'SUPERVISE'] as const;
const PROBLEMS = [
  'ALREADY_ACKNOWLEDGED',
  'ALREADY_CHECKED_IN',
  'ALREADY_REPORTED',
  'ALREADY_SUPERVISED',
  'LEAD_CANNOT_RETURN',
  'NOT_CLOSED',
  'NOT_LIVE',
  'NO_RETURN_REQUEST',
  'RETURNED',
  'RETURN_PENDING',
  // RatingWindowError
  'WINDOW_NOT_OPEN',
  'WINDOW_CLOSED',
  'ALREADY_RATED',
  // CloseConditionsError, NotSummonedError
  'CLOSE_CONDITIONS',
  'NOT_SUMMONED',
] as const;

/** What closing a whistle still needs (CloseConditionsError's `missing`). */
export const CLOSE_CONDITIONS = ['NOT_LIVE', 'NO_LEAD_REPORT', 'NOT_CONFIRMED'] as const;

/** A missing close condition in the interface language; an unknown one as sent. */
export const closeConditionText = nameOf(CLOSE_CONDITIONS, (condition) => t(`whistles.closeCondition.${condition}`));

/** How the whistles section names what a failure mentions. */
export const whistleOutcomeNames: OutcomeNames = {
  state: nameOf(STAGES, (stage) => t(`whistles.stage.${stage}`)),
  field: nameOf(FIELDS, (field) => t(`whistles.fields.${field}`)),
  reason: nameOf(PROBLEMS, (problem) => t(`whistles.problem.${problem}`)),
  notFound: () => t('whistles.notFound'),
};

/** The failure signal of a summons' action, cleared when the whistle's version changes. */
export const useWhistleActionFailure = (version: () => number) => useActionFailure<WhistleActionPayload>(version, whistleFailureOf);

/**
 * One step's form on a whistle (report, 退单, its decision, close, follow-up, rating): its mutation,
 * sent with a clientMutationId and the whistle's version, and the failure of its last attempt.
 * `payloadOf` picks the mutation's payload out of its data; `send` answers whether the step was taken.
 */
export function useWhistleStep<Data, Input extends { clientMutationId?: string | null }, Payload extends WhistleActionPayload>(
  document: DocumentInput<Data, { input: Input }>,
  version: () => number,
  payloadOf: (data: Data) => Payload | null | undefined,
) {
  const [state, execute] = createMutation(document);
  const run = withClientMutationId(execute);
  const { failure, setFailure, settle } = useWhistleActionFailure(version);
  const send = async (input: Omit<Input, 'clientMutationId'>) => {
    const result = await run(input);
    const payload = result.data ? payloadOf(result.data) : undefined;
    return { ok: settle(result, payload), payload };
  };
  return { state, failure, setFailure, send };
}
