// The selections the ticket views share, written once. Each document interpolates the fragments it
// spreads; urql's gql appends their definitions once per name.
// https://nearform.com/open-source/urql/docs/api/core/#gql
import { gql } from '@urql/solid';

/**
 * A ticket as the inbox row shows it: the inbox query selects it, and so does the live subscription,
 * so Graphcache writes an event's ticket by id and the row changes in place.
 */
export const TicketRowFields = gql`
  fragment TicketRowFields on Ticket {
    id
    number
    status
    channel
    description
    category {
      id
      code
      name
      nameEn
    }
    receivedAt
    respondBy
    feedbackBy
    resolveBy
    respondedAt
    feedbackAt
    resolvedAt
    missedDeadlines
    version
    parts {
      id
      kind
      status
    }
    gridCell {
      id
      code
      name
    }
    street {
      id
      code
      name
      nameEn
    }
    community {
      id
      code
      name
      nameEn
    }
  }
`;

/**
 * What changes when a ticket is handled (`TicketChangeable`): the detail query and every ticket
 * mutation select it, so Graphcache updates the open page from the mutation's result.
 */
export const TicketChangeableFields = gql`
  fragment TicketChangeableFields on Ticket {
    id
    number
    status
    version
    viewerCan
    missedDeadlines
    respondedAt
    feedbackAt
    resolvedAt
    closedAt
    parts {
      id
      kind
      status
      dispatchedAt
      respondBy
      acceptedAt
      resolvedAt
      assigneeLabel
      version
      assigneeStreet {
        id
        name
        nameEn
      }
      assigneeCommunity {
        id
        name
        nameEn
      }
    }
    events(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          seq
          type
          at
          actorName
          note
          partKind
        }
      }
    }
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
`;

/**
 * The typed failures of a ticket mutation (`TicketActionPayload`), as `failureOf` reads them. It is on
 * the `Error` interface so that one fragment fits every payload union, also those that lack a branch
 * (mergeTicket has no InputValidationError); the cache knows the schema, so it matches exactly.
 */
export const TicketActionErrorFields = gql`
  fragment TicketActionErrorFields on Error {
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
  }
`;
