import type { Context } from '../context.ts';
import { grantCovers, holds } from './orgScope.ts';

/**
 * The auth scopes the schema declares. Parameterised ones take the id of the org unit they are about
 * and are decided by `grantCovers` (auth/orgScope.ts), the same function every domain policy uses. A
 * scope names one role: a field open to a street's officers and to its district's dispatcher says so
 * with `$any: { streetOfficer: street.id, districtDispatcher: street.districtId }`.
 */
export interface AuthScopes {
  signedIn: boolean;
  admin: boolean;
  /** any staff role (admin, dispatcher, street, department, grid worker) */
  staff: boolean;
  integrator: boolean;
  districtDispatcher: string;
  streetOfficer: string;
  departmentOfficer: string;
  councilMember: string;
  partyMember: string;
  gridWorker: string;
}

type ScopeFns = { [K in keyof AuthScopes]: AuthScopes[K] extends boolean ? boolean : (param: string) => boolean };

/** Builds the scope functions for one request; admins pass every scope. */
export function authScopesFor(ctx: Pick<Context, 'viewer'>): ScopeFns {
  const viewer = ctx.viewer;
  const grants = viewer?.grants ?? [];
  const coveredBy = (role: (typeof grants)[number]['role'], place: Parameters<typeof grantCovers>[1]) =>
    grants.some((g) => (g.role === 'ADMIN' || g.role === role) && grantCovers(g, place));
  return {
    signedIn: viewer != null,
    admin: holds(viewer, []),
    staff: holds(viewer, ['DISTRICT_DISPATCHER', 'STREET_OFFICER', 'DEPARTMENT_OFFICER', 'GRID_WORKER']),
    integrator: holds(viewer, ['INTEGRATOR']),
    districtDispatcher: (districtId) => coveredBy('DISTRICT_DISPATCHER', { districtId }),
    streetOfficer: (streetId) => coveredBy('STREET_OFFICER', { streetId }),
    departmentOfficer: (departmentId) => coveredBy('DEPARTMENT_OFFICER', { departmentIds: [departmentId] }),
    councilMember: (communityId) => coveredBy('COUNCIL_MEMBER', { communityId }),
    partyMember: (communityId) => coveredBy('PARTY_MEMBER', { communityId }),
    gridWorker: (gridCellId) => coveredBy('GRID_WORKER', { gridCellId }),
  };
}
