// What the case page shows and co-edits, shared by its query, the case feed's notices (the case as it
// is now) and every case mutation's answer, so the page's store gets one shape whichever brought it.
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { BoardCardFields, BoardCardWhistleFields } from './boardCard.ts';

/** Everything the case page shows and co-edits, each field with the version a write is based on. */
export const CaseDetailFields = graphql(
  `
    fragment CaseDetailFields on Case @_unmask {
      ...BoardCardFields
      version
      priorityVersion
      tagsVersion
      updatedAt
      description {
        value
        version
      }
      internalNote {
        value
        version
      }
      checklist {
        id
        text
        done
        orderKey
        version
      }
      assignments {
        key
        kind
        name
      }
      street {
        id
        code
        name
      }
      community {
        id
        code
        name
      }
      links {
        key
        whistle {
          ...BoardCardWhistleFields
        }
      }
    }
  `,
  [BoardCardFields, BoardCardWhistleFields],
);

export type CaseDoc = ResultOf<typeof CaseDetailFields>;

/** The priorities, lowest first (the API's CasePriority). */
export const CASE_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
