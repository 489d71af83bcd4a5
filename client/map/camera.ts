import { LngLat, type Map as MapLibreMap } from 'maplibre-gl';
import type { BBox } from '../../shared/lib/bbox.js';
import type { ViewState } from '../../shared/domain/view.js';
import type { Padding } from '../../shared/export/frame.js';
import { PHONE_QUERY } from '../state/useMedia.js';
import { coverMove } from './coverMove.js';
import { legendClearPadding, PRESENT_LEGEND_CORNER } from './fitPadding.js';

/** What the camera reads of the map's props when it acts. */
interface CameraView {
  map: MapLibreMap | null;
  name: string;
  /** The whole extent (the country). */
  bbox: BBox;
  /** The province drilled into. */
  drilled: BBox | null;
  present: boolean;
  /** The view's own position. */
  at: ViewState['at'] | null;
}

/**
 * Where the map looks: fits of the country or the drilled-in province (clear of the legend), the view's own
 * position when it has one, a fitted map fitted again when its size changes, and the padding of the panels over it
 * (coverMove.ts says how the map moves). One per MapView, for the maps it makes in turn.
 */
export function mapCamera(view: () => CameraView) {
  /** When the fit under way ends: a panel opening meanwhile fits the map again rather than stopping it. */
  let fitEnds = 0;
  /** Where and when the map was last tapped or clicked. */
  let lastTap: { lngLat: LngLat; at: number } | null = null;
  /** The camera the last fit of the whole extent gave (null once the view has its own position). */
  let fitted: { lng: number; lat: number; zoom: number } | null = null;

  /** The country, or the drilled-in province; in presentation mode clear of the large legend on the left. */
  const fit = (map: MapLibreMap, duration: number) => {
    const v = view();
    const extent = v.drilled ?? v.bbox;
    const padding = clearOfLegend(roomOf(map), v.name, extent, 30, v.present);
    fitEnds = performance.now() + duration;
    const target = map.cameraForBounds(extent, { padding });
    fitted = target?.center ? { ...LngLat.convert(target.center), zoom: target.zoom ?? map.getZoom() } : null;
    map.fitBounds(extent, { padding, duration });
  };
  const isFitted = (map: MapLibreMap) => {
    if (!fitted) return false;
    const c = cameraOf(map);
    return Math.abs(c.lng - fitted.lng) < 1e-7 && Math.abs(c.lat - fitted.lat) < 1e-7 && Math.abs(c.zoom - fitted.zoom) < 1e-7;
  };

  /** The panels over the map hide `bottom` and `right` pixels of it: they become its padding. */
  const keepClearOf = (bottom: number, right: number) => {
    const map = view().map;
    if (!map) return;
    // A flight under way (a search result's, a worklist row's) is not cut short: the padding follows when it lands,
    // a frame later (a jump that stopped it is then done, and not undone by an ease from where it was stopped).
    if (map.isMoving() && performance.now() >= fitEnds) return void map.once('moveend', () => requestAnimationFrame(() => keepClearOf(bottom, right)));
    const padding = { top: 0, left: 0, bottom, right };
    const was = map.getPadding();
    const tap = lastTap && performance.now() - lastTap.at < 2000 ? lastTap.lngLat : null;
    lastTap = null;
    const fittedNow = isFitted(map) || performance.now() < fitEnds;
    const move = coverMove({ bottom: was.bottom ?? 0, right: was.right ?? 0 }, { bottom, right }, { fitted: fittedNow, drilled: !!view().drilled, tapped: !!tap });
    if (move === 'keep') {
      const { clientWidth: w, clientHeight: h } = map.getCanvas();
      map.jumpTo({ padding, center: map.unproject([(w - right) / 2, (h - bottom) / 2]) });
      fitted = cameraOf(map);
    } else if (move === 'refit') {
      map.setPadding(padding);
      fit(map, 300);
    } else if (move !== 'none') map.easeTo({ padding, duration: 300, ...(move === 'ease-to-tap' && tap ? { center: tap } : {}) });
  };

  return {
    /** A new map, fitted unless `opened` on a position of its own (the URL's); fitted again when its pane's size changes. */
    attach(map: MapLibreMap, opened: boolean) {
      const el = map.getContainer();
      fitted = opened ? null : cameraOf(map);
      // The pane's size changes after the map is made (the key figures arriving, the header wrapping, presentation
      // mode's cards): a map still on the view it was fitted to is fitted again, not left cut at its edges.
      // (Only when the size changed: an export's change of pixel ratio is a resize too, of a map meant to stay put.)
      let size = [el.clientWidth, el.clientHeight];
      map.on('resize', () => {
        const next = [el.clientWidth, el.clientHeight];
        if (next[0] === size[0] && next[1] === size[1]) return;
        size = next;
        if (isFitted(map)) fit(map, 0);
      });
      map.on('click', (e) => (lastTap = { lngLat: e.lngLat, at: performance.now() }));
    },
    /** The view's own position wins over fitting, when it has one. */
    fitOrKeep(duration: number) {
      const { map, at } = view();
      if (!map) return;
      if (at) map.jumpTo({ center: [at.lng, at.lat], zoom: at.zoom });
      else fit(map, duration);
    },
    keepClearOf,
  };
}

/**
 * Padding that fits `extent` clear of the legend in the map's bottom-left corner where there is room; the plain
 * margin for the print map (no legend on it) and on a phone (the legend folded to its title).
 */
export function clearOfLegend(room: { width: number; height: number }, name: string, extent: BBox, margin: number, present = false): number | Padding {
  if (name === 'print' || window.matchMedia(PHONE_QUERY).matches) return margin;
  return legendClearPadding(extent, room, margin, present ? PRESENT_LEGEND_CORNER : undefined);
}

/** The room a fit has: the map less its own padding (the panels over it). */
function roomOf(map: MapLibreMap): { width: number; height: number } {
  const el = map.getContainer();
  const p = map.getPadding();
  return { width: el.clientWidth - (p.left ?? 0) - (p.right ?? 0), height: el.clientHeight - (p.top ?? 0) - (p.bottom ?? 0) };
}

const cameraOf = (map: MapLibreMap) => ({ ...map.getCenter(), zoom: map.getZoom() });
