import type { ExpressionSpecification, FeatureIdentifier, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR, NO_DATA_HATCH } from '../../shared/lib/statusClasses.js';

const FONT = ['Noto Sans Regular'];
/** The map's background; also its pane's, until the first colours are shown. */
export const SEA = '#dce8f0';
const LAND = '#f7f5f0';

/** An empty map with self-hosted glyphs: nothing is fetched from the internet. */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    glyphs: `${window.location.origin}/fonts/{fontstack}/{range}.pbf`,
    sources: {},
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': SEA } }],
  };
}

/** Sources whose features carry a colour in feature-state `fill` (null: no data). */
export type FillSource = 'communes' | 'provinces' | 'detail';
export const FILL_SOURCES: readonly FillSource[] = ['communes', 'provinces', 'detail'];

/**
 * The national communes and provinces come as vector tiles cut by the server (the browser only decodes the tiles
 * in view instead of cutting the whole country's GeoJSON in its one worker); a drilled-in province's finer
 * communes stay GeoJSON. Each vector fill source's features are in the source layer of the same name.
 */
const VECTOR_FILLS: readonly FillSource[] = ['communes', 'provinces'];
const TILE_MAX_ZOOM = 10;

export function vectorSource(set: 'communes' | 'provinces', bbox: [number, number, number, number]): SourceSpecification {
  return {
    type: 'vector',
    tiles: [`${window.location.origin}/api/boundaries/tiles/${set}/{z}/{x}/{y}.pbf`],
    maxzoom: TILE_MAX_ZOOM,
    bounds: bbox,
    promoteId: 'code',
  };
}

/** Where a unit's feature-state lives: vector sources need the source layer too. */
export function featureTarget(source: FillSource, id: string): FeatureIdentifier {
  return VECTOR_FILLS.includes(source) ? { source, sourceLayer: source, id } : { source, id };
}

const isOn = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
const hasFill: ExpressionSpecification = ['to-boolean', ['coalesce', ['feature-state', 'fill'], '']];

export const fillLayer = (s: FillSource) => `${s}-fill`;
export const hatchLayer = (s: FillSource) => `${s}-nodata`;

/** Layers that belong to one fill source; shown only while that source is the one coloured. */
export function sourceLayers(s: FillSource): string[] {
  return [fillLayer(s), hatchLayer(s)];
}

export const LAND_LAYER = 'land';

const sourceLayer = (s: FillSource) => (VECTOR_FILLS.includes(s) ? { 'source-layer': s } : {});

const INSTANT = { duration: 0, delay: 0 };

function fillLayers(s: FillSource, shown: boolean): LayerSpecification[] {
  const layout = { visibility: shown ? 'visible' : 'none' } as const;
  return [
    {
      id: fillLayer(s),
      type: 'fill',
      source: s,
      ...sourceLayer(s),
      layout,
      paint: {
        'fill-color': ['coalesce', ['feature-state', 'fill'], NO_DATA_COLOR],
        'fill-opacity': ['case', isOn('hover'), 1, 0.88],
        // Not drawn (grey, as if without data) until MapView writes the first colours.
        'fill-layer-opacity': 0,
        'fill-layer-opacity-transition': INSTANT,
        // Commune borders as the fill's own hairline: no separate line layer to tile and tessellate. Fainter below
        // zoom 4 (a phone's country, two maps stacked), where communes are a few pixels and the hairlines would
        // whiten the map.
        ...(s === 'provinces' ? {} : { 'fill-outline-color': ['interpolate', ['linear'], ['zoom'], 3, 'rgba(255,255,255,0.2)', 4, 'rgba(255,255,255,0.6)'] }),
      },
    },
    {
      id: hatchLayer(s),
      type: 'fill',
      source: s,
      ...sourceLayer(s),
      layout,
      // Layer opacity 0 (not drawn) until some unit has no data (see MapView's recolour), switched without the
      // default 300 ms fade: while fading MapLibre draws the layer off-screen first, and the map is not idle.
      paint: { 'fill-pattern': 'hatch', 'fill-opacity': ['case', hasFill, 0, 1], 'fill-layer-opacity': 0, 'fill-layer-opacity-transition': INSTANT },
    },
  ];
}

/**
 * Outlines of the selected, hovered and marked units, from a small source of their own: a line layer over every
 * commune would make the worker tessellate all borders again just to show one or two. Added on the first outline
 * (see outlines.ts), not with the map: an empty source still costs the first load a worker round trip and tiles.
 */
export const HIGHLIGHT_SOURCE = 'highlight';
export type HighlightKind = 'selected' | 'hover' | 'marked';
export function highlightLayer(): LayerSpecification {
  return {
    id: 'highlight',
    type: 'line',
    source: HIGHLIGHT_SOURCE,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#000000', 'line-width': ['match', ['get', 'kind'], 'selected', 3.5, 'hover', 2, 2.5] },
  };
}
/**
 * The boundary layers. The fill layers of `shown` (the source the map opens on) are visible from the start:
 * making a hidden layer visible makes MapLibre cut all its source's tiles again, so tiles that came before the
 * first colours would be cut twice.
 */
export function boundaryLayers(shown: FillSource): LayerSpecification[] {
  return [
    // The country's land around a drilled-in province; elsewhere the fills cover it (and an unused layer costs no shader at start-up).
    { id: LAND_LAYER, type: 'fill', source: 'communes', 'source-layer': 'outline', layout: { visibility: 'none' }, paint: { 'fill-color': LAND } },
    ...fillLayers('provinces', shown === 'provinces'),
    ...fillLayers('communes', shown === 'communes'),
    ...fillLayers('detail', shown === 'detail'),
    {
      id: 'province-borders',
      type: 'line',
      source: 'communes',
      'source-layer': 'province_borders',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#2b2b2b', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 8, 1.8, 11, 2.6] },
    },
    {
      id: 'coast',
      type: 'line',
      source: 'communes',
      'source-layer': 'outline',
      paint: { 'line-color': '#5b6b78', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 1.4] },
    },
    {
      id: 'province-labels',
      type: 'symbol',
      source: 'province-labels',
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 6, 13, 9, 18],
        'text-max-width': 7,
        'text-padding': 1,
      },
      paint: { 'text-color': '#1d1d1d', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.6 },
    },
    {
      id: 'detail-labels',
      type: 'symbol',
      source: 'detail',
      minzoom: 8.5,
      layout: { visibility: 'none', 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 11, 'text-max-width': 6 },
      paint: { 'text-color': '#222', 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.2 },
    },
    {
      id: 'island-labels',
      type: 'symbol',
      source: 'island-labels',
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 8, 15],
        'text-offset': [0, 1.6],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#14395b', 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.4 },
    },
  ];
}

/**
 * Paint for presentation mode (a washed-out projector): opaque fills and borders about twice as thick.
 * Returns [layer, property, value] for `present` on or off.
 */
export function presentPaint(present: boolean): [string, string, unknown][] {
  const k = present ? 2 : 1;
  const fills = FILL_SOURCES.map((s): [string, string, unknown] => [fillLayer(s), 'fill-opacity', present ? ['case', isOn('hover'), 1, 1] : ['case', isOn('hover'), 1, 0.88]]);
  return [
    ...fills,
    ['province-borders', 'line-width', ['interpolate', ['linear'], ['zoom'], 4, 0.8 * k, 8, 1.8 * k, 11, 2.6 * k]],
    ['province-borders', 'line-color', present ? '#000000' : '#2b2b2b'],
    ['coast', 'line-width', ['interpolate', ['linear'], ['zoom'], 4, 0.6 * k, 9, 1.4 * k]],
    ['coast', 'line-color', present ? '#1f2a33' : '#5b6b78'],
  ];
}

/** Diagonal grey hatching for "no data", drawn as an image so MapLibre can tile it. */
export function hatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [line, ground] = [[...rgb(NO_DATA_HATCH), 255], [...rgb(NO_DATA_COLOR), 255]];
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) data.set((x + y) % size < 2 ? line : ground, (y * size + x) * 4);
  }
  return { width: size, height: size, data };
}
