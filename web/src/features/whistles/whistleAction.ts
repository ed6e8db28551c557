// The typed errors of a department's step on a whistle (acknowledge, check in), read into an
// ActionFailure and named in the interface language (the API's English message is never shown).
import type { OperationResult } from '@urql/core';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { useActionFailure } from '../../ui/actionForm.ts';
import { type ActionFailure, invalidFields, type OutcomeNames, requestFailure } from '../../ui/outcome.ts';

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
export function whistleFailureOf(result: OperationResult, payload: WhistleActionPayload | null | undefined): ActionFailure | null {
  const failed = requestFailure(result);
  if (failed) return failed;
  if (!payload) return { kind: 'notFound' };
  switch (payload.__typename) {
    case 'WhistleConflictError':
      return { kind: 'conflict', status: payload.currentStage, by: payload.changedBy, at: payload.changedAt };
    case 'WhistleStepError':
      return { kind: 'refused', reason: payload.problem };
    case 'InputValidationError':
      return { kind: 'invalid', fields: invalidFields(payload.issues) };
    case 'NotFoundError':
      return { kind: 'notFound' };
    case 'IdempotencyKeyReusedError':
      return { kind: 'reused' };
    default:
      return null;
  }
}

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

const known = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** How the whistles section names what a failure mentions. */
export const whistleOutcomeNames: OutcomeNames = {
  state: (stage) => (known(STAGES, stage) ? t(`whistles.stage.${stage}`) : stage),
  field: (field) => (known(FIELDS, field) ? t(`whistles.fields.${field}`) : field),
  reason: (problem) => (known(PROBLEMS, problem) ? t(`whistles.problem.${problem}`) : problem),
  notFound: () => t('whistles.notFound'),
};

/** The failure signal of a summons' action, cleared when the whistle's version changes. */
export const useWhistleActionFailure = (version: () => number) => useActionFailure<WhistleActionPayload>(version, whistleFailureOf);
