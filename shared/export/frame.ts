// Where a box of the earth lands on a map fitted to it, as MapLibre's fitBounds places it (Web Mercator, 512-pixel
// tiles, centred in the padded area): so that a page can keep its subject clear of what it draws over the map.
import type { BBox } from '../lib/bbox.js';

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Fitted {
  zoom: number;
  /** The box's extent on the map, pixels from its top-left corner. */
  rect: { x0: number; y0: number; x1: number; y1: number };
}

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

/** The zoom at which `bbox` just fits a `size` map inside `padding`, and where it is then drawn. */
export function fitBBox(bbox: BBox, size: { width: number; height: number }, padding: Padding): Fitted {
  const dx = mercX(bbox[2]) - mercX(bbox[0]);
  const dy = mercY(bbox[1]) - mercY(bbox[3]);
  const w = size.width - padding.left - padding.right;
  const h = size.height - padding.top - padding.bottom;
  if (!(dx > 0 && dy > 0 && w > 0 && h > 0)) throw new Error('fitBBox: an empty box or no room for it');
  const scale = Math.min(w / dx, h / dy);
  const cx = padding.left + w / 2;
  const cy = padding.top + h / 2;
  return { zoom: Math.log2(scale / 512), rect: { x0: cx - (dx * scale) / 2, y0: cy - (dy * scale) / 2, x1: cx + (dx * scale) / 2, y1: cy + (dy * scale) / 2 } };
}

/**
 * The padding that frames `bbox` as large as it can be while keeping it clear of a box drawn over the map's top-right
 * corner (`corner`, e.g. the islands' inset): the subject moves left of it or below it, whichever leaves it larger.
 */
export function clearOfTopRight(bbox: BBox, size: { width: number; height: number }, corner: { width: number; height: number }, pad: number): Padding {
  const even = { top: pad, right: pad, bottom: pad, left: pad };
  const candidates: Padding[] = [even, { ...even, right: pad + corner.width }, { ...even, top: pad + corner.height }].filter(
    (p) => size.width - p.left - p.right > 0 && size.height - p.top - p.bottom > 0,
  );
  const clear = (p: Padding) => {
    const { rect } = fitBBox(bbox, size, p);
    return rect.x1 <= size.width - corner.width || rect.y0 >= corner.height;
  };
  const fits = candidates.filter(clear);
  if (!fits.length) return even;
  return fits.reduce((best, p) => (fitBBox(bbox, size, p).zoom > fitBBox(bbox, size, best).zoom ? p : best));
}
