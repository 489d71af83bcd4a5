import type { MultiPolygon, Polygon } from 'geojson';

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/** A polygon's extent over all its rings (a hole lies inside its outer ring, so the outer rings decide). */
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
