// Who may do what in a council, on the one org-scope policy (auth/orgScope.ts). Councils, meetings,
// agendas, motions, tallies and minutes are a community's public record: anyone signed in reads
// them. Named ballots (who voted what) are for the council's community, its street and district.
import type { Prisma } from '@whistlehub/prisma';
import { covers, holds } from '../../auth/orgScope.ts';
import type { Viewer } from '../../auth/viewer.ts';

/** Where a council sits and who holds its seats. */
export interface CouncilPlace {
  communityId: string;
  streetId: string;
  districtId: string;
  members: readonly { personId: string; role: 'CHAIR' | 'VICE_CHAIR' | 'MEMBER' }[];
}

/** What the policy reads of a council. */
export const councilPlaceSelect = {
  communityId: true, community: { select: { streetId: true, street: { select: { districtId: true } } } }, members: { select: { personId: true, role: true } },
} as const satisfies Prisma.CouncilSelect;

/** The place of a council loaded with `councilPlaceSelect`. */
export const councilPlace = (c: Prisma.CouncilGetPayload<{ select: typeof councilPlaceSelect }>): CouncilPlace => ({
  communityId: c.communityId, streetId: c.community.streetId, districtId: c.community.street.districtId, members: c.members,
});

/** Whether the viewer holds the council's chair or vice-chair. */
export const chairs = (viewer: Viewer | null, c: CouncilPlace) =>
  viewer?.personId != null && c.members.some((m) => m.personId === viewer.personId && m.role !== 'MEMBER');

/** Whether the viewer holds a seat on the council. */
export const sitsOn = (viewer: Viewer | null, c: CouncilPlace) => viewer?.personId != null && c.members.some((m) => m.personId === viewer.personId);

/**
 * Who runs a council's meetings — schedules them, sets the agenda, opens and closes them and their
 * motions, records attendance, writes minutes and action items: its chair and vice-chair, the
 * officers of its community's street (the street office convenes 议事厅 with the community), admins.
 */
export const mayManageCouncil = (viewer: Viewer | null, c: CouncilPlace) => holds(viewer, []) || chairs(viewer, c) || covers(viewer, ['STREET_OFFICER'], { streetId: c.streetId });

/** Who sees named ballots (who voted what): those who run it, its community's council members, the district's platform, integrators. */
export const maySeeNamedBallots = (viewer: Viewer | null, c: CouncilPlace) =>
  mayManageCouncil(viewer, c) || sitsOn(viewer, c) || covers(viewer, ['COUNCIL_MEMBER'], { communityId: c.communityId }) ||
  covers(viewer, ['DISTRICT_DISPATCHER'], { districtId: c.districtId }) || holds(viewer, ['INTEGRATOR']);

/** Who completes an action item: its owner (the person, or an officer of the department), or whoever runs the council. */
export const mayCompleteActionItem = (viewer: Viewer | null, c: CouncilPlace, item: { ownerPersonId: string | null; ownerDepartmentId: string | null }) =>
  mayManageCouncil(viewer, c) ||
  (item.ownerPersonId != null && viewer?.personId === item.ownerPersonId) ||
  (item.ownerDepartmentId != null && covers(viewer, ['DEPARTMENT_OFFICER'], { departmentIds: [item.ownerDepartmentId] }));
