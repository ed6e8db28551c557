// Who may do what to a ticket, and who sees it: the tickets policy, written on the one org-scope
// policy (auth/orgScope.ts). Plain functions; `ticketsWhereVisibleTo` is the database twin of
// `ticketVisibleTo`, and the tests check that the two agree for every demo role on the demo data.
import type { Prisma } from '@whistlehub/prisma';
import { grantCovers, grantWhere, type Place } from '../../auth/orgScope.ts';
import type { Grant, Viewer } from '../../auth/viewer.ts';
import type { DispatchPartKind } from './ticketDispatch.ts';
import type { TicketAction } from './ticketStates.ts';

/** Everything `mayPerform` decides on: creating a ticket plus the ticket actions. */
export type TicketPermission = 'create' | TicketAction;

/** The org units a ticket belongs to and its category: what the policy decides on. */
export interface TicketScope {
  districtId: string | null;
  streetId: string | null;
  communityId: string | null;
  gridCellId: string | null;
  categoryId: string;
}

/**
 * Whether a department grant is concerned with a ticket: its department holds the duty for the
 * ticket's category in the power list (权力清单), and is a city department or one of the ticket's
 * district. A district department never reaches across the district line.
 */
export function departmentConcerned(g: Grant, t: Pick<TicketScope, 'districtId' | 'categoryId'>): boolean {
  const d = g.department;
  if (g.role !== 'DEPARTMENT_OFFICER' || !d || !d.categoryIds.includes(t.categoryId)) return false;
  return d.level === 'CITY' || (d.districtId !== null && d.districtId === t.districtId);
}

/** A district dispatcher covers its district's tickets and the city-level pool (tickets no district was found for). */
const dispatcherCovers = (g: Grant, t: Place) => g.role === 'DISTRICT_DISPATCHER' && (t.districtId == null || grantCovers(g, t));

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
 * | progress               | as accept, plus DEPARTMENT_OFFICER of a department concerned with the ticket |
 * |                        | (see `departmentConcerned`; not on the COMMUNITY part): departments report   |
 * |                        | to the street's whistle and add notes                                        |
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
 * account. A ticket not yet placed in a district is in the city-level pool, which every dispatcher
 * sees and may route (see `ticketsWhereVisibleTo`).
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
  const dispatcher = dispatcherCovers(g, t);
  const streetOfficer = g.role === 'STREET_OFFICER' && grantCovers(g, t);
  const integrator = g.role === 'INTEGRATOR';
  const communityStaff = g.role === 'GRID_WORKER' && grantCovers(g, t);
  const assignee = part === 'COMMUNITY' ? communityStaff || streetOfficer : streetOfficer;
  switch (action) {
    case 'dispatch':
      return dispatcher || streetOfficer;
    case 'accept':
    case 'resolve':
      return assignee;
    case 'progress':
      return assignee || (part !== 'COMMUNITY' && departmentConcerned(g, t));
    case 'recordCallback':
    case 'close':
    case 'merge':
      return dispatcher || integrator;
    case 'reopen':
      return dispatcher || integrator || streetOfficer;
  }
}

/** A ticket row as visibility needs it. */
export type TicketVisibilityRow = TicketScope & { createdById: string | null };

/**
 * Who sees a ticket: admins and integrators (the 12345 hotline) every ticket; a dispatcher their
 * district and the city-level pool; a street officer their street; a grid worker their cell (or the
 * community their assignment names); a council member their community; a department officer the
 * tickets their department is concerned with (`departmentConcerned`); everyone signed in the tickets
 * they filed. Anonymous callers and party members (as such) see none.
 */
export function ticketVisibleTo(viewer: Viewer | null, t: TicketVisibilityRow): boolean {
  if (!viewer) return false;
  if (t.createdById !== null && t.createdById === viewer.userId) return true;
  return viewer.grants.some((g) => {
    switch (g.role) {
      case 'ADMIN':
      case 'INTEGRATOR':
        return true;
      case 'DISTRICT_DISPATCHER':
        return dispatcherCovers(g, t);
      case 'STREET_OFFICER':
      case 'GRID_WORKER':
      case 'COUNCIL_MEMBER':
        return grantCovers(g, t);
      case 'DEPARTMENT_OFFICER':
        return departmentConcerned(g, t);
      default:
        return false;
    }
  });
}

const NONE: Prisma.TicketWhereInput = { id: { in: [] } };

/** `ticketVisibleTo` as a Prisma where clause, for lists, counts, node lookups and relations. */
export function ticketsWhereVisibleTo(viewer: Viewer | null): Prisma.TicketWhereInput {
  if (!viewer) return NONE;
  const any: Prisma.TicketWhereInput[] = [{ createdById: viewer.userId }];
  for (const g of viewer.grants) {
    switch (g.role) {
      case 'ADMIN':
      case 'INTEGRATOR':
        return {};
      case 'DISTRICT_DISPATCHER':
        any.push({ districtId: null }, ...(grantWhere<Prisma.TicketWhereInput>(g, { districtId: (id) => ({ districtId: id }) }) ?? []));
        break;
      case 'STREET_OFFICER':
      case 'GRID_WORKER':
      case 'COUNCIL_MEMBER':
        // parts go to the owning street, so the street column alone covers a street officer's work
        // (and keeps the inbox on the (streetId, receivedAt) index)
        any.push(...(grantWhere<Prisma.TicketWhereInput>(g, {
          streetId: (id) => ({ streetId: id }),
          communityId: (id) => ({ communityId: id }),
          gridCellId: (id) => ({ gridCellId: id }),
        }) ?? []));
        break;
      case 'DEPARTMENT_OFFICER': {
        const d = g.department;
        if (!d || d.categoryIds.length === 0) break;
        if (d.level === 'CITY') any.push({ categoryId: { in: d.categoryIds } });
        else if (d.districtId) any.push({ categoryId: { in: d.categoryIds }, districtId: d.districtId });
        break;
      }
      default:
        break;
    }
  }
  return { OR: any };
}

/** Whether the viewer may see the complainant's name and phone in full: the handling street office and the dispatcher (and admins). */
export function canSeeComplainant(viewer: Viewer | null, ticket: Pick<TicketScope, 'streetId' | 'districtId'>): boolean {
  return (viewer?.grants ?? []).some(
    (g) => g.role === 'ADMIN' || dispatcherCovers(g, ticket) || (g.role === 'STREET_OFFICER' && grantCovers(g, ticket)),
  );
}

/**
 * Whether the viewer may route (or re-route) a ticket into `street`: admins anywhere; a dispatcher
 * who covers the ticket (their district or the pool) into a street of their own district.
 */
export function mayRouteTo(viewer: Viewer | null, ticket: Pick<TicketScope, 'districtId' | 'streetId'>, street: { id: string; districtId: string }): boolean {
  return (viewer?.grants ?? []).some(
    (g) => g.role === 'ADMIN' || (dispatcherCovers(g, ticket) && grantCovers(g, { districtId: street.districtId })),
  );
}

/** A revisit plan row as visibility needs it. */
export interface RevisitPlanVisibilityRow {
  createdById: string;
  streetId: string | null;
  districtId: string | null;
}

/**
 * Who sees a revisit plan (回头看): whoever made it, admins, and the staff of the narrowest unit that
 * holds all of its tickets — the street's officers for a one-street plan, the district's dispatchers
 * for a one-district plan. Its items show only tickets the viewer may see.
 */
export function revisitPlanVisibleTo(viewer: Viewer | null, p: RevisitPlanVisibilityRow): boolean {
  if (!viewer) return false;
  if (p.createdById === viewer.userId) return true;
  return viewer.grants.some((g) => g.role === 'ADMIN' || ((g.role === 'DISTRICT_DISPATCHER' || g.role === 'STREET_OFFICER') && grantCovers(g, p)));
}

/** `revisitPlanVisibleTo` as a Prisma where clause. */
export function revisitPlansWhereVisibleTo(viewer: Viewer | null): Prisma.RevisitPlanWhereInput {
  if (!viewer) return { id: { in: [] } };
  const any: Prisma.RevisitPlanWhereInput[] = [{ createdById: viewer.userId }];
  for (const g of viewer.grants) {
    if (g.role === 'ADMIN') return {};
    if (g.role === 'DISTRICT_DISPATCHER' || g.role === 'STREET_OFFICER') {
      any.push(...(grantWhere<Prisma.RevisitPlanWhereInput>(g, { districtId: (id) => ({ districtId: id }), streetId: (id) => ({ streetId: id }) }) ?? []));
    }
  }
  return { OR: any };
}

/** Who may record a revisit of a ticket: its street's officers, its cell's grid worker, its district's dispatcher. */
export function mayRevisit(viewer: Viewer | null, t: TicketScope): boolean {
  return (viewer?.grants ?? []).some(
    (g) => g.role === 'ADMIN' || dispatcherCovers(g, t) || ((g.role === 'STREET_OFFICER' || g.role === 'GRID_WORKER') && grantCovers(g, t)),
  );
}
