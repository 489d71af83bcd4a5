// The 2025 units (34 provinces, 3,321 communes) from the official lists.

import type { Unit } from '../../shared/domain/types.js';
import { CsvError, type CsvTable } from '../../shared/lib/csv.js';
import { checkCommuneTypes } from '../../shared/domain/unitTypes.js';
import { PROVINCE_TYPES, fail, code, text, num, int, uniqueCheck } from './fields.js';

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
export function buildUnits2025(provinces: CsvTable, communes: CsvTable, codeChanges: CsvTable, notes: string[]): Unit[] {
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
