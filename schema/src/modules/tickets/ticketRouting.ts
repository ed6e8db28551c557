// Routing a ticket to its grid cell, street and district (plain functions over a loaded index).
import { type GeoJsonMultiPolygon, type GeoJsonPolygon, type LngLat, pointInPolygon } from '../../lib/geo.ts';
import { normalizeText } from '../../lib/keywords.ts';

/** A grid cell as routing sees it. */
export interface RoutingCell {
  id: string;
  code: string;
  communityId: string;
  streetId: string;
  districtId: string;
  polygon: GeoJsonPolygon | GeoJsonMultiPolygon | null;
  centroid: LngLat | null;
}

// plain code-unit order, not localeCompare: the same on every machine and ICU version
const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The grid cell containing the point, the first by code when borders overlap, else null. Cells with
 * only a centroid never match: guessing the nearest centroid would silently hand a border ticket to the
 * wrong street, and the district dispatcher is the safe fallback.
 */
export function routeByLocation<C extends RoutingCell>(point: LngLat, cells: readonly C[]): C | null {
  const hits = cells.filter((c) => c.polygon !== null && pointInPolygon(point, c.polygon));
  return hits.sort(byCode)[0] ?? null;
}

/** A street or community name (with its short forms) for the address fallback. */
export interface RoutingPlace {
  kind: 'STREET' | 'COMMUNITY';
  /** e.g. 鲁谷街道, 广外南里社区 */
  name: string;
  /** other spellings found in addresses, e.g. 鲁谷 */
  aliases?: readonly string[];
  streetId: string;
  communityId?: string | null;
  districtId: string;
}

/** Everything `routeTicket` looks things up in. */
export interface RoutingIndex {
  cells: readonly RoutingCell[];
  /** city assets (城市部件) and the cell each sits in */
  assets: readonly { code: string; gridCellId: string }[];
  places: readonly RoutingPlace[];
  /** the district whose dispatcher receives tickets that match nothing (null: the city-level pool) */
  defaultDistrictId?: string | null;
}

/** What a ticket says about where it is. */
export interface RoutingInput {
  point?: LngLat | null;
  gridCellCode?: string | null;
  assetCode?: string | null;
  address?: string | null;
}

/** Which input placed the ticket. */
export type RoutingSource = 'GRID_CELL_CODE' | 'COORDINATES' | 'ASSET_CODE' | 'ADDRESS';

/** Where a ticket goes; `unmatched` lists inputs that were given but found nothing (for typed errors). */
export type RouteResult =
  | { kind: 'GRID_CELL'; via: 'GRID_CELL_CODE' | 'COORDINATES' | 'ASSET_CODE'; cellId: string; communityId: string; streetId: string; districtId: string; unmatched: RoutingSource[] }
  | { kind: 'ADDRESS_MATCH'; streetId: string; communityId: string | null; districtId: string; matched: string; unmatched: RoutingSource[] }
  | { kind: 'DISTRICT_DISPATCHER'; districtId: string | null; unmatched: RoutingSource[] };

// shorter names match too much of an address (a one-character alias would match half the city)
const MIN_PLACE_NAME_LENGTH = 2;

/**
 * Routes a ticket, in order of trust: the grid cell code (filled in by a grid worker standing in the
 * cell) > coordinates (device GPS, can be off near a border) > asset code (typed from a plate by hand)
 * > address text (the longest street or community name it contains; a community wins a tie as the more
 * specific) > the district dispatcher. An input that finds nothing falls through and is reported in
 * `unmatched`, so the resolver can decide whether that is a typed error.
 */
export function routeTicket(input: RoutingInput, index: RoutingIndex): RouteResult {
  const unmatched: RoutingSource[] = [];
  const cellResult = (cell: RoutingCell, via: 'GRID_CELL_CODE' | 'COORDINATES' | 'ASSET_CODE'): RouteResult => ({
    kind: 'GRID_CELL', via, cellId: cell.id, communityId: cell.communityId, streetId: cell.streetId, districtId: cell.districtId, unmatched,
  });

  const code = input.gridCellCode?.trim().toUpperCase();
  if (code) {
    const cell = [...index.cells].sort(byCode).find((c) => c.code.trim().toUpperCase() === code);
    if (cell) return cellResult(cell, 'GRID_CELL_CODE');
    unmatched.push('GRID_CELL_CODE');
  }
  if (input.point) {
    const cell = routeByLocation(input.point, index.cells);
    if (cell) return cellResult(cell, 'COORDINATES');
    unmatched.push('COORDINATES');
  }
  const assetCode = input.assetCode?.replace(/\s+/g, '');
  if (assetCode) {
    const asset = index.assets.find((a) => a.code === assetCode);
    const cell = asset && index.cells.find((c) => c.id === asset.gridCellId);
    if (cell) return cellResult(cell, 'ASSET_CODE');
    unmatched.push('ASSET_CODE');
  }
  const address = input.address ? normalizeText(input.address).replace(/\s+/g, '') : '';
  if (address) {
    const match = matchAddress(address, index.places);
    if (match) {
      return {
        kind: 'ADDRESS_MATCH', streetId: match.place.streetId, communityId: match.place.communityId ?? null,
        districtId: match.place.districtId, matched: match.name, unmatched,
      };
    }
    unmatched.push('ADDRESS');
  }
  return { kind: 'DISTRICT_DISPATCHER', districtId: index.defaultDistrictId ?? null, unmatched };
}

function matchAddress(address: string, places: readonly RoutingPlace[]): { place: RoutingPlace; name: string } | null {
  let best: { place: RoutingPlace; name: string } | null = null;
  for (const place of places) {
    for (const raw of [place.name, ...(place.aliases ?? [])]) {
      const name = normalizeText(raw).replace(/\s+/g, '');
      if (name.length < MIN_PLACE_NAME_LENGTH || !address.includes(name)) continue;
      if (!best || isBetterMatch(place, name, best)) best = { place, name };
    }
  }
  return best;
}

function isBetterMatch(place: RoutingPlace, name: string, best: { place: RoutingPlace; name: string }): boolean {
  if (name.length !== best.name.length) return name.length > best.name.length;
  if (place.kind !== best.place.kind) return place.kind === 'COMMUNITY';
  const id = place.communityId ?? place.streetId;
  const bestId = best.place.communityId ?? best.place.streetId;
  return id < bestId; // deterministic whatever order the index lists places in
}
