// What a board card shows of a case, shared by the board's query, the board feed (whose notices carry
// the case as it is now) and the case page (whose fragment spreads it), so Graphcache updates a card in
// place whichever brought it. Unmasked: the views read it as data.
import { graphql, type ResultOf } from '../../graphql/graphql.ts';

/**
 * A linked whistle with the deadlines its countdown counts down to: the case page selects it on its
 * links, the board on the street's live whistles (within the API's cost budget, which counts every
 * nested list ten times, the board's 5 columns × cases × links cannot carry summonses × deadlines).
 */
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
          id
          number
        }
      }
    }
  `,
);

export type BoardCard = ResultOf<typeof BoardCardFields>;

/** The board's columns in order (the API's CaseStatus). */
export const CASE_STATUSES = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'REVIEW', 'DONE'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The soonest running deadline of a case's linked whistles (ISO), for its countdown; null when none runs. */
export function nextWhistleDeadline(whistles: readonly (ResultOf<typeof BoardCardWhistleFields> | null | undefined)[]): string | null {
  let soonest: string | null = null;
  for (const whistle of whistles) {
    for (const summons of whistle?.summonses ?? []) {
      for (const deadline of summons.deadlines) {
        if (deadline.state === 'PENDING' && (soonest === null || Date.parse(deadline.dueAt) < Date.parse(soonest))) soonest = deadline.dueAt;
      }
    }
  }
  return soonest;
}

/** The viewer's roles as the board reads them. */
export type ViewerRoles = { role: string; street: { code: string } | null; district: { code: string } | null }[];

/** Whether the viewer may follow a street's board feed: its officers, its district's dispatchers, admins. */
export const followsBoardFeed = (roles: ViewerRoles, streetCode: string) =>
  roles.some(
    (role) =>
      role.role === 'ADMIN' ||
      (role.role === 'STREET_OFFICER' && role.street?.code === streetCode) ||
      (role.role === 'DISTRICT_DISPATCHER' && role.district !== null && streetCode.startsWith(role.district.code)),
  );
