// The signed-in user as the tickets section needs it: roles with the units' codes. The section's
// layout loads it once and hands it down through a context.
import { type Accessor, createContext, useContext } from 'solid-js';
import type { Role } from '../../graphql/schemaTypes.ts';

/** A district as the section names it. */
export interface DistrictRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

export interface TicketViewerRole {
  id: string;
  role: Role;
  district: DistrictRef | null;
  street: { id: string; code: string; name: string; nameEn: string; district: DistrictRef } | null;
  gridCell: { id: string; code: string; name: string } | null;
}

export interface TicketViewer {
  id: string;
  displayName: string;
  roles: TicketViewerRole[];
}

export const TicketViewerContext = createContext<Accessor<TicketViewer>>();

/** The signed-in user, inside the tickets section. */
export function useTicketViewer(): Accessor<TicketViewer> {
  const viewer = useContext(TicketViewerContext);
  if (!viewer) throw new Error('useTicketViewer: outside the tickets section');
  return viewer;
}

/** Staff hold at least one role; residents hold none and see only the tickets they filed. */
export const isStaff = (viewer: TicketViewer) => viewer.roles.length > 0;

/** The roles whose holders may plan revisits (回头看) and read revisit plans: the API's `staff` scope. */
const PLANNING_ROLES: readonly Role[] = ['ADMIN', 'DISTRICT_DISPATCHER', 'STREET_OFFICER', 'DEPARTMENT_OFFICER', 'GRID_WORKER'];

/** Whether the viewer may plan revisits. */
export const mayPlanRevisits = (viewer: TicketViewer) => viewer.roles.some((assignment) => PLANNING_ROLES.includes(assignment.role));

/**
 * The district whose figures the viewer works with: a dispatcher's district, a street officer's
 * street's district; null (the whole city) for everyone else.
 */
export function viewerDistrict(viewer: TicketViewer): DistrictRef | null {
  for (const assignment of viewer.roles) {
    if (assignment.district) return assignment.district;
    if (assignment.street) return assignment.street.district;
  }
  return null;
}

/** The streets the viewer works for as a street officer (the live inbox follows them). */
export const officerStreets = (viewer: TicketViewer) =>
  viewer.roles.flatMap((assignment) => (assignment.role === 'STREET_OFFICER' && assignment.street ? [assignment.street] : []));
