// The signed-in user as the tickets section needs it: roles with the units' codes. The section's
// layout loads it once and hands it down through a context.
import { type Accessor, createContext, useContext } from 'solid-js';
import type { Role } from '../../graphql/enums.ts';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { OrgUnitFields } from '../org/orgUnit.ts';

/**
 * The signed-in user as the tickets section reads it: roles with their units' codes. Unmasked: the
 * section's rules (`isStaff`, `viewerDistrict`, the intake form's channels …) read it, not one component.
 */
export const TicketViewerFields = graphql(
  `
    fragment TicketViewerFields on User @_unmask {
      id
      displayName
      roles {
        id
        role
        district {
          ...OrgUnitFields
        }
        street {
          ...OrgUnitFields
          district {
            ...OrgUnitFields
          }
        }
        gridCell {
          ...OrgUnitFields
        }
      }
    }
  `,
  [OrgUnitFields],
);

export type TicketViewer = ResultOf<typeof TicketViewerFields>;

/** A district as the section names it. */
export type DistrictRef = NonNullable<TicketViewer['roles'][number]['district']>;

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

/** The districts the viewer dispatches for (routes tickets to their streets, and from the city-level pool). */
export const dispatcherDistricts = (viewer: TicketViewer): DistrictRef[] =>
  viewer.roles.flatMap((assignment) => (assignment.role === 'DISTRICT_DISPATCHER' && assignment.district ? [assignment.district] : []));

/** A live ticket feed: a district's (its streets and the city-level pool) or a street office's. */
export interface LiveFeed {
  kind: 'district' | 'street';
  code: string;
}

/**
 * The feeds that keep the viewer's inbox live: each district the viewer dispatches for, and each street
 * the viewer works for as an officer outside those districts (a district's feed already carries them).
 */
export function liveFeeds(viewer: TicketViewer): LiveFeed[] {
  const districts = new Set(dispatcherDistricts(viewer).map((district) => district.code));
  const streets = new Set(officerStreets(viewer).flatMap((street) => (districts.has(street.district.code) ? [] : [street.code])));
  return [...[...districts].map((code) => ({ kind: 'district' as const, code })), ...[...streets].map((code) => ({ kind: 'street' as const, code }))];
}
