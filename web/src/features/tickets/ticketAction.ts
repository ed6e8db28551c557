// What every ticket action (dispatch, accept, progress, resolve, call-back, reopen, merge) shares: the
// ticket fields a mutation returns so that Graphcache updates the open page in place, and the typed
// errors it can answer with (ticketOutcome.ts says how those read in the interface language).
import type { OperationResult } from '@urql/core';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { useActionFailure } from '../../ui/actionForm.ts';
import { type ActionFailure, actionFailureOf } from '../../ui/outcome.ts';
import { OrgUnitFields } from '../org/orgUnit.ts';
import { DeadlineClockFields } from './DeadlineClock.tsx';
import { TicketPartFields } from './ticketPart.ts';
import { TicketTimelineFields } from './TicketTimeline.tsx';

/**
 * Everything on the detail page that an action can change, which every ticket mutation selects: its
 * state, clocks, parts, history, and its place (a dispatcher routes it to a street and a community).
 * It lists the actions' fields instead of spreading TicketActionsFields, and shares the parts' with
 * TicketParts through ticketPart.ts: those components send the mutations that spread this fragment,
 * and a module cycle would leave one of the documents undefined at start-up. test/operations.test.ts
 * checks that it still covers every changeable field the detail page selects.
 */
export const TicketActionResultFields = graphql(
  `
    fragment TicketActionResultFields on Ticket {
      id
      number
      status
      version
      viewerCan
      closedAt
      ...DeadlineClockFields
      district {
        ...OrgUnitFields
      }
      street {
        ...OrgUnitFields
      }
      community {
        ...OrgUnitFields
      }
      gridCell {
        ...OrgUnitFields
      }
      parts {
        ...TicketPartFields
      }
      ...TicketTimelineFields
      callbacks {
        at
        resolved
        satisfaction
        comment
      }
      mergedInto {
        id
        number
      }
    }
  `,
  [DeadlineClockFields, OrgUnitFields, TicketPartFields, TicketTimelineFields],
);

/**
 * The typed failures of a ticket mutation, as `ticketFailureOf` reads them. It is on the `Error`
 * interface so that one fragment fits every payload union, also those that lack a branch (mergeTicket
 * has no InputValidationError); the cache knows the schema, so it matches exactly. Unmasked: a plain
 * function reads it, not a component.
 */
export const TicketActionErrorFields = graphql(`
  fragment TicketActionErrorFields on Error @_unmask {
    __typename
    ... on TicketConflictError {
      currentVersion
      currentStatus
      changedAt
      changedBy
    }
    ... on IllegalTransitionError {
      current
      action
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
    ... on DispatchTargetError {
      reason
    }
  }
`);

/** What a ticket mutation answers: its `…Result`, or one of the typed errors. */
export type TicketActionPayload = { __typename: `${string}Result` } | ResultOf<typeof TicketActionErrorFields>;

/** The failure of a ticket mutation, or null when it succeeded. */
export const ticketFailureOf = (result: OperationResult, payload: TicketActionPayload | null | undefined): ActionFailure | null =>
  actionFailureOf(result, payload, (answer) => {
    switch (answer.__typename) {
      case 'TicketConflictError':
        return { kind: 'conflict', status: answer.currentStatus, by: answer.changedBy, at: answer.changedAt };
      case 'IllegalTransitionError':
        return { kind: 'illegal', current: answer.current, action: answer.action };
      case 'DispatchTargetError':
        return { kind: 'refused', reason: answer.reason };
      default:
        return null;
    }
  });

/** The failure signal of a ticket action form, cleared when the ticket's version changes. */
export const useTicketActionFailure = (version: () => number) => useActionFailure<TicketActionPayload>(version, ticketFailureOf);
