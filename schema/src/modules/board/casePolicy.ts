// Who sees and edits a board case, on the one org-scope policy (auth/orgScope.ts). The board is what
// a council meeting, the street office and the departments look at together: the street's and the
// district's staff and the assigned departments edit it; the community's council members co-edit it
// in their meetings; its party members and grid workers follow it. The internal note is staff only,
// on every query and every streamed event.
import type { Prisma } from '@whistlehub/prisma';
import { covers, holds } from '../../auth/orgScope.ts';
import type { Viewer } from '../../auth/viewer.ts';

/** Where a case sits and which departments are assigned to it. */
export interface CaseScope {
  streetId: string;
  districtId: string;
  communityId: string | null;
  departmentIds: readonly string[];
}

/** What the policy reads of a case row. */
export const caseScopeSelect = { streetId: true, districtId: true, communityId: true, assignments: { select: { departmentId: true } } } as const satisfies Prisma.CaseSelect;
export const scopeOf = (c: Prisma.CaseGetPayload<{ select: typeof caseScopeSelect }>): CaseScope => ({
  streetId: c.streetId, districtId: c.districtId, communityId: c.communityId, departmentIds: c.assignments.map((a) => a.departmentId).filter((d): d is string => d !== null),
});

/** Staff of the case: admins, the street's officers, the district's dispatchers, the assigned departments' officers. */
export const isCaseStaff = (viewer: Viewer | null, c: CaseScope) =>
  holds(viewer, []) || covers(viewer, ['STREET_OFFICER'], { streetId: c.streetId }) || covers(viewer, ['DISTRICT_DISPATCHER'], { districtId: c.districtId }) ||
  covers(viewer, ['DEPARTMENT_OFFICER'], { departmentIds: c.departmentIds });

/** Who edits a case: its staff, and the council members of its community (the council meeting co-edits). */
export const mayEditCase = (viewer: Viewer | null, c: CaseScope) => isCaseStaff(viewer, c) || (c.communityId != null && covers(viewer, ['COUNCIL_MEMBER'], { communityId: c.communityId }));

/** Who sees a case: its editors, integrators, and the party members and grid workers of its community. */
export const caseVisibleTo = (viewer: Viewer | null, c: CaseScope) =>
  mayEditCase(viewer, c) || holds(viewer, ['INTEGRATOR']) ||
  (c.communityId != null && (covers(viewer, ['PARTY_MEMBER'], { communityId: c.communityId }) || covers(viewer, ['GRID_WORKER'], { communityId: c.communityId })));

const NONE: Prisma.CaseWhereInput = { id: { in: [] } };

/** `caseVisibleTo` as a where clause. */
export function casesWhereVisibleTo(viewer: Viewer | null): Prisma.CaseWhereInput {
  if (!viewer) return NONE;
  const any: Prisma.CaseWhereInput[] = [];
  for (const g of viewer.grants) {
    switch (g.role) {
      case 'ADMIN':
      case 'INTEGRATOR':
        return {};
      case 'STREET_OFFICER':
        if (g.streetId) any.push({ streetId: g.streetId });
        break;
      case 'DISTRICT_DISPATCHER':
        if (g.districtId) any.push({ districtId: g.districtId });
        break;
      case 'DEPARTMENT_OFFICER':
        if (g.departmentId) any.push({ assignments: { some: { departmentId: g.departmentId } } });
        break;
      case 'COUNCIL_MEMBER':
      case 'PARTY_MEMBER':
        if (g.communityId) any.push({ communityId: g.communityId });
        break;
      case 'GRID_WORKER':
        if (g.communityId) any.push({ communityId: g.communityId });
        break;
      default:
        break;
    }
  }
  return any.length ? { OR: any } : NONE;
}
