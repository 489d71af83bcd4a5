import { readTable } from '../../shared/lib/csv.js';
import { documentedTypeChanges } from '../reference/units2025.js';

/** One row of units/2025/communes.csv, as far as the pipeline needs it. */
interface OfficialCommune {
  code: string;
  name: string;
  type: string;
  province_code: string;
  full_name: string;
  /** The name in the official list 1027/CTK-CSCL (`name_in_gso_1027_list`): its prefix is the unit's type. */
  official_name: string;
}

/** One row of units/2025/provinces.csv. */
interface OfficialProvince {
  code: string;
  name: string;
  /** `commune_count` column when present. */
  communeCount: number | null;
}

export interface OfficialUnits {
  communes: OfficialCommune[];
  provinces: OfficialProvince[];
  /** Codes a later list retyped, as documented in crosswalk/code_changes_after_2025-07-01.csv (change "type"). */
  retyped: ReadonlySet<string>;
}

const COMMUNE_COLUMNS = ['code', 'name', 'type', 'province_code', 'full_name', 'name_in_gso_1027_list'] as const;
const PROVINCE_COLUMNS = ['code', 'name'] as const;

/**
 * Parses the two official lists and the documented later changes; fails on missing columns or ragged rows, naming
 * file, line and column.
 */
export function parseUnits(
  communesCsv: string,
  provincesCsv: string,
  codeChangesCsv: string,
  labels = { communes: 'communes.csv', provinces: 'provinces.csv', codeChanges: 'code_changes_after_2025-07-01.csv' },
): OfficialUnits {
  const c = readTable(communesCsv, labels.communes, COMMUNE_COLUMNS);
  const p = readTable(provincesCsv, labels.provinces, PROVINCE_COLUMNS);
  if (c.rows.length === 0) throw new Error(`${labels.communes}: no data rows`);
  if (p.rows.length === 0) throw new Error(`${labels.provinces}: no data rows`);
  const hasCount = p.columns.includes('commune_count');
  return {
    communes: c.rows.map((r) => ({
      code: r.get('code').trim(),
      name: r.get('name').trim(),
      type: r.get('type').trim(),
      province_code: r.get('province_code').trim(),
      full_name: r.get('full_name').trim(),
      official_name: r.get('name_in_gso_1027_list').trim(),
    })),
    provinces: p.rows.map((r) => ({
      code: r.get('code').trim(),
      name: r.get('name').trim(),
      communeCount: hasCount && r.get('commune_count').trim() !== '' ? Number(r.get('commune_count')) : null,
    })),
    retyped: documentedTypeChanges(readTable(codeChangesCsv, labels.codeChanges, ['code_gso_1027_list', 'code_current', 'change'])),
  };
}
