// What the whistle's detail page shows, and what every step taken there (report, 退单, its decision,
// close, follow-up, rating) returns, so that Graphcache updates the open page in place: the card's
// fields (whistleCard.ts, which the board and the live feeds share) and the rest of the record.
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { OrgUnitFields } from '../org/orgUnit.ts';
import { WhistleCardFields, WhistleCardSummonsFields } from './whistleCard.ts';

/** A summons with its clocks (as the card has them), its report, its 退单, its escalations and the street's rating of it. */
export const WhistleDetailSummonsFields = graphql(
  `
  fragment WhistleDetailSummonsFields on WhistleSummons @_unmask {
    ...WhistleCardSummonsFields
    id
    summonedAt
    report
    reportedAt
    result
    returnReason
    returnDecision
    escalations {
      id
      kind
      dueAt
      at
    }
    evaluation {
      id
      timeliness
      effectiveness
      attitude
      comment
      at
    }
  }
`,
  [WhistleCardSummonsFields],
);

/** A whistle as its detail page shows it (the first 100 events: no whistle has nearly as many). */
export const WhistleDetailFields = graphql(
  `
    fragment WhistleDetailFields on Whistle @_unmask {
      ...WhistleCardFields
      id
      mode
      crossDistrict
      closedAt
      confirmedAt
      evaluationClosesAt
      supervisedAt
      street {
        ...OrgUnitFields
      }
      district {
        ...OrgUnitFields
      }
      category {
        id
        code
        name
        nameEn
      }
      ticket {
        id
        number
      }
      # the card's summonses, and more of each: an alias, so that the two selections stay apart in the types
      panels: summonses {
        ...WhistleDetailSummonsFields
      }
      events(first: 100) {
        totalCount
        edges {
          node {
            id
            seq
            type
            at
            note
          }
        }
      }
    }
  `,
  [WhistleCardFields, OrgUnitFields, WhistleDetailSummonsFields],
);

export type WhistleDetail = ResultOf<typeof WhistleDetailFields>;
export type WhistleDetailSummons = WhistleDetail['panels'][number];
