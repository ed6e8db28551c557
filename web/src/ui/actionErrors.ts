// The typed errors every domain's mutations can answer with, as one selection: a domain's own error
// fragment (councils, volunteers) spreads it beside its own errors, so `actionFailureOf` (outcome.ts)
// finds the validation issues and the missing entity wherever it reads a payload.
import { graphql } from '../graphql/graphql.ts';

/** InputValidationError's issues and NotFoundError's entity, on `Error`. Unmasked: actionFailureOf reads it. */
export const ActionErrorsCommonFields = graphql(`
  fragment ActionErrorsCommonFields on Error @_unmask {
    __typename
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
