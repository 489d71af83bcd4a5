/** MapLibre's padding, every side given. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The legend's largest footprint in the map's bottom-left corner (styles.css `.legend`: 12 px from the edges,
 * at most 330 px wide; about 230 px high with a two-line title), with a margin.
 */
export const LEGEND_CORNER = { width: 12 + 330 + 10, height: 12 + 230 + 10 };
/** The same in presentation mode (`.app.present .legend`: 20 px from the edges, at most 460 px wide, larger type). */
export const PRESENT_LEGEND_CORNER = { width: 20 + 460 + 10, height: 20 + 320 + 10 };

/** Web Mercator x and y of a longitude and latitude, in units of the world's width. */
const mx = (lng: number) => (lng + 180) / 360;
const my = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

/** The scale at which `bbox` fits the free area of a `size` map with this padding. */
function scale(bbox: readonly [number, number, number, number], size: { width: number; height: number }, p: Padding): number {
  const w = mx(bbox[2]) - mx(bbox[0]);
  const h = my(bbox[1]) - my(bbox[3]);
  return Math.min((size.width - p.left - p.right) / w, (size.height - p.top - p.bottom) / h);
}

/**
 * Padding for fitting `bbox` (the country, a province) into a map with the legend in its bottom-left corner: the
 * extent kept clear of the legend (beside it or above it) wherever that costs at most a tenth of the scale, else
 * the plain margin. On a 1024 × 768 screen the legend would otherwise cover Phú Quốc and the delta's west coast;
 * on a wide screen the country only moves right, into the room the islands leave.
 */
export function legendClearPadding(bbox: readonly [number, number, number, number], size: { width: number; height: number }, margin = 20, corner = LEGEND_CORNER): Padding {
  const plain = { top: margin, right: margin, bottom: margin, left: margin };
  const full = scale(bbox, size, plain);
  const candidates = [
    { ...plain, left: Math.max(margin, corner.width) },
    { ...plain, bottom: Math.max(margin, corner.height) },
  ];
  let best: Padding = plain;
  let bestScale = 0;
  for (const p of candidates) {
    const s = scale(bbox, size, p);
    if (s >= 0.9 * full && s > bestScale) [best, bestScale] = [p, s];
  }
  return best;
}
