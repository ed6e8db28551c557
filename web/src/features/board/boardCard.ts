// What a board card shows of a case, shared by the board's query, the board feed (whose notices carry
// the case as it is now) and the case page (whose fragment spreads it), so Graphcache updates a card in
// place whichever brought it. Unmasked: the views read it as data.
import { graphql, type ResultOf } from '../../graphql/graphql.ts';

/** A linked whistle with the deadlines its countdown counts down to. */
export const BoardCardWhistleFields = graphql(`
  fragment BoardCardWhistleFields on Whistle @_unmask {
    id
    number
    stage
    reason
    summonses {
      id
      deadlines {
        id
        kind
        dueAt
        state
      }
    }
  }
`);

/** A card on the board: title, priority, column, the counts (tickets, whistles, checklist progress). */
export const BoardCardFields = graphql(
  `
    fragment BoardCardFields on Case @_unmask {
      id
      number
      seq
      status
      statusVersion
      allowedMoves
      priority
      tags
      viewerMayEdit
      title {
        value
        version
      }
      checklistProgress {
        done
        total
      }
      links {
        key
        agendaItemTitle
        ticket {
          id
          number
        }
        whistle {
          ...BoardCardWhistleFields
        }
      }
    }
  `,
  [BoardCardWhistleFields],
);

export type BoardCard = ResultOf<typeof BoardCardFields>;

/** The board's columns in order (the API's CaseStatus). */
export const CASE_STATUSES = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'REVIEW', 'DONE'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The soonest running deadline of a card's linked whistles (ISO), for its countdown; null when none runs. */
export function nextWhistleDeadline(links: readonly Pick<BoardCard['links'][number], 'whistle'>[]): string | null {
  let soonest: string | null = null;
  for (const link of links) {
    for (const summons of link.whistle?.summonses ?? []) {
      for (const deadline of summons.deadlines) {
        if (deadline.state === 'PENDING' && (soonest === null || Date.parse(deadline.dueAt) < Date.parse(soonest))) soonest = deadline.dueAt;
      }
    }
  }
  return soonest;
}
