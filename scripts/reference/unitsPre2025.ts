// The units before the 2025 reform (63 provinces, their districts and communes) with the 2019 census populations.

import type { Unit } from '../../shared/domain/types.js';
import { type CsvTable } from '../../shared/lib/csv.js';
import { COMMUNE_TYPES_PRE2025, DISTRICT_TYPES, PROVINCE_TYPES, splitTypePrefix, fail, code, text, num, int, uniqueCheck, normaliseName } from './fields.js';

/**
 * Pre-2025 units (the GSO list of 30/06/2025). Populations: communes from the 2019 census by
 * `gso_code_2025_06_30` (null where unmatched); districts = sum of their communes when every one
 * is known, else null (also null for the 5 island districts without communes); provinces = the
 * 2019 census province total (all census rows of the province, matched or not; province
 * boundaries did not change 2019–2025). Areas are null: there are no polygons for these units.
 */
export function buildUnitsPre2025(
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
