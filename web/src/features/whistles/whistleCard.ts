// What the countdown board shows of a whistle and of each summons, shared by the board's query, the
// live feeds (which carry the whistle as it is now) and the department's mutations (which return it),
// so Graphcache updates the card in place whichever brought it. Unmasked: the board reads it as data.
import { graphql, type ResultOf } from '../../graphql/graphql.ts';

/** One summoned department with its role and two clocks. */
export const WhistleCardSummonsFields = graphql(`
  fragment WhistleCardSummonsFields on WhistleSummons @_unmask {
    id
    role
    ackLate
    onSiteLate
    acknowledgedAt
    checkedInAt
    checkInFlagged
    checkInDistanceM
    department {
      id
      code
      name
      nameEn
    }
    deadlines {
      id
      kind
      dueAt
      state
    }
  }
`);

/** A whistle on the board: its number, stage, street and summonses. */
export const WhistleCardFields = graphql(
  `
    fragment WhistleCardFields on Whistle @_unmask {
      id
      number
      version
      stage
      tier
      reason
      blownAt
      late
      street {
        id
        code
        name
      }
      location {
        lng
        lat
      }
      summonses {
        ...WhistleCardSummonsFields
      }
    }
  `,
  [WhistleCardSummonsFields],
);

export type WhistleCard = ResultOf<typeof WhistleCardFields>;
export type WhistleCardSummons = WhistleCard['summonses'][number];
