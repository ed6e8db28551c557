import type { PrismaClient } from '@whistlehub/prisma';
import type { GeoJsonPolygon, RoutingIndex } from './ticketsRules.ts';

/**
 * The routing index for intake: every grid cell with its polygon, the assets' cells, and the street and
 * community names for the address fallback. Three queries; the org tree is small (hundreds of cells).
 */
export async function loadRoutingIndex(prisma: PrismaClient): Promise<RoutingIndex> {
  const [cells, streets, communities] = await Promise.all([
    prisma.gridCell.findMany({
      select: { id: true, code: true, polygon: true, centroidLng: true, centroidLat: true, communityId: true, community: { select: { streetId: true, street: { select: { districtId: true } } } } },
    }),
    prisma.street.findMany({ select: { id: true, name: true, districtId: true } }),
    prisma.community.findMany({ select: { id: true, name: true, streetId: true, street: { select: { districtId: true } } } }),
  ]);
  return {
    cells: cells.map((c) => ({
      id: c.id,
      code: c.code,
      communityId: c.communityId,
      streetId: c.community.streetId,
      districtId: c.community.street.districtId,
      polygon: c.polygon ? (JSON.parse(c.polygon) as GeoJsonPolygon) : null,
      centroid: [c.centroidLng, c.centroidLat],
    })),
    // asset codes are looked up one by one at intake, not loaded whole
    assets: [],
    places: [
      ...streets.map((s) => ({ kind: 'STREET' as const, name: s.name, aliases: [s.name.replace(/(街道|地区|镇|乡)$/, '')], streetId: s.id, districtId: s.districtId })),
      ...communities.map((c) => ({ kind: 'COMMUNITY' as const, name: c.name, streetId: c.streetId, communityId: c.id, districtId: c.street.districtId })),
    ],
  };
}
