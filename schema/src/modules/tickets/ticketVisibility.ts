// Which tickets a viewer may see, as a Prisma where clause (row visibility lives here, once).
import type { Prisma } from '@whistlehub/prisma';
import type { Viewer } from '../../auth/viewer.ts';

/**
 * Admins and integrators (the 12345 hotline) see every ticket; dispatchers their district; street
 * officers their street; grid workers their cell; council members
 * their community; department officers the categories whose duty their department holds (in their
 * district, for a district department); everyone
 * signed in sees the tickets they filed. Anonymous callers see none.
 */
export function ticketsWhereVisibleTo(viewer: Viewer | null): Prisma.TicketWhereInput {
  if (!viewer) return { id: { in: [] } };
  const any: Prisma.TicketWhereInput[] = [{ createdById: viewer.userId }];
  for (const g of viewer.grants) {
    switch (g.role) {
      case 'ADMIN':
      case 'INTEGRATOR':
        return {};
      case 'DISTRICT_DISPATCHER':
        if (g.districtId) any.push({ districtId: g.districtId });
        break;
      case 'STREET_OFFICER':
        // parts go to the owning street, so the street column alone covers them (and keeps the
        // inbox on the (streetId, receivedAt) index)
        if (g.streetId) any.push({ streetId: g.streetId });
        break;
      case 'GRID_WORKER':
        if (g.gridCellId) any.push({ gridCellId: g.gridCellId });
        if (g.communityId) any.push({ communityId: g.communityId });
        break;
      case 'COUNCIL_MEMBER':
        if (g.communityId) any.push({ communityId: g.communityId });
        break;
      case 'DEPARTMENT_OFFICER':
        // a duty-holding department sees its categories: a city department everywhere, a district
        // department in its own district
        if (g.departmentId) {
          any.push({
            category: { duties: { some: { departmentId: g.departmentId } } },
            OR: [{ district: { departments: { some: { id: g.departmentId } } } }, { category: { duties: { some: { departmentId: g.departmentId, department: { level: 'CITY' } } } } }],
          });
        }
        break;
      default:
        break;
    }
  }
  return { OR: any };
}

/** Whether the viewer may see the complainant's name and phone in full: the handling street office and the dispatcher. */
export function canSeeComplainant(viewer: Viewer | null, ticket: { streetId: string | null; districtId: string | null }): boolean {
  return (viewer?.grants ?? []).some(
    (g) =>
      g.role === 'ADMIN' ||
      (g.role === 'DISTRICT_DISPATCHER' && (ticket.districtId == null || g.districtId === ticket.districtId)) ||
      (g.role === 'STREET_OFFICER' && ticket.streetId != null && g.streetId === ticket.streetId),
  );
}
