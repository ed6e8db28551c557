import { type Component, createMemo, For, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';

export interface MapCell {
  code: string;
  name: string;
  /** GeoJSON Polygon geometry as JSON text, [lng, lat] positions; null when unknown */
  polygon: string | null;
  href: string;
}

export interface MapPoint {
  code: string;
  label: string;
  lng: number;
  lat: number;
}

interface GridMapProps {
  cells: MapCell[];
  /** the cell on show, drawn stronger */
  current?: string;
  points?: MapPoint[];
  label: string;
}

type Ring = [number, number][];

const WIDTH = 640;
const PAD = 24;

function outerRing(polygon: string | null): Ring | null {
  if (!polygon) return null;
  try {
    const geometry = JSON.parse(polygon) as { type?: string; coordinates?: Ring[] };
    const ring = geometry.type === 'Polygon' ? geometry.coordinates?.[0] : undefined;
    return ring && ring.length >= 3 ? ring : null;
  } catch {
    return null;
  }
}

/**
 * A sketch of grid cells (and city components in them) from their boundaries: an equirectangular
 * projection scaled by cos(latitude), which is true enough over a few hundred metres. Not a map
 * with streets; it shows how the cells of a community lie and lets one click into a cell.
 */
export const GridMap: Component<GridMapProps> = (props) => {
  const layout = createMemo(() => {
    const cells = props.cells.flatMap((cell) => {
      const ring = outerRing(cell.polygon);
      return ring ? [{ ...cell, ring }] : [];
    });
    if (cells.length === 0) return null;
    const positions = [...cells.flatMap((cell) => cell.ring), ...(props.points ?? []).map((p): [number, number] => [p.lng, p.lat])];
    const lngs = positions.map((p) => p[0]);
    const lats = positions.map((p) => p[1]);
    const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
    const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const scale = (WIDTH - 2 * PAD) / Math.max((maxLng - minLng) * k, 1e-9);
    const height = Math.max((maxLat - minLat) * scale + 2 * PAD, 120);
    const x = (lng: number) => PAD + (lng - minLng) * k * scale;
    const y = (lat: number) => PAD + (maxLat - lat) * scale;
    return {
      height,
      cells: cells.map((cell) => {
        const xs = cell.ring.map((p) => x(p[0]));
        const ys = cell.ring.map((p) => y(p[1]));
        return {
          ...cell,
          points: cell.ring.map((p) => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' '),
          labelX: (Math.min(...xs) + Math.max(...xs)) / 2,
          labelY: (Math.min(...ys) + Math.max(...ys)) / 2,
        };
      }),
      points: (props.points ?? []).map((point) => ({ ...point, x: x(point.lng), y: y(point.lat) })),
    };
  });

  return (
    <Show when={layout()}>
      {(map) => (
        <figure class="grid-map">
          <svg viewBox={`0 0 ${WIDTH} ${map().height.toFixed(0)}`} role="img" aria-label={props.label} data-testid="grid-map">
            <For each={map().cells}>
              {(cell) => (
                <g class="grid-map-cell" classList={{ 'grid-map-cell-current': cell.code === props.current }}>
                  {/* an SVG <a>, not the router's <A> (an HTML element would not render here); the router
                      still handles the click: it reads SVG hrefs too */}
                  <a href={cell.href} aria-label={cell.name}>
                    <title>{cell.name}</title>
                    <polygon points={cell.points} />
                    <text x={cell.labelX} y={cell.labelY} text-anchor="middle" dominant-baseline="central">
                      {Number(cell.code.slice(-2))}
                    </text>
                  </a>
                </g>
              )}
            </For>
            <For each={map().points}>
              {(point) => (
                <g class="grid-map-point">
                  <circle cx={point.x} cy={point.y} r="7">
                    <title>{point.label}</title>
                  </circle>
                </g>
              )}
            </For>
          </svg>
          <figcaption class="grid-map-caption">
            <span>{t('org.mapCaption')}</span>
            <Show when={(props.points ?? []).length > 0}>
              <span class="grid-map-legend">
                <span class="legend-dot" aria-hidden="true" />
                {t('org.mapLegendAsset')}
              </span>
            </Show>
          </figcaption>
        </figure>
      )}
    </Show>
  );
};
