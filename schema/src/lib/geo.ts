// Geometry on WGS-84 longitude/latitude: point in polygon and distances. Plain functions.

/** A point as GeoJSON orders it: longitude first. */
export type LngLat = readonly [lng: number, lat: number];
/** A GeoJSON position (may carry an altitude, which is ignored). */
export type Position = readonly number[];
/** A GeoJSON Polygon: the outer ring, then holes. */
export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: readonly (readonly Position[])[];
}
/** A GeoJSON MultiPolygon (a grid cell split by a road or river). */
export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: readonly (readonly (readonly Position[])[])[];
}

// ~0.1 mm at Beijing's latitude: absorbs floating-point error for points digitised onto a shared
// border, far below any real positioning accuracy
const EDGE_TOLERANCE_DEG = 1e-9;

/**
 * Whether a point lies in a polygon (ray casting; holes excluded; a point on any edge or vertex —
 * including a hole's — counts as inside, so a point on a border between cells is never lost). The point
 * and the polygon must use the same datum: WGS-84 (phone GPS) and GCJ-02 (Chinese web maps) differ by
 * several hundred metres in Beijing, enough to land in the wrong cell; no conversion happens here.
 */
export function pointInPolygon(point: LngLat, polygon: GeoJsonPolygon | GeoJsonMultiPolygon): boolean {
  const [x, y] = point;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const polygons = polygon.type === 'Polygon' ? [polygon.coordinates] : polygon.coordinates;
  return polygons.some((rings) => inSinglePolygon(x, y, rings));
}

function inSinglePolygon(x: number, y: number, rings: readonly (readonly Position[])[]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || outer.length < 3) return false;
  if (rings.some((ring) => onRing(x, y, ring))) return true;
  return rayInside(x, y, outer) && !holes.some((hole) => hole.length >= 3 && rayInside(x, y, hole));
}

function vertex(ring: readonly Position[], i: number): [number, number] {
  const p = ring[i];
  return [p?.[0] ?? Number.NaN, p?.[1] ?? Number.NaN];
}

// GeoJSON rings repeat the first vertex at the end; walking (i-1 → i) with wrap-around handles both
// closed and unclosed rings (the repeated vertex only adds a zero-length edge)
function rayInside(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = vertex(ring, i);
    const [xj, yj] = vertex(ring, j);
    if (yi > y !== yj > y && x < xj + ((y - yj) * (xi - xj)) / (yi - yj)) inside = !inside;
  }
  return inside;
}

function onRing(x: number, y: number, ring: readonly Position[]): boolean {
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = vertex(ring, j);
    const [bx, by] = vertex(ring, i);
    const len = Math.hypot(bx - ax, by - ay);
    if (len === 0) {
      if (Math.hypot(x - ax, y - ay) <= EDGE_TOLERANCE_DEG) return true;
      continue;
    }
    const distance = Math.abs((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / len;
    if (
      distance <= EDGE_TOLERANCE_DEG
      && x >= Math.min(ax, bx) - EDGE_TOLERANCE_DEG && x <= Math.max(ax, bx) + EDGE_TOLERANCE_DEG
      && y >= Math.min(ay, by) - EDGE_TOLERANCE_DEG && y <= Math.max(ay, by) + EDGE_TOLERANCE_DEG
    ) return true;
  }
  return false;
}


const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres between two points (haversine; well within a metre at city scale). */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
