// The one org-scope policy: which org unit a role grant is scoped to, and whether that unit covers a
// place (a ticket's street, a whistle's district, a council's community …). Every domain's policy
// file (`<domain>Policy.ts`) and the auth scopes are written on top of these functions, so "does a
// street officer of 前门 cover this ticket" has one answer everywhere. Plain functions, no database.
import type { Role } from '@whistlehub/prisma';
import type { Grant, Viewer } from './viewer.ts';

/** Where something sits in the org tree, as ids; a field left out (or null) is unknown or does not apply. */
export interface Place {
  districtId?: string | null;
  streetId?: string | null;
  communityId?: string | null;
  gridCellId?: string | null;
  /** departments the thing concerns (a whistle's summoned departments, a category's duty holders) */
  departmentIds?: readonly string[];
}

/** The level of the org tree a grant is scoped to. */
export type ScopeLevel = 'everywhere' | 'district' | 'street' | 'community' | 'gridCell' | 'department' | 'none';

/**
 * The level each role's grant is scoped to. ADMIN covers everything; INTEGRATOR (a system such as
 * the 12345 hotline) holds no org unit: each domain says what it may do; a grid worker's grant names
 * a grid cell (and, when the assignment names one, the cell's community).
 */
export const ROLE_SCOPE: Record<Role, ScopeLevel> = {
  ADMIN: 'everywhere',
  DISTRICT_DISPATCHER: 'district',
  STREET_OFFICER: 'street',
  COUNCIL_MEMBER: 'community',
  PARTY_MEMBER: 'community',
  GRID_WORKER: 'gridCell',
  DEPARTMENT_OFFICER: 'department',
  INTEGRATOR: 'none',
};

const has = (id: string | null | undefined, value: string | null | undefined) => id != null && value != null && id === value;

/**
 * Whether the grant's org unit contains the place: a district dispatcher covers everything placed in
 * its district (its streets, communities and cells included, since a place carries its district), a
 * street officer its street, a council or party member their community, a grid worker their cell (or
 * the community the assignment names), a department officer whatever concerns their department.
 */
export function grantCovers(g: Grant, place: Place): boolean {
  switch (ROLE_SCOPE[g.role]) {
    case 'everywhere':
      return true;
    case 'district':
      return has(g.districtId, place.districtId);
    case 'street':
      return has(g.streetId, place.streetId);
    case 'community':
      return has(g.communityId, place.communityId);
    case 'gridCell':
      return has(g.gridCellId, place.gridCellId) || has(g.communityId, place.communityId);
    case 'department':
      return g.departmentId != null && (place.departmentIds ?? []).includes(g.departmentId);
    case 'none':
      return false;
  }
}

/** Whether any of the viewer's grants in one of `roles` (ADMIN always counts) covers the place. */
export function covers(viewer: Viewer | null, roles: readonly Role[], place: Place): boolean {
  return (viewer?.grants ?? []).some((g) => (g.role === 'ADMIN' || roles.includes(g.role)) && grantCovers(g, place));
}

/** Whether the viewer holds the role at all (ADMIN counts for every role). */
export function holds(viewer: Viewer | null, roles: readonly Role[]): boolean {
  return (viewer?.grants ?? []).some((g) => g.role === 'ADMIN' || roles.includes(g.role));
}

/** The columns of a model that hold its place, for turning grants into where clauses. */
export type PlaceColumns<W> = Partial<Record<'districtId' | 'streetId' | 'communityId' | 'gridCellId', (id: string) => W>> & {
  departmentId?: (id: string) => W;
};

/**
 * The where-clause fragments for the rows a grant covers, given how a model stores its place; [] when
 * the grant covers none of the model's rows, null when it covers all of them (ADMIN). The twin of
 * `grantCovers` for the database: the same grant gives the same answer on a loaded row and in SQL.
 */
export function grantWhere<W>(g: Grant, columns: PlaceColumns<W>): W[] | null {
  const one = (build: ((id: string) => W) | undefined, id: string | null) => (build && id != null ? [build(id)] : []);
  switch (ROLE_SCOPE[g.role]) {
    case 'everywhere':
      return null;
    case 'district':
      return one(columns.districtId, g.districtId);
    case 'street':
      return one(columns.streetId, g.streetId);
    case 'community':
      return one(columns.communityId, g.communityId);
    case 'gridCell':
      return [...one(columns.gridCellId, g.gridCellId), ...one(columns.communityId, g.communityId)];
    case 'department':
      return one(columns.departmentId, g.departmentId);
    case 'none':
      return [];
  }
}
