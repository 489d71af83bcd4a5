import type { Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { bboxOfGeometry } from '../../shared/lib/bbox.js';
import { tapZoom } from '../lib/tapZoom.js';
import type { CommuneProps } from '../../shared/lib/topo.js';
import type { ViewState } from '../../shared/domain/view.js';
import { FILL_SOURCES, featureTarget, fillLayer, type FillSource } from './style.js';

export interface HoverInfo {
  kind: 'commune' | 'province';
  code: string;
  name: string;
  type: string | null;
  provinceCode: string;
  x: number;
  y: number;
}

interface Handlers {
  /** False until the boundary layers are in the style. */
  loaded: () => boolean;
  onHover: (h: HoverInfo | null) => void;
  onSelect: (kind: 'commune' | 'province', code: string | null) => void;
  onMove?: (at: NonNullable<ViewState['at']>) => void;
  /** The unit under the pointer changed (its outline is drawn). */
  onHoverCode: (code: string | null) => void;
}

const FILL_LAYERS = FILL_SOURCES.map(fillLayer);
/** How far from a fingertip's point a unit counts as under it (half a fingertip, in CSS pixels). */
const TOUCH_SLOP_PX = 12;

/**
 * The pointer and the keyboard on a map: hover (feature-state and outline), click or Enter to select, and the
 * unit under the centre shown as hovered while the map has the focus (the arrows and +/− move it, MapLibre's own).
 */
export function bindInteraction(map: MapLibreMap, h: Handlers): void {
  const canvas = map.getCanvas();
  const unitAt = (x: number, y: number) => (h.loaded() ? (map.queryRenderedFeatures([x, y], { layers: FILL_LAYERS })[0] ?? null) : null);
  const unitNear = (x: number, y: number) => map.queryRenderedFeatures([[x - TOUCH_SLOP_PX, y - TOUCH_SLOP_PX], [x + TOUCH_SLOP_PX, y + TOUCH_SLOP_PX]], { layers: FILL_LAYERS })[0] ?? null;
  const centre = () => {
    const { clientWidth: w, clientHeight: ht } = canvas;
    return { f: unitAt(w / 2, ht / 2), x: w / 2, y: ht / 2 };
  };
  const select = (f: MapGeoJSONFeature | null) => {
    if (!f) return h.onSelect('commune', null);
    h.onSelect(f.source === 'provinces' ? 'province' : 'commune', f.properties.code as string);
  };

  let hovered: { source: FillSource; code: string } | null = null;
  const setHover = (f: MapGeoJSONFeature | null, x = 0, y = 0) => {
    const code = (f?.properties.code as string | undefined) ?? null;
    const src = (f?.source as FillSource | undefined) ?? null;
    if (hovered?.code !== code || hovered?.source !== src) {
      if (hovered) map.setFeatureState(featureTarget(hovered.source, hovered.code), { hover: false });
      if (code && src) map.setFeatureState(featureTarget(src, code), { hover: true });
      hovered = code && src ? { source: src, code } : null;
      h.onHoverCode(code);
    }
    canvas.style.cursor = code ? 'pointer' : '';
    if (!f || !code) return h.onHover(null);
    const p = f.properties as Partial<CommuneProps> & { code: string; name: string };
    const isProvince = src === 'provinces';
    h.onHover({ kind: isProvince ? 'province' : 'commune', code, name: p.name, type: isProvince ? null : (p.type ?? null), provinceCode: isProvince ? code : (p.province_code ?? ''), x, y });
  };

  canvas.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    const { f } = centre();
    if (f) select(f);
  });
  canvas.addEventListener('blur', () => setHover(null));
  map.on('mousemove', (e) => {
    if (h.loaded()) setHover(unitAt(e.point.x, e.point.y), e.point.x, e.point.y);
  });
  map.on('mouseout', () => setHover(null));
  map.on('click', (e) => {
    const f = h.loaded() ? unitAt(e.point.x, e.point.y) : null;
    const touch = isTouch(e);
    // A finger on a city, whose sub-pixel wards a point query misses at the national zoom, or just off a coast: a
    // unit under the fingertip, only to zoom in around it, never to select it.
    const near = !f && touch && h.loaded() ? unitNear(e.point.x, e.point.y) : null;
    const target = f ?? near;
    const zoom = target && touch ? tapZoom(screenSize(map, target), map.getZoom(), map.getMaxZoom()) : null;
    if (zoom === null) return select(f);
    setHover(null);
    map.easeTo({ center: e.lngLat, zoom });
  });
  map.on('moveend', () => {
    if (document.activeElement === canvas) {
      const { f, x, y } = centre();
      setHover(f, x, y);
    }
    const c = map.getCenter();
    h.onMove?.({ zoom: map.getZoom(), lat: c.lat, lng: c.lng });
  });
}

const isTouch = (e: MapMouseEvent) => (e.originalEvent as PointerEvent).pointerType === 'touch';

/** The larger side of a unit's extent on screen, in CSS pixels. */
function screenSize(map: MapLibreMap, f: MapGeoJSONFeature): number {
  const g = f.geometry;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return Infinity;
  const [w, s, e, n] = bboxOfGeometry(g);
  const a = map.project([w, n]);
  const b = map.project([e, s]);
  return Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
}
