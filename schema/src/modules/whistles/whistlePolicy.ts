// Who sees a whistle and who may do what to it: the whistles policy, on the one org-scope policy
// (auth/orgScope.ts). `whistlesWhereVisibleTo` is the database twin of `whistleVisibleTo`.
import type { Prisma } from '@whistlehub/prisma';
import { grantCovers, grantWhere } from '../../auth/orgScope.ts';
import type { Grant, Viewer } from '../../auth/viewer.ts';

/** Where a whistle sits: its street and district, and the departments it summoned (with their districts). */
export interface WhistleScope {
  streetId: string;
  districtId: string;
  summonses: readonly { departmentId: string; departmentDistrictId: string | null; /** set when the summoned department is a street office */ departmentStreetId: string | null }[];
}

/** The streets whose officers act on a whistle's summonses: the street offices it summoned (a street across the boundary). */
export const summonedStreets = (w: Pick<WhistleScope, 'summonses'>) => [...new Set(w.summonses.map((s) => s.departmentStreetId).filter((d): d is string => d !== null))];

/** The districts that see and act on a whistle: the blowing street's, and (跨区吹哨) those of the summoned departments. */
export const whistleDistricts = (w: WhistleScope) => [...new Set([w.districtId, ...w.summonses.map((s) => s.departmentDistrictId).filter((d): d is string => d !== null)])];

const summoned = (g: Grant, w: WhistleScope) => g.role === 'DEPARTMENT_OFFICER' && grantCovers(g, { departmentIds: w.summonses.map((s) => s.departmentId) });
const platformOf = (g: Grant, w: WhistleScope) => g.role === 'DISTRICT_DISPATCHER' && whistleDistricts(w).some((districtId) => grantCovers(g, { districtId }));
const streetOf = (g: Grant, w: WhistleScope) => g.role === 'STREET_OFFICER' && [w.streetId, ...summonedStreets(w)].some((streetId) => grantCovers(g, { streetId }));

/**
 * Who sees a whistle: admins and integrators (the district platform's systems) all; the blowing
 * street's officers, and those of a street it summoned (its street office, across a boundary); the dispatchers (district platform) of its district and of every district whose
 * department it summoned (a cross-district whistle is seen by both districts); the officers of each
 * summoned department. Its summonses, deadlines, escalations, evaluations and events follow it.
 */
export function whistleVisibleTo(viewer: Viewer | null, w: WhistleScope): boolean {
  return (viewer?.grants ?? []).some((g) => g.role === 'ADMIN' || g.role === 'INTEGRATOR' || streetOf(g, w) || platformOf(g, w) || summoned(g, w));
}

const NONE: Prisma.WhistleWhereInput = { id: { in: [] } };

/** `whistleVisibleTo` as a Prisma where clause, for lists, node lookups and relations. */
export function whistlesWhereVisibleTo(viewer: Viewer | null): Prisma.WhistleWhereInput {
  if (!viewer) return NONE;
  const any: Prisma.WhistleWhereInput[] = [];
  for (const g of viewer.grants) {
    switch (g.role) {
      case 'ADMIN':
      case 'INTEGRATOR':
        return {};
      case 'STREET_OFFICER':
        any.push(...(grantWhere<Prisma.WhistleWhereInput>(g, { streetId: (id) => ({ OR: [{ streetId: id }, { summonses: { some: { departmentStreetId: id } } }] }) }) ?? []));
        break;
      case 'DISTRICT_DISPATCHER':
        any.push(...(grantWhere<Prisma.WhistleWhereInput>(g, {
          districtId: (id) => ({ OR: [{ districtId: id }, { summonses: { some: { departmentDistrictId: id } } }] }),
        }) ?? []));
        break;
      case 'DEPARTMENT_OFFICER':
        any.push(...(grantWhere<Prisma.WhistleWhereInput>(g, { departmentId: (id) => ({ summonses: { some: { departmentId: id } } }) }) ?? []));
        break;
      default:
        break;
    }
  }
  return any.length ? { OR: any } : NONE;
}

/** What can be done to a whistle or one of its summonses. */
export type WhistleAction =
  | 'blow' | 'acknowledge' | 'checkIn' | 'report' | 'requestReturn' | 'decideReturn' | 'close' | 'supervise' | 'rate';

/**
 * Whether the viewer may take `action`. `summons` names the summons' department (and, for a
 * street office summoned as a department, its street) for the department steps.
 *
 * | action                                   | who (besides ADMIN)                                             |
 * |------------------------------------------|-----------------------------------------------------------------|
 * | blow                                     | STREET_OFFICER of the street; DISTRICT_DISPATCHER of its district |
 * |                                          | (a district whistles to city departments for its street)         |
 * | acknowledge, checkIn, report,            | DEPARTMENT_OFFICER of the summoned department — only its own     |
 * | requestReturn (退单)                      | summons, never another department's; for a summoned street office |
 * |                                          | (跨区吹哨), also the STREET_OFFICER of that street               |
 * | decideReturn                             | DISTRICT_DISPATCHER of the whistle's district (the platform)     |
 * | close (终场哨), rate (下评上)              | STREET_OFFICER of the blowing street                             |
 * | supervise (监督哨)                         | STREET_OFFICER of the street; DISTRICT_DISPATCHER of its district |
 *
 * The side that is graded never grades itself: departments cannot close or rate; the street cannot
 * acknowledge or check in for a department.
 */
export function mayPerform(
  viewer: Viewer | null,
  action: WhistleAction,
  w: Pick<WhistleScope, 'streetId' | 'districtId'>,
  summons?: { departmentId: string; departmentStreetId: string | null },
): boolean {
  return (viewer?.grants ?? []).some((g) => {
    if (g.role === 'ADMIN') return true;
    const street = g.role === 'STREET_OFFICER' && grantCovers(g, { streetId: w.streetId });
    const platform = g.role === 'DISTRICT_DISPATCHER' && grantCovers(g, { districtId: w.districtId });
    const department = summons != null && (
      (g.role === 'DEPARTMENT_OFFICER' && grantCovers(g, { departmentIds: [summons.departmentId] })) ||
      (g.role === 'STREET_OFFICER' && summons.departmentStreetId != null && grantCovers(g, { streetId: summons.departmentStreetId })));
    switch (action) {
      case 'blow':
      case 'supervise':
        return street || platform;
      case 'acknowledge':
      case 'checkIn':
      case 'report':
      case 'requestReturn':
        return department;
      case 'decideReturn':
        return platform;
      case 'close':
      case 'rate':
        return street;
    }
  });
}

/** Who may edit a district's tier deadlines and ranking weights: its dispatchers (the district platform) and admins. */
export function mayAdministerDistrict(viewer: Viewer | null, districtId: string): boolean {
  return (viewer?.grants ?? []).some((g) => g.role === 'ADMIN' || (g.role === 'DISTRICT_DISPATCHER' && grantCovers(g, { districtId })));
}
