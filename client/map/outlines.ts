import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { NationalGeo } from '../../shared/lib/topo.js';
import { PLAN_LAYERS } from './planLayers.js';
import { HIGHLIGHT_SOURCE, highlightLayer, type HighlightKind } from './style.js';

/** The units outlined on a map: the selected one, the one under the pointer, and the marked ones. */
export interface Outlined {
  selected: string | null;
  hover: string | null;
  marked: string[];
}

/**
 * Draws the outlines of `outlined` from the finest geometry at hand: a drilled-in province's communes first, else
 * the national layer. The outline source and layer are made on the first outline, over the fills and borders and
 * under the plan overlay and the labels, as they were in the style.
 */
export function drawOutlines(map: MapLibreMap, geo: NationalGeo, detail: NationalGeo['communes'] | null, outlined: Outlined): void {
  const { selected, hover, marked } = outlined;
  const find = (code: string) =>
    code.length === 2
      ? geo.provinces.features.find((f) => f.properties.code === code)
      : (detail?.features.find((f) => f.properties.code === code) ?? geo.communes.features.find((f) => f.properties.code === code));
  const wanted: [string, HighlightKind][] = [...marked.map((c): [string, HighlightKind] => [c, 'marked']), ...(hover ? [[hover, 'hover'] as [string, HighlightKind]] : []), ...(selected ? [[selected, 'selected'] as [string, HighlightKind]] : [])];
  const features = wanted.flatMap(([code, kind]) => {
    const f = find(code);
    return f ? [{ type: 'Feature' as const, geometry: f.geometry, properties: { kind } }] : [];
  });
  const source = map.getSource<GeoJSONSource>(HIGHLIGHT_SOURCE);
  if (source) return void source.setData({ type: 'FeatureCollection', features });
  if (!features.length) return;
  map.addSource(HIGHLIGHT_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features } });
  map.addLayer(highlightLayer(), map.getLayer(PLAN_LAYERS.keyCasing) ? PLAN_LAYERS.keyCasing : 'province-labels');
}
