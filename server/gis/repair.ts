// The pipeline's simplified, quantised arcs leave a few self-intersecting rings (about one commune in 500): valid for
// a map's fill, refused by GIS tools (GEOS "Self-intersection"). Those few are found with a sweep over their segments
// and rebuilt by a polygon union of themselves (turf, polyclip-ts), which only outputs simple, non-crossing rings.
import { createRequire } from 'node:module';
import type * as Turf from '@turf/turf';
import type { MultiPolygon, Position } from 'geojson';

const require = createRequire(import.meta.url);

type Segment = { ax: number; ay: number; bx: number; by: number; ring: number; index: number; ringLength: number };

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
const onSegment = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

/** Whether two segments share any point (crossing or touching). */
function meet(s: Segment, t: Segment): boolean {
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) ||
    (o2 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) ||
    (o3 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) ||
    (o4 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.bx, s.by))
  );
}

/** Neighbours along one ring share their common vertex by construction. */
function adjacent(s: Segment, t: Segment): boolean {
  if (s.ring !== t.ring) return false;
  const d = Math.abs(s.index - t.index);
  return d === 1 || d === s.ringLength - 1;
}

/** Whether two segments cross at a point inside both, or overlap along a line: what two polygons may not do. */
function cross(s: Segment, t: Segment): boolean {
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (o1 && o2 && o3 && o4) return o1 !== o2 && o3 !== o4;
  if (o1 || o2) return false;
  // Collinear: overlapping over more than a point (segments are stored left to right; vertical ones by y below).
  const [lo, hi] = s.ax !== s.bx ? [Math.max(s.ax, t.ax), Math.min(s.bx, t.bx)] : [Math.max(Math.min(s.ay, s.by), Math.min(t.ay, t.by)), Math.min(Math.max(s.ay, s.by), Math.max(t.ay, t.by))];
  return hi > lo;
}

export interface Contacts {
  /** Polygons whose own rings cross or touch (or may only touch: rebuilt for nothing, never left broken). */
  self: Set<number>;
  /** Pairs of polygons that cross or overlap each other (touching at a point is allowed between polygons). */
  pairs: [number, number][];
}

/** One sweep over every segment of a multipolygon, by left end: segments meet only if their x ranges do. */
export function contacts(g: MultiPolygon): Contacts {
  const segs: (Segment & { poly: number })[] = [];
  let ring = 0;
  g.coordinates.forEach((polygon, poly) => {
    for (const r of polygon) {
      const n = r.length - 1;
      for (let i = 0; i < n; i++) {
        const [ax, ay] = r[i];
        const [bx, by] = r[i + 1];
        const seg = ax <= bx ? { ax, ay, bx, by } : { ax: bx, ay: by, bx: ax, by: ay };
        segs.push({ ...seg, ring, index: i, ringLength: n, poly });
      }
      ring++;
    }
  });
  segs.sort((s, t) => s.ax - t.ax);
  const found: Contacts = { self: new Set(), pairs: [] };
  const seen = new Set<string>();
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const lo = Math.min(s.ay, s.by);
    const hi = Math.max(s.ay, s.by);
    for (let j = i + 1; j < segs.length && segs[j].ax <= s.bx; j++) {
      const t = segs[j];
      if (Math.max(t.ay, t.by) < lo || Math.min(t.ay, t.by) > hi) continue;
      if (s.poly === t.poly) {
        if (!found.self.has(s.poly) && !adjacent(s, t) && meet(s, t)) found.self.add(s.poly);
      } else {
        const key = s.poly < t.poly ? `${s.poly}|${t.poly}` : `${t.poly}|${s.poly}`;
        if (!seen.has(key) && cross(s, t)) {
          seen.add(key);
          found.pairs.push([s.poly, t.poly]);
        }
      }
    }
  }
  return found;
}

/**
 * The geometry, or where polygons' rings cross or touch themselves or each other, those polygons rebuilt: each
 * group of crossing polygons (and each polygon touching itself) is replaced by its union.
 */
export function repaired(g: MultiPolygon): MultiPolygon {
  const { self, pairs } = contacts(g);
  if (!self.size && !pairs.length) return g;
  const parent = g.coordinates.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const [a, b] of pairs) parent[root(a)] = root(b);
  const groups = new Map<number, number[]>();
  for (const i of [...self, ...pairs.flat()]) {
    const members = groups.get(root(i)) ?? [];
    if (!members.includes(i)) members.push(i);
    groups.set(root(i), members);
  }
  // turf on first need only: importing it takes about 0.6 s, which every server process would pay at start-up.
  const { featureCollection, polygon, union } = require('@turf/turf') as typeof Turf;
  const rebuilt = new Set([...groups.values()].flat());
  const coordinates: Position[][][] = g.coordinates.filter((_, i) => !rebuilt.has(i));
  for (const members of groups.values()) {
    const parts = members.map((i) => polygon(g.coordinates[i]));
    const u = union(featureCollection(parts.length > 1 ? parts : [parts[0], parts[0]]));
    if (u) coordinates.push(...(u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates));
  }
  return { type: 'MultiPolygon', coordinates };
}
