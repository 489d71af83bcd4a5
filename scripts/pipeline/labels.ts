/**
 * Label positions: the "pole of inaccessibility" (polylabel algorithm, Agafonkin 2016) of a
 * province's largest polygon — always inside, unlike a centroid.
 */
import { pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox, Position } from './topology.js';

interface Cell {
  x: number;
  y: number;
  h: number;
  /** Distance from the cell centre to the polygon outline (negative outside). */
  d: number;
  /** Best possible distance inside the cell. */
  max: number;
}

/** Signed distance from a point to a polygon's outline (positive inside), planar. */
function signedDistance(x: number, y: number, rings: Position[][]): number {
  let inside = false;
  let min = Infinity;
  for (const ring of rings) {
    for (let i = 0, len = ring.length, j = len - 1; i < len; j = i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[j];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      min = Math.min(min, segDist2(x, y, ax, ay, bx, by));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  let dx = bx - x;
  let dy = by - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

class MaxHeap {
  private a: Cell[] = [];
  get size() {
    return this.a.length;
  }
  push(c: Cell) {
    const a = this.a;
    a.push(c);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p].max >= a[i].max) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): Cell {
    const a = this.a;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].max > a[m].max) m = l;
        if (r < a.length && a[r].max > a[m].max) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The point inside a polygon (outer ring + holes) farthest from its outline, to within
 * `precision` (in the polygon's units). Planar.
 */
export function polylabel(rings: Position[][], precision: number): { point: Position; distance: number } {
  const outer = rings[0];
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of outer) {
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  const width = e - w;
  const height = n - s;
  const size = Math.min(width, height);
  if (size === 0) return { point: [w, s], distance: 0 };
  const cell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance(x, y, rings);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const queue = new MaxHeap();
  const step = size; // cells of side `size` covering the bbox
  for (let x = w; x < e; x += step) for (let y = s; y < n; y += step) queue.push(cell(x + step / 2, y + step / 2, step / 2));
  // first guesses: area centroid and bbox centre
  let best = centroidCell(rings, cell) ?? cell(w + width / 2, s + height / 2, 0);
  const mid = cell(w + width / 2, s + height / 2, 0);
  if (mid.d > best.d) best = mid;
  while (queue.size) {
    const c = queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    queue.push(cell(c.x - h, c.y - h, h));
    queue.push(cell(c.x + h, c.y - h, h));
    queue.push(cell(c.x - h, c.y + h, h));
    queue.push(cell(c.x + h, c.y + h, h));
  }
  return { point: [best.x, best.y], distance: best.d };
}

function centroidCell(rings: Position[][], cell: (x: number, y: number, h: number) => Cell): Cell | null {
  const ring = rings[0];
  let area = 0, x = 0, y = 0;
  for (let i = 0, len = ring.length, j = len - 1; i < len; j = i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[j];
    const f = ax * by - bx * ay;
    x += (ax + bx) * f;
    y += (ay + by) * f;
    area += f * 3;
  }
  return area === 0 ? null : cell(x / area, y / area, 0);
}

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, len = ring.length, j = len - 1; i < len; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}

/** Area of a polygon (outer minus holes), planar. */
const polygonArea = (rings: Position[][]): number => ringArea(rings[0]) - rings.slice(1).reduce((s, r) => s + ringArea(r), 0);

function pointInPolygon(p: Position, rings: Position[][]): boolean {
  return signedDistance(p[0], p[1], rings) > 0;
}

/**
 * A label position for a (Multi)Polygon in lon/lat: polylabel of the largest polygon, computed
 * with longitudes scaled by cos(latitude) so that "far from the edge" means far in metres.
 * Guaranteed inside that polygon (falls back to turf's pointOnFeature otherwise).
 */
export function labelPoint(geom: Polygon | MultiPolygon, precisionDeg: number): Position {
  const polys = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates) as Position[][][];
  if (polys.length === 0) throw new Error('labelPoint: empty geometry');
  const k = Math.cos((meanLat(polys) * Math.PI) / 180);
  const scaled = polys.map((rings) => rings.map((r) => r.map(([x, y]) => [x * k, y] as Position)));
  let bestIdx = 0;
  let bestArea = -Infinity;
  scaled.forEach((rings, i) => {
    const a = polygonArea(rings);
    if (a > bestArea) {
      bestArea = a;
      bestIdx = i;
    }
  });
  const { point } = polylabel(scaled[bestIdx], precisionDeg);
  const p: Position = [point[0] / k, point[1]];
  if (pointInPolygon(p, polys[bestIdx])) return p;
  return pointOnFeature({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: polys[bestIdx] } }).geometry.coordinates as Position;
}

function meanLat(polys: Position[][][]): number {
  let s = Infinity, n = -Infinity;
  for (const rings of polys) for (const [, y] of rings[0]) {
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return (s + n) / 2;
}

/** Centre of a bounding box. */
export const bboxCenter = (b: BBox): Position => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
