// Who may do what to a ticket, and who sees it.
import type { Grant } from '../../auth/viewer.ts';
import type { DispatchPartKind } from './ticketDispatch.ts';
import type { TicketAction } from './ticketStates.ts';

/** Everything `mayPerform` decides on: creating a ticket plus the ticket actions. */
export type TicketPermission = 'create' | TicketAction;

/** The org units a ticket belongs to, as `mayPerform` needs them; departmentIds hold the category's duty (权力清单). */
export interface TicketScope {
  districtId: string | null;
  streetId: string | null;
  communityId: string | null;
  gridCellId: string | null;
  departmentIds: readonly string[];
}

/**
 * Whether a signed-in user may perform `action` on a ticket. `grants` is null for an anonymous caller
 * and [] for a signed-in resident. `part` names the dispatch part for accept / progress / resolve
 * (omitted = a single dispatch, which goes to the street office). ADMIN may do everything.
 *
 * | action                 | who (besides ADMIN)                                                          |
 * |------------------------|------------------------------------------------------------------------------|
 * | create                 | anyone signed in: residents (no role), grid workers, council and party       |
 * |                        | members, staff, INTEGRATOR (the 12345 hotline pushing tickets in)            |
 * | dispatch               | DISTRICT_DISPATCHER of the district; STREET_OFFICER of the owning street      |
 * |                        | (the street's 市民诉求处置中心 splits its own 双派单, as in 鲁谷)              |
 * | accept, resolve        | STREET part: STREET_OFFICER of the street.                                   |
 * |                        | COMMUNITY part: GRID_WORKER of the ticket's cell or community; STREET_OFFICER |
 * | progress               | as accept, plus DEPARTMENT_OFFICER of a duty-holding department (not on the  |
 * |                        | COMMUNITY part): departments report to the street's whistle and add notes    |
 * | recordCallback, close  | DISTRICT_DISPATCHER of the district; INTEGRATOR (12345 makes the call-backs) |
 * | reopen                 | DISTRICT_DISPATCHER; INTEGRATOR; STREET_OFFICER of the street (回头看)        |
 * | merge                  | DISTRICT_DISPATCHER; INTEGRATOR                                               |
 *
 * Why: the side that is graded never grades itself — street officers may not record call-backs, close,
 * or merge (merged tickets leave the response-rate denominator, so merging would hide unanswered
 * tickets); dispatchers may not accept or resolve, or the response clock would time the sender. The
 * community part is represented by the grid worker (网格员, community staff — the 社区专员 of the 花伴儿
 * case); there is no property-manager role, so the grid worker records the property manager's work.
 * COUNCIL_MEMBER is deliberately not an assignee: councils include residents and stewards, who discuss
 * (议事) but are not accountable for closing a neighbour's complaint. The street officer may also act on
 * the community part because the street is what the monthly review ranks and not every community has an
 * account. A ticket not yet placed in a district is in every dispatcher's pool.
 */
export function mayPerform(
  action: TicketPermission,
  grants: readonly Grant[] | null,
  ticket: TicketScope,
  part?: DispatchPartKind,
): boolean {
  if (grants === null) return false;
  if (action === 'create') return true;
  return grants.some((g) => grantAllows(g, action, ticket, part));
}

function grantAllows(g: Grant, action: TicketAction, t: TicketScope, part: DispatchPartKind | undefined): boolean {
  if (g.role === 'ADMIN') return true;
  const dispatcher = g.role === 'DISTRICT_DISPATCHER' && (t.districtId === null || g.districtId === t.districtId);
  const streetOfficer = g.role === 'STREET_OFFICER' && t.streetId !== null && g.streetId === t.streetId;
  const integrator = g.role === 'INTEGRATOR';
  const communityStaff = g.role === 'GRID_WORKER'
    && ((t.gridCellId !== null && g.gridCellId === t.gridCellId) || (t.communityId !== null && g.communityId === t.communityId));
  const assignee = part === 'COMMUNITY' ? communityStaff || streetOfficer : streetOfficer;
  switch (action) {
    case 'dispatch':
      return dispatcher || streetOfficer;
    case 'accept':
    case 'resolve':
      return assignee;
    case 'progress':
      return assignee || (part !== 'COMMUNITY' && g.role === 'DEPARTMENT_OFFICER'
        && g.departmentId !== null && t.departmentIds.includes(g.departmentId));
    case 'recordCallback':
    case 'close':
    case 'merge':
      return dispatcher || integrator;
    case 'reopen':
      return dispatcher || integrator || streetOfficer;
  }
}
