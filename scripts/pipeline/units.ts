import { parseCsv } from './csv.js';

/** One row of units/2025/communes.csv, as far as the pipeline needs it. */
export interface OfficialCommune {
  code: string;
  name: string;
  type: string;
  province_code: string;
}

/** One row of units/2025/provinces.csv. */
export interface OfficialProvince {
  code: string;
  name: string;
  /** `commune_count` column when present. */
  communeCount: number | null;
}

export interface OfficialUnits {
  communes: OfficialCommune[];
  provinces: OfficialProvince[];
}

const COMMUNE_COLUMNS = ['code', 'name', 'type', 'province_code'] as const;
const PROVINCE_COLUMNS = ['code', 'name'] as const;

/** Parses the two official lists; fails on missing columns (naming file and column). */
export function parseUnits(communesCsv: string, provincesCsv: string, labels = { communes: 'communes.csv', provinces: 'provinces.csv' }): OfficialUnits {
  const c = parseCsv(communesCsv);
  const p = parseCsv(provincesCsv);
  requireColumns(c, COMMUNE_COLUMNS, labels.communes);
  requireColumns(p, PROVINCE_COLUMNS, labels.provinces);
  return {
    communes: c.map((r) => ({ code: r.code.trim(), name: r.name.trim(), type: r.type.trim(), province_code: r.province_code.trim() })),
    provinces: p.map((r) => ({
      code: r.code.trim(),
      name: r.name.trim(),
      communeCount: r.commune_count != null && r.commune_count.trim() !== '' ? Number(r.commune_count) : null,
    })),
  };
}

function requireColumns(rows: Record<string, string>[], cols: readonly string[], file: string): void {
  if (rows.length === 0) throw new Error(`${file}: no data rows`);
  const missing = cols.filter((k) => !(k in rows[0]));
  if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
}
