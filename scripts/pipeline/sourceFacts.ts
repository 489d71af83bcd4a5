// Facts of the full-resolution source, taken before any simplification: bounding boxes and counts.
import { unionBBox } from '../../shared/lib/bbox.js';
import { INPUT_OBJECT, ISLANDS, type Settings } from './settings.js';
import { arcBBoxes, geometriesBBox, geometriesOf, polygonCount, type BBox, type Topo } from './topology.js';
import type { OfficialUnits } from './units.js';

export interface SourceFacts {
  bbox: BBox;
  provinceBBoxes: Record<string, BBox>;
  communesPerProvince: Record<string, number>;
  islandBBoxes: Record<string, BBox>;
  islandParts: Record<string, number>;
}

/** Bounding boxes and counts from the full-resolution source (before any simplification). */
export function sourceFacts(source: Topo, units: OfficialUnits): SourceFacts {
  const boxes = arcBBoxes(source);
  const geoms = geometriesOf(source, INPUT_OBJECT);
  const byProvince = new Map<string, typeof geoms>();
  for (const g of geoms) {
    const pc = String(g.properties?.province_code);
    const list = byProvince.get(pc);
    if (list) list.push(g);
    else byProvince.set(pc, [g]);
  }
  const provinceBBoxes: Record<string, BBox> = {};
  const communesPerProvince: Record<string, number> = {};
  for (const p of units.provinces) {
    const gs = byProvince.get(p.code) ?? [];
    provinceBBoxes[p.code] = geometriesBBox(gs, boxes)!;
    communesPerProvince[p.code] = gs.length;
  }
  const islandBBoxes: Record<string, BBox> = {};
  const islandParts: Record<string, number> = {};
  for (const isl of ISLANDS) {
    const g = geoms.find((x) => String(x.properties?.code) === isl.code)!;
    islandBBoxes[isl.code] = geometriesBBox([g], boxes)!;
    islandParts[isl.code] = polygonCount(g);
  }
  return { bbox: unionBBox(Object.values(provinceBBoxes)), provinceBBoxes, communesPerProvince, islandBBoxes, islandParts };
}

/** TopoJSON quantization giving about `gridM` metres per step over a bbox, within bounds. */
export function quantizationFor(b: BBox, s: Settings): number {
  const lat = ((b[1] + b[3]) / 2) * (Math.PI / 180);
  const w = (b[2] - b[0]) * 111_320 * Math.cos(lat);
  const h = (b[3] - b[1]) * 110_574;
  const q = Math.ceil(Math.max(w, h) / s.provinceGridM);
  return Math.min(s.provinceQuantizationMax, Math.max(s.provinceQuantizationMin, q));
}
