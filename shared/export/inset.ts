import { contains, type BBox } from '../lib/bbox.js';

/** Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa): on every exported map. */
export const ARCHIPELAGO_CODES = ['20333', '22736'] as const;

/** An inset is needed unless the view shows every archipelago whole. */
export function needsInset(view: BBox, archipelagos: readonly BBox[]): boolean {
  return !archipelagos.every((b) => contains(view, b));
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
