// Grid cells for the demo data: four squares in a 2×2 block around a community's centroid.
// Metres to degrees near Beijing's latitude (about 40° N).
const M_PER_DEG_LAT = 110_950;
const mPerDegLng = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

type Point = [number, number];

/** One generated cell: its centroid, a closed GeoJSON Polygon, and two inner points for assets. */
export interface GeneratedCell {
  centroid: Point;
  polygon: { type: 'Polygon'; coordinates: Point[][] };
  corners: Point[];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Four `side`-metre squares meeting at `center`, numbered NW, NE, SW, SE. */
export function gridCellsAround(center: Point, side = 140): GeneratedCell[] {
  const [lng0, lat0] = center;
  const dLng = side / mPerDegLng(lat0);
  const dLat = side / M_PER_DEG_LAT;
  const origins: Point[] = [
    [lng0 - dLng, lat0], [lng0, lat0],
    [lng0 - dLng, lat0 - dLat], [lng0, lat0 - dLat],
  ];
  return origins.map(([west, south]) => {
    const ring: Point[] = [
      [west, south], [west + dLng, south], [west + dLng, south + dLat], [west, south + dLat], [west, south],
    ].map(([x, y]) => [round(x!), round(y!)] as Point);
    return {
      centroid: [round(west + dLng / 2), round(south + dLat / 2)],
      polygon: { type: 'Polygon', coordinates: [ring] },
      corners: [
        [round(west + dLng * 0.25), round(south + dLat * 0.3)],
        [round(west + dLng * 0.7), round(south + dLat * 0.75)],
      ],
    };
  });
}
