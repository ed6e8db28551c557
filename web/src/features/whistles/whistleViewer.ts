// The signed-in user as the whistles section needs it: roles with their units' codes. The section's
// layout loads it once and hands it down through a context; the rules below say which of a whistle's
// steps are the viewer's (the API's whistlePolicy, which the schema does not expose as `viewerCan`).
import { type Accessor, createContext, useContext } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { OrgUnitFields } from '../org/orgUnit.ts';

/** The viewer's roles with the codes of their streets, districts and departments. Unmasked: rules read it. */
export const WhistleViewerFields = graphql(
  `
    fragment WhistleViewerFields on User @_unmask {
      id
      roles {
        id
        role
        street {
          ...OrgUnitFields
          centroid {
            lng
            lat
          }
          district {
            ...OrgUnitFields
          }
        }
        department {
          id
          code
          district {
            ...OrgUnitFields
          }
        }
        district {
          ...OrgUnitFields
        }
      }
    }
  `,
  [OrgUnitFields],
);

export type WhistleViewer = ResultOf<typeof WhistleViewerFields>;
type Assignment = WhistleViewer['roles'][number];
/** A street office the viewer works for. */
export type WhistleStreet = NonNullable<Assignment['street']>;
/** A district as the section names it. */
export type WhistleDistrict = NonNullable<Assignment['district']>;

export const WhistleViewerContext = createContext<Accessor<WhistleViewer>>();

/** The signed-in user, inside the whistles section. */
export function useWhistleViewer(): Accessor<WhistleViewer> {
  const viewer = useContext(WhistleViewerContext);
  if (!viewer) throw new Error('useWhistleViewer: outside the whistles section');
  return viewer;
}

const isAdmin = (viewer: WhistleViewer) => viewer.roles.some((assignment) => assignment.role === 'ADMIN');

/** The street offices the viewer whistles for (as their officer). */
export const whistleStreets = (viewer: WhistleViewer): WhistleStreet[] =>
  viewer.roles.flatMap((assignment) => (assignment.role === 'STREET_OFFICER' && assignment.street ? [assignment.street] : []));

/** The districts whose platform the viewer works for (district dispatcher). */
export const platformDistricts = (viewer: WhistleViewer): WhistleDistrict[] =>
  viewer.roles.flatMap((assignment) => (assignment.role === 'DISTRICT_DISPATCHER' && assignment.district ? [assignment.district] : []));

/** Whether the viewer may blow whistles at all (a street's officer, a district's platform, an admin). */
export const mayBlow = (viewer: WhistleViewer) => isAdmin(viewer) || whistleStreets(viewer).length > 0 || platformDistricts(viewer).length > 0;

/** Whether the viewer acts for the blowing street: closes, rates, supervises. */
export const actsForStreet = (viewer: WhistleViewer, streetCode: string) =>
  isAdmin(viewer) || whistleStreets(viewer).some((street) => street.code === streetCode);

/** Whether the viewer is the platform of the whistle's district: decides 退单, supervises. */
export const actsForPlatform = (viewer: WhistleViewer, districtCode: string) =>
  isAdmin(viewer) || platformDistricts(viewer).some((district) => district.code === districtCode);

/**
 * The district whose ranking the viewer reads first: a dispatcher's, a street officer's street's, a
 * department officer's department's; null (choose one) for everyone else.
 */
export function homeDistrict(viewer: WhistleViewer): WhistleDistrict | null {
  for (const assignment of viewer.roles) {
    if (assignment.district) return assignment.district;
    if (assignment.street) return assignment.street.district;
    if (assignment.department?.district) return assignment.department.district;
  }
  return null;
}
