import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR, NO_DATA_HATCH, STATUS_COLORS } from '../lib/statusClasses.js';

export const FONT = ['Noto Sans Regular'];
const SEA = '#dce8f0';
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

const statusColor: ExpressionSpecification = [
  'match',
  ['coalesce', ['feature-state', 'status'], 'none'],
  'dat', STATUS_COLORS.dat,
  'chua_dat', STATUS_COLORS.chua_dat,
  'chua_danh_gia', STATUS_COLORS.chua_danh_gia,
  NO_DATA_COLOR,
];
const hasStatus: ExpressionSpecification = ['to-boolean', ['coalesce', ['feature-state', 'status'], '']];
const isOn = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

/** Layer ids in drawing order. */
export const LAYERS = {
  land: 'land',
  fill: 'communes-fill',
  hatch: 'communes-nodata-hatch',
  communeLines: 'commune-borders',
  provinceLines: 'province-borders',
  coast: 'coast',
  highlight: 'communes-highlight',
  provinceLabels: 'province-labels',
  islandLabels: 'island-labels',
} as const;

export function boundaryLayers(): LayerSpecification[] {
  return [
    { id: LAYERS.land, type: 'fill', source: 'outline', paint: { 'fill-color': LAND } },
    {
      id: LAYERS.fill,
      type: 'fill',
      source: 'communes',
      paint: { 'fill-color': statusColor, 'fill-opacity': ['case', isOn('hover'), 1, 0.88] },
    },
    {
      id: LAYERS.hatch,
      type: 'fill',
      source: 'communes',
      paint: { 'fill-pattern': 'hatch', 'fill-opacity': ['case', hasStatus, 0, 1] },
    },
    {
      id: LAYERS.communeLines,
      type: 'line',
      source: 'commune-borders',
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.15, 7, 0.5, 10, 1.2],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.35, 8, 0.9],
      },
    },
    {
      id: LAYERS.provinceLines,
      type: 'line',
      source: 'province-borders',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#2b2b2b', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 8, 1.8, 11, 2.6] },
    },
    {
      id: LAYERS.coast,
      type: 'line',
      source: 'outline',
      paint: { 'line-color': '#5b6b78', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 1.4] },
    },
    {
      id: LAYERS.highlight,
      type: 'line',
      source: 'communes',
      paint: {
        'line-color': ['case', isOn('selected'), '#000000', '#1a1a1a'],
        'line-width': ['case', isOn('selected'), 3, isOn('hover'), 2, 0],
        'line-opacity': ['case', ['any', isOn('selected'), isOn('hover')], 1, 0],
      },
    },
    {
      id: LAYERS.provinceLabels,
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
      id: LAYERS.islandLabels,
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
