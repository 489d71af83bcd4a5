// Builds the portal's Reference (units of both vintages + the old→new crosswalk) from the source
// CSV texts: the 2025 units (units2025.ts), the earlier ones (unitsPre2025.ts), the crosswalk (crosswalk.ts), each
// cell read by fields.ts. Pure: no file access (see load.ts for that), so every rule here is unit-tested.

import type { Unit } from '../../shared/domain/types.js';
import type { Reference } from '../../server/store/store.js';
import { readTable, type CsvTable } from '../../shared/lib/csv.js';
import { buildCrosswalk, checkPopulations2025 } from './crosswalk.js';
import { buildUnits2025 } from './units2025.js';
import { buildUnitsPre2025 } from './unitsPre2025.js';

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
