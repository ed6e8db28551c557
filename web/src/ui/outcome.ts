// What came of an action (a mutation a form sends): success, or a failure the page can explain in
// the interface language. Each domain reads its own typed errors (TicketConflictError …) into an
// `ActionFailure` and names its states, actions and fields; the API's English `message` is never shown.
import type { CombinedError, OperationResult } from '@urql/core';
import { formatDateTime, t } from '../i18n/index.ts';

/** Why an action did not happen. */
export type ActionFailure =
  /** somebody else changed the record since it was shown (optimistic concurrency) */
  | { kind: 'conflict'; status: string; by: string | null; at: string | null }
  /** the record's state machine refuses the action in its current state */
  | { kind: 'illegal'; current: string; action: string }
  | { kind: 'invalid'; fields: string[] }
  /** the API refused what was asked for a reason of the domain's (e.g. a dispatch target) */
  | { kind: 'refused'; reason: string }
  /** the request's clientMutationId was used before for another request; nothing was written */
  | { kind: 'reused' }
  | { kind: 'notFound' }
  | { kind: 'forbidden' }
  | { kind: 'request'; error: CombinedError };

/** How a domain names what its failures mention; anything it does not name is shown as sent. */
export interface OutcomeNames {
  state?: (state: string) => string;
  action?: (action: string) => string;
  field?: (field: string) => string;
  /** the domain's wording of a refusal's reason */
  reason?: (reason: string) => string;
  /** the domain's wording of "not found, or not yours to see" */
  notFound?: () => string;
}

/** The translated message for a failed request; the API's own (English) text is never shown. */
export const errorMessage = (error: CombinedError) => (error.networkError ? t('errors.network') : t('errors.server'));

/** The failure of the request itself (refused, network, server), or null when the API answered. */
export function requestFailure(result: OperationResult): ActionFailure | null {
  if (!result.error) return null;
  const forbidden = result.error.graphQLErrors.some((error) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(String(error.extensions?.code)));
  return forbidden ? { kind: 'forbidden' } : { kind: 'request', error: result.error };
}

/** The fields an InputValidationError names, once each (the last segment of each issue's path). */
export const invalidFields = (issues: readonly { path: readonly string[] }[]) => [...new Set(issues.map((issue) => issue.path.at(-1) ?? ''))];

/** The typed errors every domain's mutations can answer with, as their `… on Error` fragments select them. */
type CommonError =
  | { __typename: 'InputValidationError'; issues: readonly { path: readonly string[] }[] }
  | { __typename: 'NotFoundError' }
  | { __typename: 'IdempotencyKeyReusedError' };

const COMMON_ERRORS: readonly string[] = ['InputValidationError', 'NotFoundError', 'IdempotencyKeyReusedError'] satisfies CommonError['__typename'][];

/**
 * Reads a mutation's outcome into an ActionFailure, or null when it succeeded: the request's own
 * failure, a missing payload (not found), and the typed errors every domain shares, here; the domain's
 * own typed errors (a conflict, a refusal …) in `domain`, which answers null for a success. A payload
 * fragment selects `issues { path }` on InputValidationError for this to read them.
 */
export function actionFailureOf<Payload extends { __typename: string }>(
  result: OperationResult,
  payload: Payload | null | undefined,
  domain: (payload: Payload) => ActionFailure | null,
): ActionFailure | null {
  const failed = requestFailure(result);
  if (failed) return failed;
  if (!payload) return { kind: 'notFound' };
  if (!COMMON_ERRORS.includes(payload.__typename)) return domain(payload);
  const common = payload as unknown as CommonError;
  switch (common.__typename) {
    case 'InputValidationError':
      return { kind: 'invalid', fields: invalidFields(common.issues) };
    case 'NotFoundError':
      return { kind: 'notFound' };
    case 'IdempotencyKeyReusedError':
      return { kind: 'reused' };
  }
}

/** A domain's name for a value it knows (one of `list`), the value as sent otherwise; for OutcomeNames. */
export const nameOf =
  <T extends string>(list: readonly T[], name: (value: T) => string) =>
  (value: string): string =>
    (list as readonly string[]).includes(value) ? name(value as T) : value;

const asIs = (value: string) => value;

/** The failure in the interface language. */
export function failureText(failure: ActionFailure, names: OutcomeNames = {}): string {
  const state = names.state ?? asIs;
  switch (failure.kind) {
    case 'conflict':
      return t('ui.outcome.conflict', {
        by: failure.by ?? t('ui.outcome.someone'),
        at: failure.at ? formatDateTime(failure.at) : '—',
        status: state(failure.status),
      });
    case 'illegal':
      return t('ui.outcome.illegal', { current: state(failure.current), action: (names.action ?? asIs)(failure.action) });
    case 'invalid':
      return t('ui.outcome.invalid', { fields: failure.fields.map(names.field ?? asIs).join(t('common.listSeparator')) });
    case 'refused':
      return names.reason?.(failure.reason) ?? t('ui.outcome.refused', { reason: failure.reason });
    case 'reused':
      return t('ui.outcome.reused');
    case 'notFound':
      return names.notFound?.() ?? t('ui.outcome.notFound');
    case 'forbidden':
      return t('ui.outcome.forbidden');
    case 'request':
      return errorMessage(failure.error);
  }
}
