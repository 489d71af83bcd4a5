// Which features of a layer an items request selects: property filters, bbox (exact intersection, not only the
// envelope) and datetime against the year of the figures.
import type { MultiPolygon, Position } from 'geojson';
import type { BBox } from './geometry.js';
import type { GisFeature } from './layers.js';
import type { FilterName } from './ogcParams.js';

export type Filters = Partial<Record<FilterName, string[] | boolean>>;

function pointInRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const pointInPolygon = (x: number, y: number, poly: Position[][]) => pointInRing(x, y, poly[0]) && !poly.slice(1).some((h) => pointInRing(x, y, h));

/** Whether segment a–b meets the closed box (Liang–Barsky clipping). */
function segmentMeetsBox(a: Position, b: Position, [w, s, e, n]: BBox): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  for (const [p, q] of [
    [-dx, a[0] - w],
    [dx, e - a[0]],
    [-dy, a[1] - s],
    [dy, n - a[1]],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Whether a multipolygon and a closed box share any point. */
export function intersectsBox(g: MultiPolygon, envelope: BBox, box: BBox): boolean {
  if (envelope[0] > box[2] || envelope[2] < box[0] || envelope[1] > box[3] || envelope[3] < box[1]) return false;
  for (const poly of g.coordinates) {
    for (const ring of poly) for (let i = 1; i < ring.length; i++) if (segmentMeetsBox(ring[i - 1], ring[i], box)) return true;
    // No edge meets the box: it is inside the polygon (then its corner is) or outside it.
    if (pointInPolygon(box[0], box[1], poly)) return true;
  }
  return false;
}

/** [start, end) in ms of an RFC 3339 instant or interval; ".." or empty is open. A date alone is that whole day. */
function parseDatetime(s: string): [number, number] {
  const bound = (v: string | undefined, end: boolean) => {
    if (v === undefined || v === '' || v === '..') return end ? Infinity : -Infinity;
    const t = Date.parse(/T/.test(v) ? v : `${v}T00:00:00Z`);
    return end && !/T/.test(v) ? t + 86_400_000 : end ? t + 1 : t;
  };
  const [a, b] = s.split('/');
  return b === undefined ? [bound(a, false), bound(a, true)] : [bound(a, false), bound(b, true)];
}

/** Whether the figures' year overlaps the requested time. */
export function yearMatches(year: number, datetime: string | undefined): boolean {
  if (datetime === undefined) return true;
  const [a, b] = parseDatetime(datetime);
  return a < Date.UTC(year + 1, 0, 1) && b > Date.UTC(year, 0, 1);
}

export function matches(f: GisFeature, filters: Filters, bbox: BBox | undefined): boolean {
  for (const [name, want] of Object.entries(filters)) {
    if (want === undefined) continue;
    const v = f.properties[name];
    if (Array.isArray(want) ? !want.includes(String(v)) : v !== want) return false;
  }
  return !bbox || intersectsBox(f.geometry, f.bbox, bbox);
}
