import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Until its first colours the map's canvas is hidden (`data-map-shown="false"`, styles.css), yet MapLibre draws a
 * frame each time a tile, the glyphs or a label tile arrive: 11–12 a first load, each rasterized by a software GPU
 * for nothing (~50 ms of CPU apiece on the test machines; alternating loads, 12 rounds: 1,793 → 1,648 ms, CPU
 * 3.63 → 3.12 s). Those frames are skipped until every source is loaded, and the first frame drawn is whole.
 * MapLibre has no public switch for this: the wrapper goes on its painter's render, and a MapLibre without one
 * draws every frame as before (map.e2e counts the frames drawn, so an upgrade that loses this is seen).
 */
export function skipHiddenFrames(map: MapLibreMap, container: HTMLElement): void {
  const painter = (map as unknown as { painter?: { render?: (...args: unknown[]) => void } }).painter;
  if (typeof painter?.render !== 'function') return;
  const render = painter.render.bind(painter);
  painter.render = (...args: unknown[]) => {
    if (container.dataset.mapShown === 'false' && !map.loaded()) return;
    render(...args);
  };
}
