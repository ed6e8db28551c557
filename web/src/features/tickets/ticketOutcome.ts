// How the failures of the ticket actions read in the interface language: the states, actions, fields
// and refusal reasons they name. No documents here, so the wording is testable without the views.
import { DISPATCH_PROBLEMS, TICKET_ACTIONS, TICKET_STATUSES } from '../../graphql/enums.ts';
import { type Dictionary, t } from '../../i18n/index.ts';
import { nameOf, type OutcomeNames } from '../../ui/outcome.ts';

/** A state an IllegalTransitionError or TicketConflictError names, translated when it is known. */
export const stateName = nameOf(TICKET_STATUSES, (state) => t(`tickets.status.${state}`));

/** Why a dispatch target was refused (DispatchTargetError), translated when it is known. */
export const dispatchProblemText = nameOf(DISPATCH_PROBLEMS, (reason) => t(`tickets.dispatchProblem.${reason}`));

const FIELDS = ['note', 'reason', 'comment', 'communityAssignee', 'intoId', 'streetCode', 'communityCode'] as const satisfies readonly (keyof Dictionary['tickets']['field'])[];

/** How the ticket failures name states, actions and fields. */
export const ticketOutcomeNames: OutcomeNames = {
  state: stateName,
  action: nameOf(TICKET_ACTIONS, (action) => t(`tickets.action.${action}`)),
  field: nameOf(FIELDS, (field) => t(`tickets.field.${field}`)),
  reason: dispatchProblemText,
  notFound: () => t('tickets.outcome.notFound'),
};
