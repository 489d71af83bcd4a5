// Boundary geometry for GIS clients: the pipeline's TopoJSON (build/geo) decoded to RFC 7946 MultiPolygons in WGS 84,
// rounded, with consecutive duplicate positions removed and rings wound by the right-hand rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { GeoManifest } from '../routes/boundaries.js';
import { repaired } from './repair.js';

export type BBox = [number, number, number, number];
/** The national simplification (100 m) or the provinces' finer one (10 m). */
export type Detail = 'national' | 'fine';
export const DETAILS: readonly Detail[] = ['national', 'fine'];

/** Decimals kept: about 1 m at the national simplification, 0.1 m at the finer one (both finer than their grid). */
const DIGITS: Record<Detail, number> = { national: 5, fine: 6 };

export interface Shape {
  code: string;
  geometry: MultiPolygon;
  bbox: BBox;
}

/** Twice the signed planar area of a ring: positive when counter-clockwise. */
function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a;
}

function cleanRing(ring: Position[], digits: number, exterior: boolean): Position[] | null {
  const f = 10 ** digits;
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * f) / f, Math.round(y * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  if (out.length < 4) return null;
  const area = ringArea(out);
  if (area === 0) return null;
  // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
  if (area > 0 !== exterior) out.reverse();
  return out;
}

/** A polygon or multipolygon as an RFC 7946 MultiPolygon, rounded to `digits` decimals. */
export function toMultiPolygon(g: Polygon | MultiPolygon, digits: number): MultiPolygon {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const coordinates: Position[][][] = [];
  for (const poly of polys) {
    const outer = cleanRing(poly[0], digits, true);
    if (!outer) continue;
    const holes = poly.slice(1).map((r) => cleanRing(r, digits, false)).filter((r): r is Position[] => r !== null);
    coordinates.push([outer, ...holes]);
  }
  return { type: 'MultiPolygon', coordinates };
}

/** Rings wound by the right-hand rule, coordinates as they are. */
function wound(g: MultiPolygon): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((poly) => poly.map((r, i) => (ringArea(r) > 0 === (i === 0) ? r : [...r].reverse()))),
  };
}

function bboxOf(g: MultiPolygon): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of g.coordinates)
    for (const [x, y] of poly[0]) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  return b;
}

function shapes(topo: Topology, object: string, digits: number): Shape[] {
  const o = (topo.objects as Record<string, GeometryCollection>)[object];
  if (!o) throw new Error(`Lớp ranh giới thiếu đối tượng "${object}"`);
  const fc = feature(topo, o) as unknown as { features: Feature<Polygon | MultiPolygon, { code: string }>[] };
  return fc.features.map((f) => {
    const g = toMultiPolygon(f.geometry, digits);
    const fixed = repaired(g);
    // A rebuilt geometry's new vertices (where rings crossed) are kept unrounded: rounding them could cross again.
    const geometry = fixed === g ? g : wound(fixed);
    return { code: String(f.properties.code), geometry, bbox: bboxOf(geometry) };
  });
}

/** Which boundary layer a collection draws: the 2025 communes or provinces, or the pre-2025 provinces or districts. */
export type ShapeLayer = 'communes' | 'provinces' | 'pre2025-provinces' | 'pre2025-districts';
/** Where scripts/gis/pre2025.ts writes the pre-2025 layers: beside build/geo. */
const PRE2025_GEO_DIR = '../geo-pre2025';

/**
 * Reads build/geo on demand. The national layer's shapes are decoded once and kept (a few tens of MB); the finer
 * province files are decoded per request, since they serve downloads only.
 */
export class BoundaryShapes {
  private national: Partial<Record<ShapeLayer, Shape[]>> = {};

  constructor(
    private readonly geoDir: string,
    readonly manifest: GeoManifest,
  ) {}

  private topo(rel: string): Topology {
    return JSON.parse(gunzipSync(readFileSync(join(this.geoDir, `${rel}.gz`))).toString('utf8')) as Topology;
  }

  /**
   * The layer's shapes: the national layer whole, or the finer one of one province or of all (in code order).
   * Callers filter by province on the figures, which know each unit's province.
   */
  shapes(layer: ShapeLayer, detail: Detail, province?: string): Shape[] {
    if (layer.startsWith('pre2025-')) {
      const name = layer.slice('pre2025-'.length);
      const read = () => shapes(this.topo(`${PRE2025_GEO_DIR}/${name}.${detail}.topo.json`), name, DIGITS[detail]);
      return detail === 'national' ? (this.national[layer] ??= read()) : read();
    }
    if (detail === 'national') {
      if (!this.national[layer]) {
        const t = this.topo('national.topo.json');
        this.national.communes = shapes(t, 'communes', DIGITS.national);
        this.national.provinces = shapes(t, 'provinces', DIGITS.national);
      }
      return this.national[layer]!;
    }
    const codes = province === undefined ? Object.keys(this.manifest.provinces).sort() : [province];
    return codes.flatMap((p) => shapes(this.topo(`provinces/${p}.topo.json`), layer === 'provinces' ? 'province' : 'communes', DIGITS.fine));
  }

}
