// Who sees volunteer posts, shifts and reports, and who may act on them: the volunteers policy (双报到),
// on the one org-scope policy (auth/orgScope.ts). Each `…VisibleTo` has its database twin `…WhereVisibleTo`.
import type { Prisma } from '@whistlehub/prisma';
import { grantCovers, grantWhere } from '../../auth/orgScope.ts';
import type { Grant, Viewer } from '../../auth/viewer.ts';

/** Where a post (or a member, a call) sits: its community, the community's street and district, and the community's grid cells. */
export interface CommunityScope {
  communityId: string;
  streetId: string;
  districtId: string;
  gridCellIds: readonly string[];
}

/** What to select of a community to build its CommunityScope. */
export const communityScopeSelect = { id: true, streetId: true, street: { select: { districtId: true } }, gridCells: { select: { id: true } } } as const;

/** The CommunityScope of a community loaded with `communityScopeSelect`. */
export const scopeOfCommunity = (c: { id: string; streetId: string; street: { districtId: string }; gridCells: { id: string }[] }): CommunityScope => ({
  communityId: c.id, streetId: c.streetId, districtId: c.street.districtId, gridCellIds: c.gridCells.map((g) => g.id),
});

const gridWorkerCovers = (g: Grant, c: CommunityScope) =>
  g.role === 'GRID_WORKER' && (grantCovers(g, { communityId: c.communityId }) || c.gridCellIds.some((gridCellId) => grantCovers(g, { gridCellId })));

/** Whether a grant makes its holder staff of the community: ADMIN, STREET_OFFICER of its street, GRID_WORKER of one of its cells (or of it). */
const staffGrant = (g: Grant, c: CommunityScope) => g.role === 'ADMIN' || (g.role === 'STREET_OFFICER' && grantCovers(g, { streetId: c.streetId })) || gridWorkerCovers(g, c);

/** Community staff: they publish and close posts, verify shifts and call for volunteers. */
export function isCommunityStaff(viewer: Viewer | null, c: CommunityScope): boolean {
  return (viewer?.grants ?? []).some((g) => staffGrant(g, c));
}

/** Whether the viewer may read the volunteer reports of a community: its staff, the dispatchers of its district, integrators. */
export function mayReadReports(viewer: Viewer | null, c: CommunityScope): boolean {
  return (viewer?.grants ?? []).some((g) => staffGrant(g, c) || g.role === 'INTEGRATOR' || (g.role === 'DISTRICT_DISPATCHER' && grantCovers(g, { districtId: c.districtId })));
}

/** Whether the viewer holds a PARTY_MEMBER grant for the community (with a profile, that makes them a member acting there). */
export const holdsPartyMemberGrant = (viewer: Viewer | null) => (viewer?.grants ?? []).some((g) => g.role === 'PARTY_MEMBER');

const NONE = { id: { in: [] as string[] } };

/** The communities whose staff the viewer is, as a where clause (ADMIN: all). */
export function staffCommunitiesWhere(viewer: Viewer | null): Prisma.CommunityWhereInput {
  if (!viewer) return NONE;
  const any: Prisma.CommunityWhereInput[] = [];
  for (const g of viewer.grants) {
    if (g.role === 'ADMIN') return {};
    if (g.role === 'STREET_OFFICER' || g.role === 'GRID_WORKER')
      any.push(...(grantWhere<Prisma.CommunityWhereInput>(g, { streetId: (id) => ({ streetId: id }), communityId: (id) => ({ id }), gridCellId: (id) => ({ gridCells: { some: { id } } }) }) ?? []));
  }
  return any.length ? { OR: any } : NONE;
}

/** The communities whose reports the viewer may read, as a where clause (`mayReadReports`' twin). */
export function reportCommunitiesWhere(viewer: Viewer | null): Prisma.CommunityWhereInput {
  if (!viewer) return NONE;
  const any: Prisma.CommunityWhereInput[] = [staffCommunitiesWhere(viewer)];
  for (const g of viewer.grants) {
    if (g.role === 'ADMIN' || g.role === 'INTEGRATOR') return {};
    if (g.role === 'DISTRICT_DISPATCHER') any.push(...(grantWhere<Prisma.CommunityWhereInput>(g, { districtId: (id) => ({ street: { districtId: id } }) }) ?? []));
  }
  return { OR: any };
}

/** Posts and branch calls are visible to anyone signed in (a member looks for a post to claim). */
export function postsWhereVisibleTo(viewer: Viewer | null): Prisma.VolunteerPostWhereInput {
  return viewer ? {} : NONE;
}

/** Whether a member's own records (profile, claims, shifts, hours) are visible: to the member, the staff of their community, admins and integrators. */
export function memberVisibleTo(viewer: Viewer | null, m: { userId: string | null; community: CommunityScope }): boolean {
  if (!viewer) return false;
  if (m.userId != null && m.userId === viewer.userId) return true;
  return viewer.grants.some((g) => g.role === 'INTEGRATOR' || staffGrant(g, m.community));
}

/** `memberVisibleTo` as a where clause on PartyMember. */
export function membersWhereVisibleTo(viewer: Viewer | null): Prisma.PartyMemberWhereInput {
  if (!viewer) return NONE;
  if (viewer.grants.some((g) => g.role === 'ADMIN' || g.role === 'INTEGRATOR')) return {};
  return { OR: [{ person: { user: { id: viewer.userId } } }, { community: staffCommunitiesWhere(viewer) }] };
}

/** What `memberVisibleTo` reads of a member. */
export const memberScopeSelect = { person: { select: { user: { select: { id: true } } } }, community: { select: communityScopeSelect } } as const;

/** The visibility input of a member loaded with `memberScopeSelect`. */
export const memberScopeOf = (m: { person: { user: { id: string } | null }; community: Parameters<typeof scopeOfCommunity>[0] }) => ({
  userId: m.person.user?.id ?? null, community: scopeOfCommunity(m.community),
});
