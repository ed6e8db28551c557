// The typed errors of a department's step on a whistle (acknowledge, check in), read into an
// ActionFailure and named in the interface language (the API's English message is never shown).
import type { OperationResult } from '@urql/core';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { useActionFailure } from '../../ui/actionForm.ts';
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
      default:
        return null;
    }
  });

const FIELDS = ['location', 'lng', 'lat', 'summonsId'] as const;
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
] as const;

/** How the whistles section names what a failure mentions. */
export const whistleOutcomeNames: OutcomeNames = {
  state: nameOf(STAGES, (stage) => t(`whistles.stage.${stage}`)),
  field: nameOf(FIELDS, (field) => t(`whistles.fields.${field}`)),
  reason: nameOf(PROBLEMS, (problem) => t(`whistles.problem.${problem}`)),
  notFound: () => t('whistles.notFound'),
};

/** The failure signal of a summons' action, cleared when the whistle's version changes. */
export const useWhistleActionFailure = (version: () => number) => useActionFailure<WhistleActionPayload>(version, whistleFailureOf);
