import type { MultiPolygon, Polygon } from 'geojson';

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/** Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa): on every exported map. */
export const ARCHIPELAGO_CODES = ['20333', '22736'] as const;

export function bboxOfGeometry(g: Polygon | MultiPolygon): BBox {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygons)
    for (const ring of poly)
      for (const [x, y] of ring) {
        w = Math.min(w, x);
        s = Math.min(s, y);
        e = Math.max(e, x);
        n = Math.max(n, y);
      }
  return [w, s, e, n];
}

export const contains = (outer: BBox, inner: BBox) => inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

/** An inset is needed unless the view shows every archipelago whole. */
export function needsInset(view: BBox, archipelagos: readonly BBox[]): boolean {
  return !archipelagos.every((b) => contains(view, b));
}

/**
 * The part of `view` where there is something to see (`content`): a view zoomed out past the country prints as the
 * country, a view zoomed in prints as itself. Boxes that do not meet give the view.
 */
export function intersectBBox(view: BBox, content: BBox): BBox {
  const out: BBox = [Math.max(view[0], content[0]), Math.max(view[1], content[1]), Math.min(view[2], content[2]), Math.min(view[3], content[3])];
  return out[0] < out[2] && out[1] < out[3] ? out : view;
}

/** The union of the boxes, grown by `pad` degrees on each side. */
export function unionBBox(boxes: readonly BBox[], pad = 0): BBox {
  return [
    Math.min(...boxes.map((b) => b[0])) - pad,
    Math.min(...boxes.map((b) => b[1])) - pad,
    Math.max(...boxes.map((b) => b[2])) + pad,
    Math.max(...boxes.map((b) => b[3])) + pad,
  ];
}

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

export interface InsetProjection {
  /** Size of the inset's map area, pixels (aspect of the frame in Web Mercator, fitted in maxW × maxH). */
  width: number;
  height: number;
  project: (lng: number, lat: number) => [number, number];
}

/** Web Mercator, like the main map, fitting `frame` into at most maxW × maxH pixels. */
export function insetProjection(frame: BBox, maxW: number, maxH: number): InsetProjection {
  const dx = ((frame[2] - frame[0]) * Math.PI) / 180;
  const dy = mercY(frame[3]) - mercY(frame[1]);
  const k = Math.min(maxW / dx, maxH / dy);
  const width = Math.round(dx * k);
  const height = Math.round(dy * k);
  return {
    width,
    height,
    project: (lng, lat) => [(((lng - frame[0]) * Math.PI) / 180) * k, (mercY(frame[3]) - mercY(lat)) * k],
  };
}
