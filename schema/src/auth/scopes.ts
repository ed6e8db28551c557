import type { Context } from '../context.ts';
import type { Grant } from './viewer.ts';

/** The auth scopes the schema declares; parameterised ones take the org-unit id they are about. */
export interface AuthScopes {
  signedIn: boolean;
  admin: boolean;
  /** any staff role (admin, dispatcher, street, department, grid worker) */
  staff: boolean;
  integrator: boolean;
  districtDispatcher: string;
  /** street officer of that street, or dispatcher of its district */
  streetOfficer: string;
  departmentOfficer: string;
  councilMember: string;
  partyMember: string;
  gridWorker: string;
}

const STAFF_ROLES = new Set(['ADMIN', 'DISTRICT_DISPATCHER', 'STREET_OFFICER', 'DEPARTMENT_OFFICER', 'GRID_WORKER']);

const has = (grants: Grant[], role: Grant['role'], key: keyof Grant, id: string) =>
  grants.some((g) => g.role === role && g[key] === id);

/** Builds the scope functions for one request; admins pass every scope. */
export function authScopesFor(ctx: Context): { [K in keyof AuthScopes]: AuthScopes[K] extends boolean ? boolean : (param: string) => boolean | Promise<boolean> } {
  const grants = ctx.viewer?.grants ?? [];
  const admin = grants.some((g) => g.role === 'ADMIN');
  const districtOfStreet = new Map<string, Promise<string | null>>();
  const streetDistrict = (streetId: string) => {
    let found = districtOfStreet.get(streetId);
    if (!found) {
      found = ctx.prisma.street.findUnique({ where: { id: streetId }, select: { districtId: true } }).then((s) => s?.districtId ?? null);
      districtOfStreet.set(streetId, found);
    }
    return found;
  };
  return {
    signedIn: ctx.viewer != null,
    admin,
    staff: grants.some((g) => STAFF_ROLES.has(g.role)),
    integrator: admin || grants.some((g) => g.role === 'INTEGRATOR'),
    districtDispatcher: (districtId) => admin || has(grants, 'DISTRICT_DISPATCHER', 'districtId', districtId),
    streetOfficer: async (streetId) => {
      if (admin || has(grants, 'STREET_OFFICER', 'streetId', streetId)) return true;
      if (!grants.some((g) => g.role === 'DISTRICT_DISPATCHER')) return false;
      const districtId = await streetDistrict(streetId);
      return districtId != null && has(grants, 'DISTRICT_DISPATCHER', 'districtId', districtId);
    },
    departmentOfficer: (departmentId) => admin || has(grants, 'DEPARTMENT_OFFICER', 'departmentId', departmentId),
    councilMember: (communityId) => admin || has(grants, 'COUNCIL_MEMBER', 'communityId', communityId),
    partyMember: (communityId) => admin || has(grants, 'PARTY_MEMBER', 'communityId', communityId),
    gridWorker: (gridCellId) => admin || has(grants, 'GRID_WORKER', 'gridCellId', gridCellId),
  };
}
