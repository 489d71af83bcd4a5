// Rows of the stats tables as both dialects store them (same column names), and their mapping to the
// domain types by column name. Flags are stored as 0/1 integers in both (NULL: not reported), so one SQL serves both.

import type { Assessment, Batch, CrosswalkLink, Level, Origin, ProvinceReturn, Status, Tally, Unit, Vintage } from '../../shared/domain/types.js';

/** The figures of an assessment, in the order of the assessments table. */
export const FIGURE_COLUMNS = [
  'status', 'exemplary', 'rd_total', 'rd_certified', 'ag_total', 'ag_certified', 'en_total', 'en_certified',
  'sc_total', 'sc_certified', 'models', 'key_area', 'hot_spot',
] as const;
export const ASSESSMENT_COLUMNS = ['vintage', 'commune_code', 'year', ...FIGURE_COLUMNS, 'batch_id'] as const;

export interface AssessmentRow {
  vintage: Vintage;
  commune_code: string;
  year: number;
  status: Status;
  /** Flags: 0/1, NULL not reported. */
  exemplary: number | null;
  /** NULL: not reported (both of a pair, or neither). */
  rd_total: number | null;
  rd_certified: number | null;
  ag_total: number | null;
  ag_certified: number | null;
  en_total: number | null;
  en_certified: number | null;
  sc_total: number | null;
  sc_certified: number | null;
  models: number | null;
  key_area: number | null;
  hot_spot: number | null;
  batch_id: number;
}

const tally = (total: number | null, certified: number | null): Tally | null => (total === null || certified === null ? null : { total, certified });

const flag = (v: number | null) => (v === null ? null : v === 1);
const bit = (b: boolean | null) => (b === null ? null : b ? 1 : 0);

export const toAssessment = (r: AssessmentRow): Assessment => ({
  vintage: r.vintage,
  communeCode: r.commune_code,
  year: r.year,
  status: r.status,
  exemplary: flag(r.exemplary),
  residential: tally(r.rd_total, r.rd_certified),
  agencies: tally(r.ag_total, r.ag_certified),
  enterprises: tally(r.en_total, r.en_certified),
  schools: tally(r.sc_total, r.sc_certified),
  models: r.models,
  keyArea: flag(r.key_area),
  hotSpot: flag(r.hot_spot),
  batchId: r.batch_id,
});

/** The stored figure columns of an assessment (without its key and batch). */
export function figureColumns(a: Omit<Assessment, 'batchId' | 'vintage' | 'communeCode' | 'year'>): Omit<AssessmentRow, 'vintage' | 'commune_code' | 'year' | 'batch_id'> {
  return {
    status: a.status,
    exemplary: bit(a.exemplary),
    rd_total: a.residential?.total ?? null,
    rd_certified: a.residential?.certified ?? null,
    ag_total: a.agencies?.total ?? null,
    ag_certified: a.agencies?.certified ?? null,
    en_total: a.enterprises?.total ?? null,
    en_certified: a.enterprises?.certified ?? null,
    sc_total: a.schools?.total ?? null,
    sc_certified: a.schools?.certified ?? null,
    models: a.models,
    key_area: bit(a.keyArea),
    hot_spot: bit(a.hotSpot),
  };
}

export interface UnitRow {
  vintage: Vintage;
  code: string;
  level: Level;
  name: string;
  full_name: string;
  type: string;
  province_code: string;
  district_code: string | null;
  population: number | null;
  area_km2: number | null;
}
export const toUnit = (r: UnitRow): Unit => ({
  vintage: r.vintage,
  code: r.code,
  level: r.level,
  name: r.name,
  fullName: r.full_name,
  type: r.type,
  provinceCode: r.province_code,
  districtCode: r.district_code,
  population: r.population,
  areaKm2: r.area_km2,
});

export const toLink = (r: { old_code: string; new_code: string; relation: 'full' | 'partial'; weight: number }): CrosswalkLink => ({
  oldCode: r.old_code,
  newCode: r.new_code,
  relation: r.relation,
  weight: r.weight,
});

export const toReturn = (r: { vintage: Vintage; province_code: string; year: number; bodies_total: number; bodies_certified: number; batch_id: number }): ProvinceReturn => ({
  vintage: r.vintage,
  provinceCode: r.province_code,
  year: r.year,
  bodies: { total: r.bodies_total, certified: r.bodies_certified },
  batchId: r.batch_id,
});

export const toBatch = (r: { id: number; origin: Origin; source: string; created_at: string; note: string }): Batch => ({
  id: r.id,
  origin: r.origin,
  source: r.source,
  createdAt: r.created_at,
  note: r.note,
});

export const ORIGINS: readonly Origin[] = ['sample', 'import'];
export const STATUSES: readonly Status[] = ['dat', 'chua_dat', 'chua_danh_gia'];
export const VINTAGES: readonly Vintage[] = ['2025', 'pre2025'];

/** Standard SQL, both dialects. */
export const READ_SQL = {
  crosswalk: 'SELECT old_code, new_code, relation, weight FROM crosswalk ORDER BY old_code, new_code',
  provinceReturns: `SELECT vintage, province_code, year, bodies_total, bodies_certified, batch_id FROM province_returns
    WHERE vintage = ? AND year = ? ORDER BY province_code`,
  batches: 'SELECT id, origin, source, created_at, note FROM batches ORDER BY id',
  assessableUnits: `SELECT vintage, code, province_code FROM units c
    WHERE level = 'commune'
       OR (level = 'district' AND NOT EXISTS (
             SELECT 1 FROM units k WHERE k.vintage = c.vintage AND k.level = 'commune' AND k.district_code = c.code))`,
  provinceCodes: "SELECT vintage, code FROM units WHERE level = 'province'",
  countByOrigin: 'SELECT b.origin, count(*) AS n FROM assessments a JOIN batches b ON b.id = a.batch_id GROUP BY b.origin',
} as const;
