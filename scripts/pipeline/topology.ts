/**
 * Plain TopoJSON helpers that don't need mapshaper: types, subsetting, arc bounding boxes,
 * arc usage, and adding point objects to a (possibly quantized) topology.
 */
import type { Topology } from 'topojson-specification';

export type Position = [number, number];
export type BBox = [number, number, number, number];

export interface TopoGeometry {
  type: string | null;
  id?: string | number;
  properties?: Record<string, unknown>;
  arcs?: ArcRefs;
  coordinates?: unknown;
  geometries?: TopoGeometry[];
}
/** Nested arc index arrays (LineString: number[], Polygon: number[][], MultiPolygon: number[][][]). */
export type ArcRefs = number | ArcRefs[];

export interface Topo {
  type: 'Topology';
  objects: Record<string, TopoGeometry>;
  arcs: Position[][];
  transform?: { scale: Position; translate: Position };
  bbox?: number[];
}

/** For topojson-client, whose types are stricter about the object shapes. */
export const asTopology = (t: Topo): Topology => t as unknown as Topology;

export function geometriesOf(topo: Topo, objectName: string): TopoGeometry[] {
  const o = topo.objects[objectName];
  if (!o) throw new Error(`TopoJSON has no object "${objectName}" (has: ${Object.keys(topo.objects).join(', ') || 'none'})`);
  if (o.type !== 'GeometryCollection') return [o];
  return o.geometries ?? [];
}

/** Calls fn for each arc index referenced by a geometry (decoded: ~i → i). */
export function forEachArc(arcs: ArcRefs | undefined, fn: (index: number) => void): void {
  if (arcs == null) return;
  if (typeof arcs === 'number') fn(arcs < 0 ? ~arcs : arcs);
  else for (const a of arcs) forEachArc(a, fn);
}

function remapArcs(arcs: ArcRefs, map: Map<number, number>): ArcRefs {
  if (typeof arcs === 'number') {
    const i = arcs < 0 ? ~arcs : arcs;
    const j = map.get(i)!;
    return arcs < 0 ? ~j : j;
  }
  return arcs.map((a) => remapArcs(a, map));
}

/**
 * A new topology holding only the geometries of `objectName` that pass `keep`, under the
 * name `outName`, with only the arcs they use (re-indexed, order kept). Shared arcs stay shared.
 */
export function subsetTopology(topo: Topo, objectName: string, keep: (g: TopoGeometry) => boolean, outName = objectName): Topo {
  const geoms = geometriesOf(topo, objectName).filter(keep);
  const used = new Set<number>();
  for (const g of geoms) forEachArc(g.arcs, (i) => used.add(i));
  const order = [...used].sort((a, b) => a - b);
  const map = new Map(order.map((old, k) => [old, k]));
  const out: Topo = {
    type: 'Topology',
    objects: {
      [outName]: {
        type: 'GeometryCollection',
        geometries: geoms.map((g) => (g.arcs == null ? { ...g } : { ...g, arcs: remapArcs(g.arcs, map) })),
      },
    },
    arcs: order.map((i) => topo.arcs[i]),
  };
  if (topo.transform) out.transform = topo.transform;
  return out;
}

/** Absolute coordinates of an arc (undoes quantization and delta encoding). */
export function decodeArc(topo: Topo, index: number): Position[] {
  const arc = topo.arcs[index];
  if (!topo.transform) return arc;
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
}

/** Bounding box of every arc, computed once. */
export function arcBBoxes(topo: Topo): Float64Array {
  const out = new Float64Array(topo.arcs.length * 4);
  for (let i = 0; i < topo.arcs.length; i++) {
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const [x, y] of decodeArc(topo, i)) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
    out.set([w, s, e, n], i * 4);
  }
  return out;
}

/** Union of the boxes of the arcs a set of geometries uses; null when there are none. */
export function geometriesBBox(geoms: TopoGeometry[], boxes: Float64Array): BBox | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const g of geoms) {
    forEachArc(g.arcs, (i) => {
      w = Math.min(w, boxes[i * 4]);
      s = Math.min(s, boxes[i * 4 + 1]);
      e = Math.max(e, boxes[i * 4 + 2]);
      n = Math.max(n, boxes[i * 4 + 3]);
    });
  }
  return w === Infinity ? null : [w, s, e, n];
}

export const roundBBox = (b: BBox, digits = 6): BBox => b.map((v) => Number(v.toFixed(digits))) as BBox;

/** How many times each arc is used by the geometries of an object. */
export function arcUse(topo: Topo, objectName: string): Map<number, number> {
  const use = new Map<number, number>();
  for (const g of geometriesOf(topo, objectName)) forEachArc(g.arcs, (i) => use.set(i, (use.get(i) ?? 0) + 1));
  return use;
}

/** Number of polygons of a Polygon/MultiPolygon geometry (0 when empty). */
export function polygonCount(g: TopoGeometry): number {
  if (g.type === 'Polygon') return Array.isArray(g.arcs) && g.arcs.length > 0 ? 1 : 0;
  if (g.type === 'MultiPolygon') return Array.isArray(g.arcs) ? g.arcs.length : 0;
  return 0;
}

export interface PointFeature {
  coordinates: Position;
  properties: Record<string, unknown>;
  id?: string;
}

/**
 * Adds a GeometryCollection of Points. In a quantized topology point coordinates are
 * quantized too (not delta-encoded), per the TopoJSON spec.
 */
export function addPointObject(topo: Topo, name: string, points: PointFeature[]): void {
  const t = topo.transform;
  topo.objects[name] = {
    type: 'GeometryCollection',
    geometries: points.map((p) => {
      const coordinates: Position = t
        ? [Math.round((p.coordinates[0] - t.translate[0]) / t.scale[0]), Math.round((p.coordinates[1] - t.translate[1]) / t.scale[1])]
        : [Number(p.coordinates[0].toFixed(6)), Number(p.coordinates[1].toFixed(6))];
      return { type: 'Point', ...(p.id != null ? { id: p.id } : {}), properties: p.properties, coordinates };
    }),
  };
}
