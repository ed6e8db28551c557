// A meeting as meeting mode shows it: its facts, agenda (with the linked ticket and whistle when the
// viewer may see them), attendance, motions and action items. The meeting feed's notices carry the same
// selection, so that Graphcache rewrites the meeting in place on every screen when anything changes.
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { MotionCardFields } from './MotionCard.tsx';

/** The whole meeting for meeting mode. Unmasked: the page and its panels read it. */
export const MeetingModeFields = graphql(
  `
    fragment MeetingModeFields on Meeting @_unmask {
      id
      title
      place
      startsAt
      status
      openedAt
      closedAt
      minutes
      version
      viewerMayManage
      viewerCheckedIn
      attendanceCount
      council {
        id
        name
        nameEn
        community {
          id
          code
          name
          nameEn
        }
      }
      agenda {
        id
        position
        title
        outcome
        ticket {
          id
          number
        }
        whistle {
          id
          number
        }
        motions {
          id
        }
      }
      attendance {
        name
        at
      }
      motions {
        ...MotionCardFields
      }
      actionItems {
        id
        text
        dueOn
        overdue
        status
        ownerName
      }
    }
  `,
  [MotionCardFields],
);

export type MeetingModeData = ResultOf<typeof MeetingModeFields>;
