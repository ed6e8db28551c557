// Rules about org units and the personal data attached to them, on the one org-scope policy.
import { grantCovers } from '../../auth/orgScope.ts';
import type { Grant } from '../../auth/viewer.ts';

/** Where a person works or lives, as org-unit ids, for deciding who may see their contact data. */
export interface Jurisdiction {
  gridCellIds: string[];
  communityIds: string[];
  streetIds: string[];
  districtIds: string[];
}

const CONTACT_ROLES = new Set<Grant['role']>(['ADMIN', 'DISTRICT_DISPATCHER', 'STREET_OFFICER', 'GRID_WORKER']);

/**
 * Who may see a person's full contact data: admins, the person themself, and the staff whose unit
 * covers a unit the person belongs to — the grid worker of the cell, the street officer of its street,
 * the dispatcher of its district. Everyone else sees it masked.
 */
export function canSeeContact(grants: Grant[], where: Jurisdiction, isSelf = false): boolean {
  if (isSelf) return true;
  const places = where.gridCellIds.map((gridCellId, i) => ({
    gridCellId,
    communityId: where.communityIds[i] ?? null,
    streetId: where.streetIds[i] ?? null,
    districtId: where.districtIds[i] ?? null,
  }));
  // a grid worker's grant may also name a community; contact data follows the cell only
  return grants.some((g) => CONTACT_ROLES.has(g.role) && places.some((p) => grantCovers(g, g.role === 'GRID_WORKER' ? { gridCellId: p.gridCellId } : p)));
}
