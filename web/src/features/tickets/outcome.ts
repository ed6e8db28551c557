// What came of a ticket action: success, or a failure the page can explain in the interface language.
// The API's typed errors (TicketConflictError, IllegalTransitionError …) carry what the message needs;
// its English `message` is never shown.
import type { CombinedError, OperationResult } from '@urql/core';
import { TICKET_ACTIONS, TICKET_STATUSES, type TicketAction } from '../../graphql/schemaTypes.ts';
import { type Dictionary, formatDateTime, t } from '../../i18n/index.ts';
import { errorMessage } from '../shell/Status.tsx';

/** The union every ticket mutation returns, as the forms select it. */
export type TicketActionPayload =
  | { __typename: `${string}Result`; result: { ticket: { id: string } } }
  | { __typename: 'TicketConflictError'; currentVersion: number; currentStatus: string; changedAt: string | null; changedBy: string | null }
  | { __typename: 'IllegalTransitionError'; current: string; action: string }
  | { __typename: 'InputValidationError'; issues: { path: string[]; message: string }[] }
  | { __typename: 'NotFoundError'; id: string; entity: string };

/** Why an action did not happen. */
export type ActionFailure =
  | { kind: 'conflict'; status: string; by: string | null; at: string | null }
  | { kind: 'illegal'; current: string; action: string }
  | { kind: 'invalid'; fields: string[] }
  | { kind: 'notFound' }
  | { kind: 'forbidden' }
  | { kind: 'request'; error: CombinedError };

/** The failure of a mutation result, or null when it succeeded. */
export function failureOf(result: OperationResult, payload: TicketActionPayload | null | undefined): ActionFailure | null {
  if (result.error) {
    const forbidden = result.error.graphQLErrors.some((error) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(String(error.extensions?.code)));
    return forbidden ? { kind: 'forbidden' } : { kind: 'request', error: result.error };
  }
  if (!payload) return { kind: 'notFound' };
  switch (payload.__typename) {
    case 'TicketConflictError':
      return { kind: 'conflict', status: payload.currentStatus, by: payload.changedBy, at: payload.changedAt };
    case 'IllegalTransitionError':
      return { kind: 'illegal', current: payload.current, action: payload.action };
    case 'InputValidationError':
      return { kind: 'invalid', fields: [...new Set(payload.issues.map((issue) => issue.path.at(-1) ?? ''))] };
    case 'NotFoundError':
      return { kind: 'notFound' };
    default:
      return null;
  }
}

/** A state an IllegalTransitionError or TicketConflictError names, translated when it is known. */
export function stateName(state: string): string {
  if ((TICKET_STATUSES as readonly string[]).includes(state)) return t(`tickets.status.${state as keyof Dictionary['tickets']['status']}`);
  if (state === 'UNROUTED' || state === 'NO_COMMUNITY') return t(`tickets.state.${state}`);
  return state;
}

const actionName = (action: string) =>
  (TICKET_ACTIONS as readonly string[]).includes(action) ? t(`tickets.action.${action as TicketAction}`) : action;

const fieldName = (field: string) =>
  ['note', 'reason', 'comment', 'communityAssignee', 'intoId'].includes(field) ? t(`tickets.field.${field as keyof Dictionary['tickets']['field']}`) : field;

/** The failure in the interface language. */
export function failureText(failure: ActionFailure): string {
  switch (failure.kind) {
    case 'conflict':
      return t('tickets.outcome.conflict', {
        by: failure.by ?? t('tickets.outcome.someone'),
        at: failure.at ? formatDateTime(failure.at) : '—',
        status: stateName(failure.status),
      });
    case 'illegal':
      return t('tickets.outcome.illegal', { current: stateName(failure.current), action: actionName(failure.action) });
    case 'invalid':
      return t('tickets.outcome.invalid', { fields: failure.fields.map(fieldName).join(t('common.listSeparator')) });
    case 'notFound':
      return t('tickets.outcome.notFound');
    case 'forbidden':
      return t('tickets.outcome.forbidden');
    case 'request':
      return errorMessage(failure.error);
  }
}
