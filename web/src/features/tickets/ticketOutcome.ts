// How the failures of the ticket actions read in the interface language: the states, actions, fields
// and refusal reasons they name. No documents here, so the wording is testable without the views.
import { DISPATCH_PROBLEMS, type DispatchProblem, TICKET_ACTIONS, TICKET_STATUSES } from '../../graphql/enums.ts';
import { type Dictionary, t } from '../../i18n/index.ts';
import type { OutcomeNames } from '../../ui/outcome.ts';

/** A state an IllegalTransitionError or TicketConflictError names, translated when it is known. */
export function stateName(state: string): string {
  if ((TICKET_STATUSES as readonly string[]).includes(state)) return t(`tickets.status.${state as keyof Dictionary['tickets']['status']}`);
  return state;
}

/** Why a dispatch target was refused (DispatchTargetError), translated when it is known. */
export function dispatchProblemText(reason: string): string {
  return (DISPATCH_PROBLEMS as readonly string[]).includes(reason) ? t(`tickets.dispatchProblem.${reason as DispatchProblem}`) : reason;
}

const FIELDS = ['note', 'reason', 'comment', 'communityAssignee', 'intoId', 'streetCode', 'communityCode'] as const satisfies readonly (keyof Dictionary['tickets']['field'])[];

/** How the ticket failures name states, actions and fields. */
export const ticketOutcomeNames: OutcomeNames = {
  state: stateName,
  action: (action) => ((TICKET_ACTIONS as readonly string[]).includes(action) ? t(`tickets.action.${action as (typeof TICKET_ACTIONS)[number]}`) : action),
  field: (field) => ((FIELDS as readonly string[]).includes(field) ? t(`tickets.field.${field as (typeof FIELDS)[number]}`) : field),
  reason: dispatchProblemText,
  notFound: () => t('tickets.outcome.notFound'),
};
