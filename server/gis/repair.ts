// The pipeline's simplified, quantised arcs leave a few self-intersecting rings (about one commune in 500): valid for
// a map's fill, refused by GIS tools (GEOS "Self-intersection"). Those few are found with a sweep over their segments
// and rebuilt by a polygon union of themselves (turf, polyclip-ts), which only outputs simple, non-crossing rings.
import { featureCollection, polygon, union } from '@turf/turf';
import type { MultiPolygon, Position } from 'geojson';

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

/**
 * Whether any two non-adjacent segments of a polygon's rings meet. Also true where rings only touch at a point (which
 * OGC allows between rings): such a polygon is rebuilt for nothing, never left broken.
 */
export function hasSelfContact(poly: Position[][]): boolean {
  const segs: Segment[] = [];
  poly.forEach((r, ring) => {
    const n = r.length - 1;
    for (let i = 0; i < n; i++) {
      const [ax, ay] = r[i];
      const [bx, by] = r[i + 1];
      segs.push(ax <= bx ? { ax, ay, bx, by, ring, index: i, ringLength: n } : { ax: bx, ay: by, bx: ax, by: ay, ring, index: i, ringLength: n });
    }
  });
  segs.sort((s, t) => s.ax - t.ax);
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const lo = Math.min(s.ay, s.by);
    const hi = Math.max(s.ay, s.by);
    // Sorted by left end: only the segments starting before s ends can meet it.
    for (let j = i + 1; j < segs.length && segs[j].ax <= s.bx; j++) {
      const t = segs[j];
      if (Math.max(t.ay, t.by) < lo || Math.min(t.ay, t.by) > hi) continue;
      if (!adjacent(s, t) && meet(s, t)) return true;
    }
  }
  return false;
}

/** The geometry, or where a polygon's rings cross or touch, that polygon's area rebuilt from simple rings. */
export function repaired(g: MultiPolygon): MultiPolygon {
  if (!g.coordinates.some(hasSelfContact)) return g;
  const coordinates: Position[][][] = [];
  for (const poly of g.coordinates) {
    if (!hasSelfContact(poly)) {
      coordinates.push(poly);
      continue;
    }
    const f = polygon(poly);
    const u = union(featureCollection([f, f]));
    if (u) coordinates.push(...(u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates));
  }
  return { type: 'MultiPolygon', coordinates };
}
