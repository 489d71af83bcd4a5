/**
 * Checks that fail the build loudly: the input polygons against the official lists, and every
 * feature of every output layer after simplification.
 */
import { feature } from 'topojson-client';
import type { Geometry } from 'geojson';
import { ISLANDS, KNOWN_CODE_ALIASES } from './settings.js';
import { asTopology, geometriesOf, type Topo } from './topology.js';
import type { OfficialUnits } from './units.js';
import { checkCommuneTypes } from '../../shared/domain/unitTypes.js';

export class ValidationError extends Error {
  constructor(
    readonly where: string,
    readonly problems: string[],
  ) {
    const shown = problems.slice(0, 25).map((p) => `  - ${p}`);
    if (problems.length > 25) shown.push(`  … and ${problems.length - 25} more`);
    super(`Validation failed: ${where} (${problems.length} problem${problems.length === 1 ? '' : 's'})\n${shown.join('\n')}`);
    this.name = 'ValidationError';
  }
}

export function assertValid(where: string, problems: string[]): void {
  if (problems.length) throw new ValidationError(where, problems);
}

const COMMUNE_CODE = /^\d{5}$/;
const PROVINCE_CODE = /^\d{2}$/;

/**
 * The official lists on their own: well-formed, unique codes, communes in known provinces, and each commune's type
 * as the authority 1027/CTK-CSCL gives it (or a documented later change: shared/domain/unitTypes).
 */
export function validateUnits(units: OfficialUnits, files = { communes: 'communes.csv', provinces: 'provinces.csv' }): string[] {
  const problems: string[] = [];
  const provinces = new Set<string>();
  units.provinces.forEach((p, i) => {
    if (!PROVINCE_CODE.test(p.code)) problems.push(`${files.provinces} row ${i + 2}: province code "${p.code}" is not 2 digits`);
    else if (provinces.has(p.code)) problems.push(`${files.provinces} row ${i + 2}: duplicate province code ${p.code}`);
    provinces.add(p.code);
    if (!p.name) problems.push(`${files.provinces} row ${i + 2}: province ${p.code} has no name`);
  });
  const seen = new Set<string>();
  units.communes.forEach((c, i) => {
    const at = `${files.communes} row ${i + 2}`;
    if (!COMMUNE_CODE.test(c.code)) problems.push(`${at}: commune code "${c.code}" is not 5 digits`);
    else if (seen.has(c.code)) problems.push(`${at}: duplicate commune code ${c.code}`);
    seen.add(c.code);
    if (!provinces.has(c.province_code)) problems.push(`${at}: commune ${c.code} has unknown province_code "${c.province_code}"`);
  });
  const rows = units.communes.map((c) => ({ code: c.code, type: c.type, fullName: c.full_name, officialName: c.official_name }));
  problems.push(...checkCommuneTypes(rows, units.retyped, files.communes).problems);
  return problems;
}

/** Each commune's type by the authority (1027/CTK-CSCL), and what the lists said otherwise; after validateUnits. */
export function officialTypes(units: OfficialUnits, file = 'communes.csv'): { types: Map<string, string>; notes: string[] } {
  const { types, notes } = checkCommuneTypes(
    units.communes.map((c) => ({ code: c.code, type: c.type, fullName: c.full_name, officialName: c.official_name })),
    units.retyped,
    file,
  );
  return { types, notes };
}

/**
 * The input polygons against the official lists: same count, same codes both ways, no empty
 * geometry, every province known and populated, both archipelagos present.
 */
export function validateSource(topo: Topo, objectName: string, units: OfficialUnits, file = 'communes.topo.json'): string[] {
  const problems: string[] = [];
  let geoms;
  try {
    geoms = geometriesOf(topo, objectName);
  } catch (e) {
    return [`${file}: ${(e as Error).message}`];
  }
  const official = new Map(units.communes.map((c) => [c.code, c]));
  const provinces = new Map(units.provinces.map((p) => [p.code, p]));
  if (geoms.length !== units.communes.length) {
    problems.push(`${file}: ${geoms.length} commune geometries, but the official list has ${units.communes.length} rows`);
  }
  const seen = new Set<string>();
  const perProvince = new Map<string, number>();
  geoms.forEach((g, i) => {
    // What a TopoJSON file may hold: strings or numbers (anything else fails the checks below).
    const props = (g.properties ?? {}) as Record<string, string | number | undefined>;
    const code = String(props.code ?? g.id ?? '');
    const at = `${file} feature #${i} (code ${code || '?'})`;
    if (!COMMUNE_CODE.test(code)) problems.push(`${at}: code is not a 5-digit string`);
    if (g.id != null && String(g.id) !== code) problems.push(`${at}: id "${g.id}" differs from properties.code "${code}"`);
    if (seen.has(code)) problems.push(`${at}: duplicate code`);
    seen.add(code);
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') problems.push(`${at}: geometry type ${g.type} (expected Polygon/MultiPolygon)`);
    else if (!Array.isArray(g.arcs) || g.arcs.length === 0) problems.push(`${at}: empty geometry`);
    for (const k of ['name', 'type'] as const) if (!props[k]) problems.push(`${at}: property "${k}" is missing`);
    const listed = official.get(code)?.type;
    if (listed && props.type && props.type !== listed) problems.push(`${at}: type "${String(props.type)}", but the list says "${listed}"`);
    const pc = String(props.province_code ?? '');
    if (!provinces.has(pc)) problems.push(`${at}: unknown province_code "${pc}"`);
    perProvince.set(pc, (perProvince.get(pc) ?? 0) + 1);
    const off = official.get(code);
    if (!off) {
      const alias = Object.entries(KNOWN_CODE_ALIASES).find(([, now]) => now === code)?.[0];
      problems.push(`${at}: code ${code} is not in the official list` + (alias && official.has(alias) ? ` (the list uses the older code ${alias}; use units/2025/communes.csv, which follows the polygons)` : ''));
    } else if (off.province_code !== pc) {
      problems.push(`${at}: province_code ${pc}, but the official list says ${off.province_code}`);
    }
  });
  for (const c of units.communes) {
    if (!seen.has(c.code)) {
      const now = KNOWN_CODE_ALIASES[c.code];
      problems.push(`official commune ${c.code} (${c.name}, province ${c.province_code}) has no geometry in ${file}` + (now && seen.has(now) ? ` (the polygons use the newer code ${now}; see crosswalk/code_changes_after_2025-07-01.csv)` : ''));
    }
  }
  for (const p of units.provinces) {
    const n = perProvince.get(p.code) ?? 0;
    if (n === 0) problems.push(`province ${p.code} (${p.name}) has no commune geometry`);
    else if (p.communeCount != null && p.communeCount !== n) problems.push(`province ${p.code} (${p.name}): ${n} commune geometries, provinces.csv commune_count says ${p.communeCount}`);
  }
  for (const isl of ISLANDS) {
    if (!seen.has(isl.code)) problems.push(`${file}: ${isl.name} (commune ${isl.code}) is missing; the national outline must include it`);
  }
  return problems;
}

export interface LayerSpec {
  /** Exact number of features, when known. */
  count?: number;
  /** The exact set of property keys each feature must have. */
  props: readonly string[];
  kind: 'polygon' | 'point';
  /** Every feature id must match (and be a string). */
  idPattern?: RegExp;
  /** The ids must be exactly this set. */
  ids?: ReadonlySet<string>;
  /** Values of province_code must be in this set. */
  provinceCodes?: ReadonlySet<string>;
}

/** Every feature of every listed layer after simplification: present, non-empty, right properties. */
export function validateOutput(topo: Topo, file: string, layers: Record<string, LayerSpec>): string[] {
  const problems: string[] = [];
  const extra = Object.keys(topo.objects).filter((k) => !(k in layers));
  if (extra.length) problems.push(`${file}: unexpected object(s) ${extra.join(', ')}`);
  for (const [name, spec] of Object.entries(layers)) {
    if (!topo.objects[name]) {
      problems.push(`${file}: object "${name}" is missing`);
      continue;
    }
    const fc = feature(asTopology(topo), asTopology(topo).objects[name]);
    const feats = 'features' in fc ? fc.features : [fc];
    if (spec.count != null && feats.length !== spec.count) problems.push(`${file} ${name}: ${feats.length} features, expected ${spec.count}`);
    const ids = new Set<string>();
    feats.forEach((f, i) => {
      const label = `${file} ${name} #${i}${f.id != null ? ` (id ${f.id})` : ''}`;
      const why = emptiness(f.geometry, spec.kind);
      if (why) problems.push(`${label}: ${why}`);
      const keys = Object.keys(f.properties ?? {});
      if (keys.length !== spec.props.length || spec.props.some((k) => !keys.includes(k))) {
        problems.push(`${label}: properties {${keys.join(', ')}}, expected {${spec.props.join(', ')}}`);
      }
      if (spec.idPattern && (typeof f.id !== 'string' || !spec.idPattern.test(f.id))) problems.push(`${label}: id ${JSON.stringify(f.id)} does not match ${spec.idPattern}`);
      if (f.id != null) {
        if (ids.has(String(f.id))) problems.push(`${label}: duplicate id`);
        ids.add(String(f.id));
      }
      if (spec.provinceCodes) {
        const pc = String(f.properties?.province_code ?? '');
        if (!spec.provinceCodes.has(pc)) problems.push(`${label}: unknown province_code "${pc}"`);
      }
    });
    if (spec.ids) {
      const missing = [...spec.ids].filter((id) => !ids.has(id));
      const unexpected = [...ids].filter((id) => !spec.ids!.has(id));
      if (missing.length) problems.push(`${file} ${name}: missing id(s) ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ' …' : ''}`);
      if (unexpected.length) problems.push(`${file} ${name}: unexpected id(s) ${unexpected.slice(0, 20).join(', ')}${unexpected.length > 20 ? ' …' : ''}`);
    }
  }
  return problems;
}

/** Why a geometry is empty or broken, or null when it is fine. */
export function emptiness(g: Geometry | null, kind: 'polygon' | 'point'): string | null {
  if (!g) return 'empty (null) geometry';
  if (kind === 'point') {
    if (g.type !== 'Point') return `geometry type ${g.type}, expected Point`;
    return g.coordinates.length === 2 && g.coordinates.every(Number.isFinite) ? null : 'invalid point coordinates';
  }
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return `geometry type ${g.type}, expected Polygon/MultiPolygon`;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (polys.length === 0) return 'empty geometry (no polygons)';
  for (const p of polys) {
    if (p.length === 0) return 'empty polygon (no rings)';
    for (const r of p) if (r.length < 4) return `degenerate ring (${r.length} positions)`;
  }
  return null;
}
