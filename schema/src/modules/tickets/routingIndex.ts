import type { PrismaClient } from '@whistlehub/prisma';
import { type GeoJsonPolygon } from '../../lib/geo.ts';
import { type RoutingIndex } from './ticketRouting.ts';

/**
 * The routing index for intake: every grid cell with its polygon, and the street and
 * community names for the address fallback, plus the one asset the ticket names. The org tree is small
 * (hundreds of cells), so it is read whole.
 */
export async function loadRoutingIndex(prisma: PrismaClient, assetCode?: string | null): Promise<RoutingIndex> {
  const [cells, streets, communities, asset] = await Promise.all([
    prisma.gridCell.findMany({
      select: { id: true, code: true, polygon: true, centroidLng: true, centroidLat: true, communityId: true, community: { select: { streetId: true, street: { select: { districtId: true } } } } },
    }),
    prisma.street.findMany({ select: { id: true, name: true, districtId: true } }),
    prisma.community.findMany({ select: { id: true, name: true, streetId: true, street: { select: { districtId: true } } } }),
    assetCode ? prisma.asset.findUnique({ where: { code: assetCode }, select: { code: true, gridCellId: true } }) : null,
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
    // only the asset the ticket names: there are far more components than cells
    assets: asset ? [asset] : [],
    places: [
      ...streets.map((s) => ({ kind: 'STREET' as const, name: s.name, aliases: [s.name.replace(/(街道|地区|镇|乡)$/, '')], streetId: s.id, districtId: s.districtId })),
      ...communities.map((c) => ({ kind: 'COMMUNITY' as const, name: c.name, streetId: c.streetId, communityId: c.id, districtId: c.street.districtId })),
    ],
  };
}
