import { Map as MapLibreMap, prewarm, setWorkerUrl, type PaddingOptions, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { NationalIndex } from '../../shared/lib/topo.js';
import type { ViewState } from '../../shared/domain/view.js';
import { skipHiddenFrames } from './hiddenFrames.js';
import { baseStyle, boundaryLayers, hatchImage, vectorSource, type FillSource } from './style.js';

setWorkerUrl(workerUrl);
// The worker starts loading now, while the page fetches its data, rather than when the first map is made.
prewarm();

export const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

interface Options {
  container: HTMLElement;
  index: NationalIndex;
  bbox: [number, number, number, number];
  /** The view's own position; else the map fits the country with `padding`. */
  opening: ViewState['at'];
  padding: number | PaddingOptions;
  /** The map's name for a screen reader. */
  label: string;
}

/** A MapLibre map of the empty style, for the keyboard (no rotation) and a screen reader. */
export function createMap({ container, index, bbox, opening, padding, label }: Options): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: withLabels(baseStyle(), index),
    ...(opening ? { center: [opening.lng, opening.lat] as [number, number], zoom: opening.zoom } : { bounds: bbox, fitBoundsOptions: { padding } }),
    attributionControl: false,
    // No copy of every frame for a later read (software WebGL pays it on each frame of the first load): exports
    // draw a frame and read it in the same task (export/capture.ts).
    canvasContextAttributes: { preserveDrawingBuffer: false },
    dragRotate: false,
    // Labels appear at once: a fade-in (300 ms by default) would hold the map from being idle, i.e. ready.
    fadeDuration: 0,
    maxZoom: 14,
    minZoom: 3,
  });
  skipHiddenFrames(map, container);
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  const canvas = map.getCanvas();
  canvas.setAttribute('aria-label', label);
  canvas.setAttribute('aria-roledescription', 'bản đồ');
  return map;
}

const LABEL_LAYERS = ['province-labels', 'island-labels'];

/**
 * The province and island names from the start: their GeoJSON is loaded by the worker as the style loads, and their
 * glyphs asked for while the communes' tiles are on their way, not after the worker has cut them.
 */
function withLabels(style: StyleSpecification, index: NationalIndex): StyleSpecification {
  const layers = boundaryLayers('communes').filter((l) => LABEL_LAYERS.includes(l.id));
  return {
    ...style,
    sources: { ...style.sources, 'province-labels': { type: 'geojson', data: index.provinceLabels }, 'island-labels': { type: 'geojson', data: index.islandLabels } },
    layers: [...style.layers, ...layers],
  };
}

/** The boundary sources and layers, once the style is loaded; `shown`: the fill source the map opens on. */
export function addBoundaries(map: MapLibreMap, bbox: [number, number, number, number], shown: FillSource): void {
  map.addImage('hatch', hatchImage(), { pixelRatio: 2 });
  // Vector tiles (borders and coast included); MapLibre loads the provinces' only while they are shown.
  map.addSource('communes', vectorSource('communes', bbox));
  map.addSource('provinces', vectorSource('provinces', bbox));
  map.addSource('detail', { type: 'geojson', data: EMPTY, promoteId: 'code' });
  // Each layer in its place among the names already there (boundaryLayers' order).
  const all = boundaryLayers(shown);
  all.forEach((layer, i) => {
    if (LABEL_LAYERS.includes(layer.id)) return;
    const next = all.slice(i + 1).find((l) => LABEL_LAYERS.includes(l.id));
    map.addLayer(layer, next?.id);
  });
}
