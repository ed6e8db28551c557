// The signed-in user as the volunteers section needs it: roles with the communities they work in, and
// the party member record (双报到) when there is one. The layout loads it once and hands it down.
import { type Accessor, createContext, useContext } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';

/** The viewer's roles and party member record. Unmasked: the rules below read it. */
export const VolunteerViewerFields = graphql(`
  fragment VolunteerViewerFields on Query @_unmask {
    viewer {
      id
      roles {
        id
        role
        community {
          id
          code
        }
        gridCell {
          id
          community {
            id
            code
          }
        }
        street {
          id
          code
        }
      }
    }
    myPartyMember {
      id
      branch
      community {
        id
        code
        street {
          id
          code
        }
      }
    }
  }
`);

export type VolunteerViewer = ResultOf<typeof VolunteerViewerFields>;

export const VolunteerViewerContext = createContext<Accessor<VolunteerViewer>>();

/** The signed-in user, inside the volunteers section. */
export function useVolunteerViewer(): Accessor<VolunteerViewer> {
  const viewer = useContext(VolunteerViewerContext);
  if (!viewer) throw new Error('useVolunteerViewer: outside the volunteers section');
  return viewer;
}

/** 草厂社区 and 前门街道: where the section opens for a viewer with no community of their own. */
export const DEFAULT_COMMUNITY = '110101011003';
export const DEFAULT_STREET = '110101011';

/** The community the viewer serves or works in: a party member's, a grid worker's cell's, a council member's. */
export function homeCommunity(viewer: VolunteerViewer): string {
  if (viewer.myPartyMember) return viewer.myPartyMember.community.code;
  for (const assignment of viewer.viewer?.roles ?? []) {
    if (assignment.gridCell) return assignment.gridCell.community.code;
    if (assignment.community) return assignment.community.code;
  }
  return DEFAULT_COMMUNITY;
}

/** The street whose communities the places report compares: the viewer's street, or the home community's. */
export function homeStreet(viewer: VolunteerViewer): string {
  for (const assignment of viewer.viewer?.roles ?? []) if (assignment.street) return assignment.street.code;
  return homeCommunity(viewer).slice(0, 9) || DEFAULT_STREET;
}

/** Whether the viewer works for a community's staff (verifies shifts): a grid worker, a street officer, an admin. */
export const isCommunityStaff = (viewer: VolunteerViewer) =>
  (viewer.viewer?.roles ?? []).some((assignment) => ['GRID_WORKER', 'STREET_OFFICER', 'ADMIN'].includes(assignment.role));
