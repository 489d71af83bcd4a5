import type { FeatureCollection, Point, Position } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { NationalGeo } from '../../shared/lib/topo.js';
import { featureTarget } from './style.js';

/**
 * The key-area / hot-spot overlay. Its own sources, so it stays on whatever fill the map shows
 * (national communes, a province drill-down, the bivariate colours) and never touches their state.
 */
const KEY_AREA_COLOR = '#111111';
export const HOT_SPOT_COLOR = '#c1121f';
export const PLAN_LAYERS = { keyCasing: 'plan-key-casing', key: 'plan-key-areas', hot: 'plan-hot-spots' } as const;
const SOURCES = { key: 'plan-key-areas', hot: 'plan-hot-spots' } as const;

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

function layers(): LayerSpecification[] {
  const width = ['interpolate', ['linear'], ['zoom'], 4, 1.6, 8, 2.6, 11, 3.4] as const;
  return [
    // A white casing under the dashes keeps them readable over dark and light fills alike.
    {
      id: PLAN_LAYERS.keyCasing,
      type: 'line',
      source: SOURCES.key,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-opacity': 0.9, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 3.2, 8, 4.6, 11, 5.8] },
    },
    { id: PLAN_LAYERS.key, type: 'line', source: SOURCES.key, layout: { 'line-join': 'round' }, paint: { 'line-color': KEY_AREA_COLOR, 'line-width': width as never, 'line-dasharray': [2, 1.5] } },
    {
      id: PLAN_LAYERS.hot,
      type: 'circle',
      source: SOURCES.hot,
      paint: {
        'circle-color': HOT_SPOT_COLOR,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 4.5, 8, 7, 11, 9],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
}

/** Adds the overlay's sources and layers under the labels; safe to call again. */
function installPlanLayers(map: MapLibreMap): void {
  if (map.getSource(SOURCES.key)) return;
  map.addSource(SOURCES.key, { type: 'geojson', data: empty() });
  map.addSource(SOURCES.hot, { type: 'geojson', data: empty() });
  const before = map.getLayer('province-labels') ? 'province-labels' : undefined;
  for (const l of layers()) map.addLayer(l, before);
}

/** The vertex mean of a polygon's outer ring that lies inside it, else the ring's first vertex: a marker spot. */
function markerPoint(ring: Position[]): Position {
  const n = ring.length - 1 || 1;
  const [sx, sy] = ring.slice(0, n).reduce(([x, y], p) => [x + p[0], y + p[1]], [0, 0]);
  const c = [sx / n, sy / n];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > c[1] !== yj > c[1] && c[0] < ((xj - xi) * (c[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? c : ring[0];
}

/** The largest outer ring of a (multi)polygon, by vertex count: enough to place one marker. */
function mainRing(g: NationalGeo['communes']['features'][number]['geometry']): Position[] {
  const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
  return rings.reduce((a, b) => (b.length > a.length ? b : a));
}

export function setPlanOverlay(map: MapLibreMap, geo: NationalGeo, keyAreas: ReadonlySet<string>, hotSpots: ReadonlySet<string>, visible: boolean): void {
  // Never shown yet: nothing to hide, and no commune geometry to decode while the map starts.
  if (!visible && !map.getSource(SOURCES.key)) return;
  installPlanLayers(map);
  const features = geo.communes.features;
  void (map.getSource(SOURCES.key) as GeoJSONSource).setData({ type: 'FeatureCollection', features: features.filter((f) => keyAreas.has(f.properties.code)) });
  const points: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: features
      .filter((f) => hotSpots.has(f.properties.code))
      .map((f) => ({ type: 'Feature', properties: { code: f.properties.code }, geometry: { type: 'Point', coordinates: markerPoint(mainRing(f.geometry)) } })),
  };
  void (map.getSource(SOURCES.hot) as GeoJSONSource).setData(points);
  for (const id of Object.values(PLAN_LAYERS)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}

/** Row hover in the worklist lights the commune as a map hover does (feature-state `hover`). */
export function setListHover(map: MapLibreMap, code: string | null, previous: string | null): void {
  for (const source of ['communes', 'detail'] as const) {
    if (!map.getSource(source)) continue;
    if (previous) map.setFeatureState(featureTarget(source, previous), { hover: false });
    if (code) map.setFeatureState(featureTarget(source, code), { hover: true });
  }
}

/** Bounding box of one commune of the national layer, to fly to it. */
export function communeBounds(geo: NationalGeo, code: string): [number, number, number, number] | null {
  const f = geo.communes.features.find((x) => x.properties.code === code);
  if (!f) return null;
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b;
}
