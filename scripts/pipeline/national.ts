// The national file's finishing: ids and names of the dissolved layers, the label layers, and its checks.
import { feature } from 'topojson-client';
import type { MultiPolygon, Polygon } from 'geojson';
import { bboxCenter, labelPoint } from './labels.js';
import { COMMUNE_PROPS, ISLANDS, type Settings } from './settings.js';
import { addPointObject, arcUse, asTopology, forEachArc, geometriesOf, type BBox, type Topo } from './topology.js';
import type { OfficialUnits } from './units.js';

/** Names and ids of the dissolved layers, plus the two label layers. */
export function finishNational(topo: Topo, units: OfficialUnits, islandBBoxes: Record<string, BBox>, s: Settings): void {
  const names = new Map(units.provinces.map((p) => [p.code, p.name]));
  for (const g of geometriesOf(topo, 'provinces')) {
    const code = String((g.properties?.code as string | number | undefined) ?? g.id);
    g.id = code;
    g.properties = { code, name: names.get(code) ?? '' };
  }
  for (const g of geometriesOf(topo, 'outline')) g.properties = { name: 'Việt Nam' };
  const provinces = feature(asTopology(topo), asTopology(topo).objects.provinces);
  const feats = 'features' in provinces ? provinces.features : [provinces];
  addPointObject(
    topo,
    'province_labels',
    feats
      .filter((f) => f.geometry)
      .map((f) => ({
        id: String(f.id),
        coordinates: labelPoint(f.geometry as Polygon | MultiPolygon, s.labelPrecisionDeg),
        properties: { code: String(f.id), name: names.get(String(f.id)) ?? '' },
      })),
  );
  addPointObject(
    topo,
    'island_labels',
    ISLANDS.map((isl) => ({ coordinates: bboxCenter(islandBBoxes[isl.code]), properties: { name: isl.name } })),
  );
}

export function nationalSpec(codes: Set<string>, provinceCodes: Set<string>, units: OfficialUnits) {
  return {
    communes: { kind: 'polygon', props: COMMUNE_PROPS, count: codes.size, ids: codes, idPattern: /^\d{5}$/, provinceCodes },
    provinces: { kind: 'polygon', props: ['code', 'name'], count: units.provinces.length, ids: provinceCodes, idPattern: /^\d{2}$/ },
    outline: { kind: 'polygon', props: ['name'], count: 1 },
    province_labels: { kind: 'point', props: ['code', 'name'], count: units.provinces.length, ids: provinceCodes },
    island_labels: { kind: 'point', props: ['name'], count: ISLANDS.length },
  } as const;
}

/** The outline must contain the archipelagos: it shares arcs with both island communes. */
export function checkIslandsInOutline(topo: Topo): string[] {
  const outline = arcUse(topo, 'outline');
  const problems: string[] = [];
  for (const isl of ISLANDS) {
    const g = geometriesOf(topo, 'communes').find((x) => x.id === isl.code);
    if (!g) {
      problems.push(`communes: ${isl.name} (${isl.code}) is missing`);
      continue;
    }
    let shared = 0;
    forEachArc(g.arcs, (i) => (shared += outline.has(i) ? 1 : 0));
    if (shared === 0) problems.push(`outline does not include ${isl.name} (${isl.code})`);
  }
  return problems;
}
