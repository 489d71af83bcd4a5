import { fitBBox, type Padding } from '../../shared/export/frame.js';
import type { BBox } from '../../shared/lib/bbox.js';

/**
 * The legend's largest footprint in the map's bottom-left corner (styles.css `.legend`: 12 px from the edges,
 * at most 330 px wide; about 230 px high with a two-line title), with a margin.
 */
export const LEGEND_CORNER = { width: 12 + 330 + 10, height: 12 + 230 + 10 };
/** The same in presentation mode (`.app.present .legend`: 20 px from the edges, at most 460 px wide, larger type). */
export const PRESENT_LEGEND_CORNER = { width: 20 + 460 + 10, height: 20 + 320 + 10 };

/** A tenth of the scale, in zoom levels. */
const AFFORDABLE_ZOOM_LOSS = -Math.log2(0.9);

/**
 * Padding for fitting `bbox` (the country, a province) into a map with the legend in its bottom-left corner: the
 * extent kept clear of the legend (beside it or above it) wherever that costs at most a tenth of the scale, else
 * the plain margin. On a 1024 × 768 screen the legend would otherwise cover Phú Quốc and the delta's west coast;
 * on a wide screen the country only moves right, into the room the islands leave.
 */
export function legendClearPadding(bbox: BBox, size: { width: number; height: number }, margin = 20, corner = LEGEND_CORNER): Padding {
  const plain = { top: margin, right: margin, bottom: margin, left: margin };
  const roomy = (p: Padding) => size.width - p.left - p.right > 0 && size.height - p.top - p.bottom > 0;
  if (!roomy(plain)) return plain;
  const full = fitBBox(bbox, size, plain).zoom;
  const clear = [{ ...plain, left: Math.max(margin, corner.width) }, { ...plain, bottom: Math.max(margin, corner.height) }]
    .filter(roomy)
    .map((p) => ({ p, zoom: fitBBox(bbox, size, p).zoom }))
    .filter((c) => c.zoom >= full - AFFORDABLE_ZOOM_LOSS);
  return clear.length ? clear.reduce((best, c) => (c.zoom > best.zoom ? c : best)).p : plain;
}
