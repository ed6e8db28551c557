// One dispatch part as the detail page shows it. Its own module, so that the parts list
// (TicketParts.tsx) and the result every ticket mutation selects (ticketAction.ts) share it without
// importing each other: the part actions send those mutations, and a module cycle would leave one of
// the documents undefined at start-up.
import { graphql } from '../../graphql/graphql.ts';
import { OrgUnitFields } from '../org/orgUnit.ts';

/** A dispatch part: its side, status, clock and assignee. Unmasked: the parts list and its rules read it. */
export const TicketPartFields = graphql(
  `
    fragment TicketPartFields on TicketPart @_unmask {
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
        ...OrgUnitFields
      }
      assigneeCommunity {
        ...OrgUnitFields
      }
    }
  `,
  [OrgUnitFields],
);
