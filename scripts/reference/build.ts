// Builds the portal's Reference (units of both vintages + the old→new crosswalk) from the source
// CSV texts. Pure: no file access (see load.ts for that), so every rule here is unit-tested.

import { assessedUnits } from '../../shared/domain/assessed.js';
import { stripDiacritics } from '../../shared/lib/diacritics.js';
import type { CrosswalkLink, Unit } from '../../shared/domain/types.js';
import type { Reference } from '../../server/store/store.js';
import { CsvError, readTable, type CsvTable, type Row } from '../../shared/lib/csv.js';
import { checkCommuneTypes } from '../../shared/domain/unitTypes.js';

/** The source files, relative to the source dir (paths().sourceDir). */
export const SOURCE_FILES = {
  provinces2025: 'units/2025/provinces.csv',
  communes2025: 'units/2025/communes.csv',
  provincesPre2025: 'units/pre2025/provinces.csv',
  districtsPre2025: 'units/pre2025/districts.csv',
  communesPre2025: 'units/pre2025/communes.csv',
  census2019: 'population/2019/census2019_ward_population.csv',
  crosswalk: 'crosswalk/communes_old_to_new.csv',
  codeChanges: 'crosswalk/code_changes_after_2025-07-01.csv',
} as const;
export type SourceKey = keyof typeof SOURCE_FILES;
export type SourceTexts = Record<SourceKey, string>;

/** The columns each file must have (others are ignored). */
const REQUIRED_COLUMNS: Record<SourceKey, readonly string[]> = {
  provinces2025: ['code', 'name', 'full_name', 'type', 'area_km2_communes_polygon_geodesic_sum', 'population_sapnhap'],
  communes2025: ['code', 'name', 'full_name', 'type', 'province_code', 'area_km2_polygon_geodesic', 'population_sapnhap', 'name_in_gso_1027_list'],
  provincesPre2025: ['code', 'name', 'type'],
  districtsPre2025: ['code', 'name', 'type', 'province_code'],
  communesPre2025: ['code', 'name', 'type', 'district_code', 'province_code'],
  census2019: ['gso_code_2025_06_30', 'city', 'total'],
  crosswalk: ['old_code', 'new_code', 'relation'],
  codeChanges: ['code_gso_1027_list', 'code_current', 'change'],
};

export interface BuiltReference {
  reference: Reference;
  /** What the build decided or dropped, one line each (printed by the seed CLI). */
  notes: string[];
}

/** Unit types by level, in the order names are matched against (longest first where prefixes overlap). */
const COMMUNE_TYPES_PRE2025 = ['Thị trấn', 'Phường', 'Xã'];
const DISTRICT_TYPES = ['Thành phố', 'Thị xã', 'Quận', 'Huyện'];
const PROVINCE_TYPES = ['Thành phố', 'Tỉnh'];

const lower = (s: string) => s.toLocaleLowerCase('vi');

/**
 * Splits "Phường Phúc Xá" into type "Phường" and name "Phúc Xá" (prefix matched case-insensitively,
 * so "Thị Trấn Ái Tử" works too). A name that is only a number keeps its type ("Phường 5", "Quận 1"):
 * a bare "5" is no name. Returns undefined when no known prefix matches.
 */
export function splitTypePrefix(
  fullName: string,
  types: readonly string[],
): { type: string; name: string; fullName: string } | undefined {
  const trimmed = fullName.trim().replace(/\s+/g, ' ');
  for (const type of types) {
    if (lower(trimmed).startsWith(lower(type) + ' ')) {
      const rest = trimmed.slice(type.length + 1).trim();
      if (rest === '') return undefined;
      const full = `${type} ${rest}`; // the type's canonical spelling: "Thị Trấn Ái Tử" → "Thị trấn Ái Tử"
      return { type, name: /^\d+$/.test(rest) ? full : rest, fullName: full };
    }
  }
  return undefined;
}

function fail(table: CsvTable, row: Row | number, message: string): never {
  throw new CsvError(table.file, typeof row === 'number' ? row : row.line, message);
}

function code(table: CsvTable, row: Row, column: string, digits: number | number[]): string {
  const v = row.get(column).trim();
  const allowed = Array.isArray(digits) ? digits : [digits];
  if (!allowed.some((d) => new RegExp(`^\\d{${d}}$`).test(v))) {
    fail(table, row, `column "${column}": ${JSON.stringify(v)} is not a ${allowed.join(' or ')}-digit code`);
  }
  return v;
}

function text(table: CsvTable, row: Row, column: string): string {
  const v = row.get(column).trim();
  if (v === '') fail(table, row, `column "${column}" is empty`);
  return v;
}

/** A non-negative number, or null when the cell is empty. Accepts "1234", "1234.5", "1234.0". */
function num(table: CsvTable, row: Row, column: string): number | null {
  const v = row.get(column).trim();
  if (v === '') return null;
  const x = Number(v);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(v) || !Number.isFinite(x)) {
    fail(table, row, `column "${column}": ${JSON.stringify(v)} is not a non-negative number`);
  }
  return x;
}

const int = (x: number | null) => (x === null ? null : Math.round(x));

function uniqueCheck(table: CsvTable, seen: Map<string, number>, row: Row, key: string) {
  const prev = seen.get(key);
  if (prev !== undefined) fail(table, row, `duplicate code ${key} (first on line ${prev})`);
  seen.set(key, row.line);
}

/** Strips spaces, diacritics and case, for matching the census's "ThừaThiênHuế" to "Huế". */
export function normaliseName(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Codes whose type a later list changed, as documented beside the crosswalk (change "type"). */
export function documentedTypeChanges(codeChanges: CsvTable): Set<string> {
  const out = new Set<string>();
  for (const row of codeChanges.rows) if (row.get('change').trim() === 'type') out.add(code(codeChanges, row, 'code_current', 5));
  return out;
}

/**
 * 2025 units. A commune's type is the one of the GSO list 1027/CTK-CSCL (column `name_in_gso_1027_list`, in force
 * from 01/7/2025: shared/domain/unitTypes), its full name that type and its name; a type that differs from it
 * without a documented later change fails the build.
 */
function buildUnits2025(provinces: CsvTable, communes: CsvTable, codeChanges: CsvTable, notes: string[]): Unit[] {
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  for (const row of provinces.rows) {
    const c = code(provinces, row, 'code', 2);
    uniqueCheck(provinces, seen, row, c);
    const type = text(provinces, row, 'type');
    if (!PROVINCE_TYPES.includes(type)) fail(provinces, row, `type ${JSON.stringify(type)} is not Tỉnh or Thành phố`);
    units.push({
      vintage: '2025',
      code: c,
      level: 'province',
      name: text(provinces, row, 'name'),
      fullName: text(provinces, row, 'full_name'),
      type,
      provinceCode: c,
      districtCode: null,
      population: int(num(provinces, row, 'population_sapnhap')),
      areaKm2: num(provinces, row, 'area_km2_communes_polygon_geodesic_sum'),
    });
  }
  const provinceCodes = new Set(units.map((u) => u.code));
  const typed = communes.rows.map((row) => ({
    code: code(communes, row, 'code', 5),
    type: text(communes, row, 'type'),
    fullName: text(communes, row, 'full_name'),
    officialName: text(communes, row, 'name_in_gso_1027_list'),
    line: row.line,
  }));
  const check = checkCommuneTypes(typed, documentedTypeChanges(codeChanges), communes.file);
  if (check.problems.length) throw new CsvError(communes.file, 0, `unit types: ${check.problems.join('; ')}`);
  notes.push(...check.notes);
  communes.rows.forEach((row, i) => {
    const c = typed[i].code;
    uniqueCheck(communes, seen, row, c);
    const p = code(communes, row, 'province_code', 2);
    if (!provinceCodes.has(p)) fail(communes, row, `province_code ${p} is not in ${provinces.file}`);
    const name = text(communes, row, 'name');
    const type = check.types.get(c)!;
    units.push({
      vintage: '2025',
      code: c,
      level: 'commune',
      name,
      fullName: `${type} ${name}`,
      type,
      provinceCode: p,
      districtCode: null,
      population: int(num(communes, row, 'population_sapnhap')),
      areaKm2: num(communes, row, 'area_km2_polygon_geodesic'),
    });
  });
  return units;
}

/**
 * Pre-2025 units (the GSO list of 30/06/2025). Populations: communes from the 2019 census by
 * `gso_code_2025_06_30` (null where unmatched); districts = sum of their communes when every one
 * is known, else null (also null for the 5 island districts without communes); provinces = the
 * 2019 census province total (all census rows of the province, matched or not; province
 * boundaries did not change 2019–2025). Areas are null: there are no polygons for these units.
 */
function buildUnitsPre2025(
  provinces: CsvTable,
  districts: CsvTable,
  communes: CsvTable,
  census: CsvTable,
  notes: string[],
): Unit[] {
  const seen = new Map<string, number>();
  const provinceUnits: Unit[] = [];
  for (const row of provinces.rows) {
    const c = code(provinces, row, 'code', 2);
    uniqueCheck(provinces, seen, row, c);
    const full = text(provinces, row, 'name');
    const split = splitTypePrefix(full, PROVINCE_TYPES);
    if (!split) fail(provinces, row, `name ${JSON.stringify(full)} does not start with Tỉnh or Thành phố`);
    provinceUnits.push({
      vintage: 'pre2025',
      code: c,
      level: 'province',
      name: split.name,
      fullName: split.fullName,
      type: split.type, // "Thành phố Trung ương" in the source → "Thành phố", as in the 2025 list
      provinceCode: c,
      districtCode: null,
      population: null,
      areaKm2: null,
    });
  }
  const provinceByCode = new Map(provinceUnits.map((u) => [u.code, u]));

  const districtUnits: Unit[] = [];
  for (const row of districts.rows) {
    const c = code(districts, row, 'code', 3);
    uniqueCheck(districts, seen, row, c);
    const full = text(districts, row, 'name');
    const split = splitTypePrefix(full, DISTRICT_TYPES);
    if (!split) fail(districts, row, `name ${JSON.stringify(full)} does not start with ${DISTRICT_TYPES.join('/')}`);
    const p = code(districts, row, 'province_code', 2);
    if (!provinceByCode.has(p)) fail(districts, row, `province_code ${p} is not in ${provinces.file}`);
    districtUnits.push({
      vintage: 'pre2025',
      code: c,
      level: 'district',
      name: split.name,
      fullName: split.fullName,
      type: split.type,
      provinceCode: p,
      districtCode: null,
      population: null,
      areaKm2: null,
    });
  }
  const districtByCode = new Map(districtUnits.map((u) => [u.code, u]));

  // census: code → population; city → total
  const censusByCode = new Map<string, number>();
  const cityTotals = new Map<string, number>();
  const censusSeen = new Map<string, number>();
  const censusCityRows: { city: string; code: string }[] = [];
  for (const row of census.rows) {
    const city = text(census, row, 'city');
    const total = num(census, row, 'total');
    if (total === null) fail(census, row, 'column "total" is empty');
    cityTotals.set(city, (cityTotals.get(city) ?? 0) + total);
    const c = row.get('gso_code_2025_06_30').trim();
    if (c === '') continue;
    code(census, row, 'gso_code_2025_06_30', 5);
    uniqueCheck(census, censusSeen, row, c);
    censusByCode.set(c, Math.round(total));
    censusCityRows.push({ city, code: c });
  }

  const communeUnits: Unit[] = [];
  let typeFixes = 0;
  const typeFixExamples: string[] = [];
  for (const row of communes.rows) {
    const c = code(communes, row, 'code', 5);
    uniqueCheck(communes, seen, row, c);
    const full = text(communes, row, 'name');
    const declared = text(communes, row, 'type');
    if (!COMMUNE_TYPES_PRE2025.includes(declared)) fail(communes, row, `type ${JSON.stringify(declared)} is not Xã, Phường or Thị trấn`);
    const split = splitTypePrefix(full, COMMUNE_TYPES_PRE2025);
    if (!split) fail(communes, row, `name ${JSON.stringify(full)} does not start with Xã, Phường or Thị trấn`);
    if (split.type !== declared) {
      // e.g. "Thị trấn Ngọc Lặc" typed Xã, "Phường 5" (Phú Nhuận) typed Xã: the name is right
      typeFixes++;
      if (typeFixExamples.length < 4) typeFixExamples.push(`${c} "${full}" typed ${declared}`);
    }
    const d = code(communes, row, 'district_code', 3);
    const district = districtByCode.get(d);
    if (!district) fail(communes, row, `district_code ${d} is not in ${districts.file}`);
    const p = code(communes, row, 'province_code', 2);
    if (district.provinceCode !== p) fail(communes, row, `province_code ${p} differs from its district's (${district.provinceCode})`);
    communeUnits.push({
      vintage: 'pre2025',
      code: c,
      level: 'commune',
      name: split.name,
      fullName: split.fullName,
      type: split.type,
      provinceCode: p,
      districtCode: d,
      population: censusByCode.get(c) ?? null,
      areaKm2: null,
    });
  }
  if (typeFixes > 0) {
    notes.push(`${communes.file}: ${typeFixes} communes whose name prefix disagrees with the type column; the name's type is used (${typeFixExamples.join('; ')})`);
  }
  const communeCodes = new Set(communeUnits.map((u) => u.code));
  const strayCensus = [...censusByCode.keys()].filter((k) => !communeCodes.has(k));
  if (strayCensus.length > 0) notes.push(`${census.file}: ${strayCensus.length} gso codes are not communes of the list (ignored), e.g. ${strayCensus.slice(0, 3).join(', ')}`);
  const matched = communeUnits.filter((u) => u.population !== null).length;
  notes.push(`pre2025 commune population (2019 census): ${matched}/${communeUnits.length} communes matched, the others null`);

  // districts: sum when complete
  const byDistrict = new Map<string, Unit[]>();
  for (const u of communeUnits) {
    const list = byDistrict.get(u.districtCode!) ?? [];
    list.push(u);
    byDistrict.set(u.districtCode!, list);
  }
  let completeDistricts = 0;
  for (const d of districtUnits) {
    const list = byDistrict.get(d.code) ?? [];
    if (list.length > 0 && list.every((u) => u.population !== null)) {
      d.population = list.reduce((s, u) => s + u.population!, 0);
      completeDistricts++;
    }
  }
  notes.push(`pre2025 district population: sum of communes for ${completeDistricts}/${districtUnits.length} districts whose communes are all matched; null for the others (incl. island districts)`);

  // provinces: census city totals; a city maps to the province of its matched rows
  const communeByCode = new Map(communeUnits.map((u) => [u.code, u]));
  const cityVotes = new Map<string, Map<string, number>>();
  for (const { city, code: c } of censusCityRows) {
    const u = communeByCode.get(c);
    if (!u) continue;
    const votes = cityVotes.get(city) ?? new Map<string, number>();
    votes.set(u.provinceCode, (votes.get(u.provinceCode) ?? 0) + 1);
    cityVotes.set(city, votes);
  }
  const provinceOfCity = new Map<string, string>();
  for (const [city, votes] of cityVotes) {
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    if (ranked.length > 1) notes.push(`${census.file}: census province "${city}" has matched communes in provinces ${ranked.map((r) => r[0]).join(', ')}; taken as ${ranked[0][0]}`);
    provinceOfCity.set(city, ranked[0][0]);
  }
  const mappedProvinces = new Set(provinceOfCity.values());
  for (const city of cityTotals.keys()) {
    if (provinceOfCity.has(city)) continue;
    // no matched commune (Thừa Thiên Huế: all its wards were renamed/merged before 2025): match by name suffix
    const key = normaliseName(city);
    const candidates = provinceUnits.filter((p) => !mappedProvinces.has(p.code) && key.endsWith(normaliseName(p.name)));
    if (candidates.length === 1) {
      provinceOfCity.set(city, candidates[0].code);
      mappedProvinces.add(candidates[0].code);
      notes.push(`${census.file}: census province "${city}" has no matched commune; matched to ${candidates[0].code} ${candidates[0].fullName} by name`);
    } else {
      notes.push(`${census.file}: census province "${city}" matches no province (ignored)`);
    }
  }
  const provinceTotals = new Map<string, number>();
  for (const [city, total] of cityTotals) {
    const p = provinceOfCity.get(city);
    if (p) provinceTotals.set(p, (provinceTotals.get(p) ?? 0) + total);
  }
  for (const p of provinceUnits) p.population = int(provinceTotals.get(p.code) ?? null);
  const missing = provinceUnits.filter((p) => p.population === null).map((p) => p.code);
  notes.push(`pre2025 province population: 2019 census totals for ${provinceUnits.length - missing.length}/${provinceUnits.length} provinces${missing.length ? ` (null: ${missing.join(', ')})` : ''}`);

  return [...provinceUnits, ...districtUnits, ...communeUnits];
}

/**
 * The old→new links. Applies the code changes (the crosswalk uses 06970/23737 where the 2025 units
 * use 06978/23938). Weights: an old commune with one target gives it weight 1; an old commune split
 * between several targets shares its figures in proportion to the targets' geodesic areas (no
 * polygon of the old commune exists), summing to 1. Links whose old code is not a pre-2025 unit
 * (the 12 communes that only existed in the 01/03/2025 list) are dropped; the 5 island districts
 * without communes (3-digit old codes) are pre-2025 units and are kept.
 */
function buildCrosswalk(
  links: CsvTable,
  codeChanges: CsvTable,
  units2025: Unit[],
  unitsPre2025: Unit[],
  notes: string[],
): CrosswalkLink[] {
  const rename = new Map<string, string>();
  for (const row of codeChanges.rows) {
    if (row.get('change').trim() !== 'code') continue;
    const from = code(codeChanges, row, 'code_gso_1027_list', 5);
    const to = code(codeChanges, row, 'code_current', 5);
    if (from !== to) rename.set(from, to);
  }
  const newByCode = new Map(units2025.filter((u) => u.level === 'commune').map((u) => [u.code, u]));
  const oldByCode = new Map(unitsPre2025.filter((u) => u.level !== 'province').map((u) => [u.code, u]));
  const islandDistricts = new Set(assessedUnits(unitsPre2025).filter((u) => u.level === 'district').map((u) => u.code));

  interface Raw {
    oldCode: string;
    newCode: string;
    relation: 'full' | 'partial';
    line: number;
  }
  const byOld = new Map<string, Raw[]>();
  const dropped = new Set<string>();
  let renamed = 0;
  const seenPair = new Map<string, number>();
  for (const row of links.rows) {
    const oldCode = code(links, row, 'old_code', [3, 5]);
    let newCode = code(links, row, 'new_code', 5);
    const relation = row.get('relation').trim();
    if (relation !== 'full' && relation !== 'partial') fail(links, row, `relation ${JSON.stringify(relation)} is not full or partial`);
    const r = rename.get(newCode);
    if (r) {
      newCode = r;
      renamed++;
    }
    if (!newByCode.has(newCode)) fail(links, row, `new_code ${newCode} is not a 2025 commune`);
    const old = oldByCode.get(oldCode);
    if (!old || (old.level === 'district' && !islandDistricts.has(oldCode))) {
      dropped.add(oldCode);
      continue;
    }
    uniqueCheck(links, seenPair, row, `${oldCode}→${newCode}`);
    const list = byOld.get(oldCode) ?? [];
    list.push({ oldCode, newCode, relation, line: row.line });
    byOld.set(oldCode, list);
  }
  if (renamed > 0) notes.push(`${links.file}: ${renamed} links re-coded by ${codeChanges.file} (${[...rename].map(([a, b]) => `${a}→${b}`).join(', ')})`);
  if (dropped.size > 0) notes.push(`${links.file}: dropped the links of ${dropped.size} old codes that are not units of the 30/06/2025 list (${[...dropped].sort().join(', ')})`);

  const withoutLink = unitsPre2025.filter((u) => u.level === 'commune' && !byOld.has(u.code));
  if (withoutLink.length > 0) {
    throw new CsvError(links.file, 0, `${withoutLink.length} communes of the 30/06/2025 list have no link (${withoutLink.slice(0, 5).map((u) => u.code).join(', ')}${withoutLink.length > 5 ? ', …' : ''})`);
  }

  const out: CrosswalkLink[] = [];
  let mixed = 0;
  let lonePartial = 0;
  for (const [oldCode, list] of byOld) {
    if (list.length === 1) {
      if (list[0].relation === 'partial') lonePartial++;
      out.push({ oldCode, newCode: list[0].newCode, relation: list[0].relation, weight: 1 });
      continue;
    }
    if (list.some((l) => l.relation === 'full')) mixed++;
    const areas = list.map((l) => newByCode.get(l.newCode)!.areaKm2 ?? 0);
    const sum = areas.reduce((s, a) => s + a, 0);
    list.forEach((l, k) => {
      const weight = sum > 0 ? areas[k] / sum : 1 / list.length;
      // several targets: the link is partial whatever the source says
      out.push({ oldCode, newCode: l.newCode, relation: 'partial', weight });
    });
  }
  if (mixed > 0) notes.push(`${links.file}: ${mixed} old codes have a "full" link plus other targets; treated as partial, weights by area`);
  if (lonePartial > 0) notes.push(`${links.file}: ${lonePartial} old codes have a single "partial" link; weight 1`);
  const partial = out.filter((l) => l.relation === 'partial');
  notes.push(`crosswalk: ${out.length} links (${out.length - partial.length} full, ${partial.length} partial with area weights) from ${byOld.size} old units`);
  return out.sort((a, b) => (a.oldCode === b.oldCode ? a.newCode.localeCompare(b.newCode) : a.oldCode.localeCompare(b.oldCode)));
}

/** A 2025 population under this share of the 2019 census count of the same land is taken as a typing slip. */
const IMPLAUSIBLE_POPULATION_SHARE = 0.25;

/**
 * Checks each 2025 commune's population (sapnhap.bando.com.vn, scraped) against the 2019 census count of the old
 * communes it was formed from (through the crosswalk, partial links by their area weight). The scrape has slips
 * such as 5 residents for a 115 km² commune (Xã Cam Hiệp), which would make its models per 10,000 residents the
 * country's highest by far. Where a figure is under a quarter of that count (populations grew 2019–2025, and the
 * scrape counts temporary residents too), the census count replaces it; where some predecessors' counts are
 * unknown and the figure is under a quarter of the known ones alone, it is dropped (no data: no figure to trust).
 * Returns new units; notes say which changed.
 */
export function checkPopulations2025(units2025: readonly Unit[], unitsPre: readonly Unit[], crosswalk: readonly CrosswalkLink[], notes: string[]): Unit[] {
  const census = new Map(unitsPre.filter((u) => u.level !== 'province').map((u) => [u.code, u.population]));
  // new code → census count of the known predecessors, and whether every predecessor was known
  const counted = new Map<string, { sum: number; complete: boolean }>();
  for (const l of crosswalk) {
    const c = counted.get(l.newCode) ?? { sum: 0, complete: true };
    const p = census.get(l.oldCode);
    if (p === null || p === undefined) c.complete = false;
    else c.sum += p * l.weight;
    counted.set(l.newCode, c);
  }
  const replaced: string[] = [];
  const dropped: string[] = [];
  const out = units2025.map((u) => {
    const c = counted.get(u.code);
    if (u.level !== 'commune' || u.population === null || !c || u.population >= c.sum * IMPLAUSIBLE_POPULATION_SHARE) return u;
    const sum = Math.round(c.sum);
    (c.complete ? replaced : dropped).push(`${u.fullName} (${u.code}) ${u.population}${c.complete ? ` → ${sum}` : ` (census ≥ ${sum})`}`);
    return { ...u, population: c.complete ? sum : null };
  });
  const eg = (list: string[]) => `${list.slice(0, 4).join(', ')}${list.length > 4 ? ', …' : ''}`;
  const share = `${IMPLAUSIBLE_POPULATION_SHARE * 100} %`;
  if (replaced.length) notes.push(`2025 commune population: ${replaced.length} figures under ${share} of the 2019 census count of their land replaced by that count, e.g. ${eg(replaced)}`);
  if (dropped.length) notes.push(`2025 commune population: ${dropped.length} figures under ${share} of the census count of their known predecessors alone dropped (no data), e.g. ${eg(dropped)}`);
  return out;
}

/** Builds the Reference from the source texts. Throws CsvError (file + line) on malformed input. */
export function buildReference(texts: SourceTexts): BuiltReference {
  const tables = Object.fromEntries(
    (Object.keys(SOURCE_FILES) as SourceKey[]).map((k) => [k, readTable(texts[k], SOURCE_FILES[k], REQUIRED_COLUMNS[k])]),
  ) as Record<SourceKey, CsvTable>;
  const notes: string[] = [];
  const units2025 = buildUnits2025(tables.provinces2025, tables.communes2025, tables.codeChanges, notes);
  const unitsPre = buildUnitsPre2025(tables.provincesPre2025, tables.districtsPre2025, tables.communesPre2025, tables.census2019, notes);
  const crosswalk = buildCrosswalk(tables.crosswalk, tables.codeChanges, units2025, unitsPre, notes);
  const checked2025 = checkPopulations2025(units2025, unitsPre, crosswalk, notes);
  const count = (units: Unit[], level: string) => units.filter((u) => u.level === level).length;
  const byType = (type: string) => units2025.filter((u) => u.level === 'commune' && u.type === type).length;
  notes.unshift(
    `units 2025: ${count(units2025, 'province')} provinces, ${count(units2025, 'commune')} communes (${byType('Xã')} xã, ${byType('Phường')} phường, ${byType('Đặc khu')} đặc khu by 1027/CTK-CSCL, 01/7/2025); pre2025: ${count(unitsPre, 'province')} provinces, ${count(unitsPre, 'district')} districts, ${count(unitsPre, 'commune')} communes`,
  );
  return { reference: { units: [...checked2025, ...unitsPre], crosswalk }, notes };
}
