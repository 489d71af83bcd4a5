import { modelDensity } from './density.js';
import { rate } from './figures.js';
import type { Status, Tally } from './types.js';

/** What the map can show. `status` is categorical and exists for communes only. */
export type MetricId = 'status' | 'rate' | 'density';
export const METRIC_IDS: readonly MetricId[] = ['status', 'rate', 'density'];

/** What model density is relative to. */
/** The metric shown at a level: provinces have no status (a commune's certification), so they show the rate. */
export const metricAtLevel = <M extends MetricId | null>(metric: M, provinceLevel: boolean): M | 'rate' => (metric === 'status' && provinceLevel ? 'rate' : metric);

export type Denominator = 'population' | 'residential' | 'area';
export const DENOMINATORS: readonly Denominator[] = ['population', 'residential', 'area'];

export const METRIC_LABELS: Record<MetricId, string> = {
  status: 'Tình trạng công nhận',
  rate: 'Tỷ lệ đạt chuẩn',
  density: 'Mật độ mô hình tự quản',
};
export const DENOMINATOR_LABELS: Record<Denominator, string> = {
  population: 'trên 10.000 dân',
  residential: 'trên một khu dân cư',
  area: 'trên km²',
};
/** Units in which each numeric metric is printed. */
export function metricUnit(metric: MetricId, denominator: Denominator): string {
  if (metric === 'rate') return '%';
  if (metric === 'density') return { population: 'mô hình/10.000 dân', residential: 'mô hình/khu dân cư', area: 'mô hình/km²' }[denominator];
  return '';
}

/** The fields a metric reads, common to a commune row and an area (province) row. */
export interface CommuneInput {
  status: Status | null;
  residential: Tally | null;
  models: number | null;
  population: number | null;
  areaKm2: number | null;
}
export interface AreaInput {
  communes: { total: number; certified: number; noData: number };
  residential: Tally;
  models: number;
  population: number;
  populationKnown: number;
  areaKm2: number;
  /** Over the communes that reported their models (server/domain/aggregate). */
  densityBase: Record<Denominator, { models: number; per: number }>;
}

const isArea = (row: CommuneInput | AreaInput): row is AreaInput => 'populationKnown' in row;

/**
 * The numeric value of a metric for one unit, or null for "no data".
 * Rate: for a province the share of its communes certified, for a commune the share of its residential areas.
 * Density: models per 10,000 residents (null without a population, never zero), per residential area, or per km².
 * A figure not reported is no data, never zero; an area's rate and density are over the communes that reported.
 */
export function metricValue(row: CommuneInput | AreaInput, metric: Exclude<MetricId, 'status'>, denominator: Denominator = 'population'): number | null {
  if (isArea(row)) {
    const withData = row.communes.total - row.communes.noData;
    if (withData === 0) return null;
    if (metric === 'rate') return rate({ total: withData, certified: row.communes.certified });
    const b = row.densityBase[denominator];
    if (denominator === 'population') return b.per > 0 ? modelDensity({ models: b.models, population: b.per }) : null;
    return per(b.models, b.per);
  }
  if (row.status === null) return null;
  if (metric === 'rate') return rate(row.residential);
  if (denominator === 'population') return modelDensity(row);
  return per(row.models, denominator === 'residential' ? (row.residential?.total ?? null) : row.areaKm2);
}

/**
 * Whether a unit's missing value of a metric is a figure its return did not report ("chưa báo cáo"): a commune with
 * data for the year (a status) whose residential areas (rate) or models (density) were left out. Anything else
 * without a value (no data for the year, no population, no residential area to count) is the legend's "Không có số liệu".
 */
export function valueNotReported(row: CommuneInput | AreaInput, metric: Exclude<MetricId, 'status'>, denominator: Denominator = 'population'): boolean {
  if (isArea(row)) return false;
  if (metric === 'rate') return figureNotReported(row, 'residential');
  return figureNotReported(row, 'models') || (denominator === 'residential' && figureNotReported(row, 'residential'));
}

/** A commune with data for the year (a status) whose return left this figure out: "chưa báo cáo". */
export const figureNotReported = (row: Pick<CommuneInput, 'residential' | 'models'> & { status?: Status | null }, f: 'residential' | 'models'): boolean =>
  row.status !== null && row.status !== undefined && row[f] === null;

function per(models: number | null, denominator: number | null): number | null {
  return models === null || !denominator ? null : models / denominator;
}

/** How a commune's certification changed between two years. */
export type StatusChange = 'gained' | 'lost' | 'kept' | 'still_not';
export const STATUS_CHANGE_LABELS: Record<StatusChange, string> = {
  gained: 'Mới đạt',
  lost: 'Mất chuẩn',
  kept: 'Vẫn đạt',
  still_not: 'Vẫn chưa đạt',
};

export function statusChange(from: Status | null, to: Status | null): StatusChange | null {
  if (from === null || to === null) return null;
  if (to === 'dat') return from === 'dat' ? 'kept' : 'gained';
  return from === 'dat' ? 'lost' : 'still_not';
}

/** Change of a numeric metric between two years (later minus earlier); null when either is missing. */
export function valueChange(from: number | null, to: number | null): number | null {
  return from === null || to === null ? null : to - from;
}
