// The attributes every GIS download and the OGC API carry, in one place: name, type, and the English and Vietnamese
// descriptions (README, GeoPackage aliases, OpenAPI schema, CSV headings).
import { STATUS_LABELS, NO_DATA_LABEL } from '../../shared/domain/labels.js';
import { metricValue } from '../../shared/domain/metrics.js';
import { rate } from '../../shared/domain/figures.js';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import type { CountFigure, Tally } from '../../shared/domain/types.js';
import type { FlagFigure } from '../../shared/domain/aggregate.js';
import type { ColumnKind } from '../../shared/domain/exportTable.js';
import type { AreaFigures, Method } from '../services/stats.js';

/** Storage type: SQLite/GeoPackage column type and JSON type follow from it. */
export type FieldType = 'text' | 'integer' | 'real' | 'boolean' | 'date';
export type Value = string | number | boolean | null;

export interface Field {
  name: string;
  type: FieldType;
  /** Short Vietnamese title: the GeoPackage alias and the CSV heading. */
  vi: string;
  en: string;
  /** How the CSV writes it (Vietnamese number format). */
  csv: ColumnKind;
}

/** What a row's values are read from: a commune or an area (province, district) of one year's /api/stats. */
export interface RowContext {
  year: number;
  /** 'old-units': an area's figures of a year before 2025 taken from its old communes as reported (shared/domain/previousYear). */
  method: Method | 'old-units';
  sample: boolean;
  /** ISO date of the latest batch of figures (YYYY-MM-DD), or null. */
  dataDate: string | null;
  provinceNames: ReadonlyMap<string, string>;
}

interface FieldDef<R> extends Field {
  get(r: R, ctx: RowContext): Value;
}

/** A rate in per cent with two decimals, as the reports print it; null when there is nothing to count. */
const percent = (share: number | null) => (share === null ? null : Math.round(share * 10000) / 100);
const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

type Kind = 'residential' | 'agencies' | 'enterprises' | 'schools';
const KINDS: [Kind, string, string][] = [
  ['residential', 'khu dân cư', 'residential areas'],
  ['agencies', 'cơ quan', 'agencies'],
  ['enterprises', 'doanh nghiệp', 'enterprises'],
  ['schools', 'nhà trường', 'schools'],
];

/** A commune's pair is null when not reported (null attributes, never 0); an area's sums over the communes that reported it. */
function tallyFields<R extends Record<Kind, Tally | null>>(): FieldDef<R>[] {
  return KINDS.flatMap(([k, vi, en]): FieldDef<R>[] => [
    { name: `${k}_certified`, type: 'real', vi: `Số ${vi} đạt chuẩn`, en: `${en[0].toUpperCase()}${en.slice(1)} certified`, csv: 'count', get: (r) => r[k]?.certified ?? null },
    { name: `${k}_total`, type: 'real', vi: `Tổng số ${vi}`, en: `${en[0].toUpperCase()}${en.slice(1)}, total`, csv: 'count', get: (r) => r[k]?.total ?? null },
    { name: `${k}_rate`, type: 'real', vi: `Tỷ lệ ${vi} đạt chuẩn (%)`, en: `Share of ${en} certified (per cent)`, csv: 'decimal', get: (r) => percent(rate(r[k])) },
  ]);
}

/**
 * An area's coverage of each figure: how many of its communes with data reported it ("báo cáo 97/99 xã" with
 * communes_total − communes_no_data); its sums and rates are over those communes only.
 */
function coverageFields(): FieldDef<AreaFigures>[] {
  const figures: [CountFigure, string, string][] = [...KINDS, ['models', 'mô hình tự quản', 'self-management models']];
  return figures.map(([k, vi, en]) => ({
    name: `${k}_reported`,
    type: 'integer',
    vi: `Số xã, phường báo cáo ${vi}`,
    en: `Communes with figures that reported their ${en} (the sums and rates are over them)`,
    csv: 'count',
    get: (r) => r.reported[k],
  }));
}

/** How many communes with figures reported each yes/no flag: the counts above are of their yeses (a flag not reported is not a "no"). */
function flagCoverageFields(): FieldDef<AreaFigures>[] {
  const flags: [FlagFigure, string, string, string][] = [
    ['keyArea', 'key_areas', 'địa bàn trọng điểm', 'whether they are key areas'],
    ['hotSpot', 'hot_spots', 'điểm nóng', 'whether they have a hot spot'],
    ['exemplary', 'exemplary', 'điển hình', 'whether they are exemplary'],
  ];
  return flags.map(([k, name, vi, en]) => ({
    name: `${name}_reported`,
    type: 'integer',
    vi: `Số xã, phường báo cáo ${vi}`,
    en: `Communes with figures that reported ${en}`,
    csv: 'count',
    get: (r) => r.reported[k],
  }));
}

const head = <R extends { code: string; name: string; type: string; provinceCode: string }>(fullName: (r: R) => string): FieldDef<R>[] => [
  { name: 'code', type: 'text', vi: 'Mã', en: 'GSO code (the feature id)', csv: 'text', get: (r) => r.code },
  { name: 'name', type: 'text', vi: 'Tên', en: 'Name without the unit type', csv: 'text', get: (r) => r.name },
  { name: 'full_name', type: 'text', vi: 'Tên đầy đủ', en: 'Name with the unit type', csv: 'text', get: fullName },
  { name: 'type', type: 'text', vi: 'Loại đơn vị', en: 'Unit type (Xã, Phường, Đặc khu, Thị trấn; Tỉnh, Thành phố; Quận, Huyện, …)', csv: 'text', get: (r) => r.type },
  { name: 'province', type: 'text', vi: 'Mã tỉnh, thành phố', en: 'Province code', csv: 'text', get: (r) => r.provinceCode },
  { name: 'province_name', type: 'text', vi: 'Tỉnh, thành phố', en: 'Province name', csv: 'text', get: (r, c) => c.provinceNames.get(r.provinceCode) ?? null },
  { name: 'year', type: 'integer', vi: 'Năm', en: 'Year of the figures', csv: 'text', get: (_, c) => c.year },
];

const tail = <R,>(): FieldDef<R>[] => [
  { name: 'method', type: 'text', vi: 'Cách tính', en: '"reported" on these units; before 2025, "old-units" (a province: its old communes as reported) or "crosswalk" (a commune: rolled up from its predecessors)', csv: 'text', get: (_, c) => c.method },
  { name: 'sample', type: 'boolean', vi: 'Dữ liệu minh họa', en: 'Sample data (not official figures)', csv: 'text', get: (_, c) => c.sample },
  { name: 'data_date', type: 'date', vi: 'Số liệu đến ngày', en: 'Date of the figures (latest batch)', csv: 'text', get: (_, c) => c.dataDate },
];

export const COMMUNE_FIELDS: FieldDef<CommuneFigures>[] = [
  ...head<CommuneFigures>((r) => `${r.type} ${r.name}`),
  { name: 'status', type: 'text', vi: 'Mã tình trạng', en: 'Certification: dat, chua_dat, chua_danh_gia, or empty (no data)', csv: 'text', get: (r) => r.status },
  { name: 'status_label', type: 'text', vi: 'Tình trạng công nhận', en: 'Certification, in Vietnamese', csv: 'text', get: (r) => (r.status ? STATUS_LABELS[r.status] : NO_DATA_LABEL) },
  { name: 'exemplary', type: 'boolean', vi: 'Điển hình', en: 'Exemplary; empty when not reported', csv: 'text', get: (r) => (r.status === null ? null : r.exemplary) },
  ...tallyFields<CommuneFigures>(),
  { name: 'models', type: 'real', vi: 'Số mô hình tự quản', en: 'Self-management models', csv: 'count', get: (r) => r.models },
  { name: 'population', type: 'integer', vi: 'Dân số', en: 'Population', csv: 'count', get: (r) => r.population },
  { name: 'area_km2', type: 'real', vi: 'Diện tích (km²)', en: 'Geodesic area (km²)', csv: 'decimal', get: (r) => round(r.areaKm2, 2) },
  { name: 'density', type: 'real', vi: 'Mô hình trên 10.000 dân', en: 'Models per 10,000 residents', csv: 'decimal', get: (r) => round(metricValue(r, 'density', 'population'), 4) },
  { name: 'density_km2', type: 'real', vi: 'Mô hình trên km²', en: 'Models per km²', csv: 'decimal', get: (r) => round(metricValue(r, 'density', 'area'), 4) },
  { name: 'key_area', type: 'boolean', vi: 'Địa bàn trọng điểm', en: 'Key area (địa bàn trọng điểm, phức tạp); empty when not reported', csv: 'text', get: (r) => (r.status === null ? null : r.keyArea) },
  { name: 'hot_spot', type: 'boolean', vi: 'Điểm nóng', en: 'Hot spot (điểm nóng); empty when not reported', csv: 'text', get: (r) => (r.status === null ? null : r.hotSpot) },
  ...tail<CommuneFigures>(),
];

export const AREA_FIELDS: FieldDef<AreaFigures>[] = [
  ...head<AreaFigures>((r) => r.fullName),
  { name: 'communes_total', type: 'integer', vi: 'Tổng số xã, phường', en: 'Communes and wards', csv: 'count', get: (r) => r.communes.total },
  { name: 'communes_certified', type: 'integer', vi: 'Số xã, phường đạt chuẩn', en: 'Communes certified', csv: 'count', get: (r) => r.communes.certified },
  { name: 'communes_not_certified', type: 'integer', vi: 'Số xã, phường chưa đạt', en: 'Communes not certified', csv: 'count', get: (r) => r.communes.notCertified },
  { name: 'communes_not_assessed', type: 'integer', vi: 'Số xã, phường chưa đánh giá', en: 'Communes not assessed', csv: 'count', get: (r) => r.communes.notAssessed },
  { name: 'communes_no_data', type: 'integer', vi: 'Số xã, phường không có số liệu', en: 'Communes without figures', csv: 'count', get: (r) => r.communes.noData },
  { name: 'communes_rate', type: 'real', vi: 'Tỷ lệ xã, phường đạt chuẩn (%)', en: 'Share of communes with figures certified (per cent)', csv: 'decimal', get: (r) => percent(metricValue(r, 'rate')) },
  ...tallyFields<AreaFigures>(),
  { name: 'models', type: 'real', vi: 'Số mô hình tự quản', en: 'Self-management models', csv: 'count', get: (r) => r.models },
  ...coverageFields(),
  { name: 'population', type: 'integer', vi: 'Dân số', en: 'Population (communes where known)', csv: 'count', get: (r) => (r.populationKnown ? r.population : null) },
  { name: 'area_km2', type: 'real', vi: 'Diện tích (km²)', en: 'Geodesic area (km²)', csv: 'decimal', get: (r) => round(r.areaKm2, 2) },
  { name: 'density', type: 'real', vi: 'Mô hình trên 10.000 dân', en: 'Models per 10,000 residents', csv: 'decimal', get: (r) => round(metricValue(r, 'density', 'population'), 4) },
  { name: 'density_km2', type: 'real', vi: 'Mô hình trên km²', en: 'Models per km²', csv: 'decimal', get: (r) => round(metricValue(r, 'density', 'area'), 4) },
  { name: 'key_areas', type: 'integer', vi: 'Số địa bàn trọng điểm', en: 'Communes that are key areas', csv: 'count', get: (r) => r.keyAreas },
  { name: 'hot_spots', type: 'integer', vi: 'Số điểm nóng', en: 'Communes with a hot spot', csv: 'count', get: (r) => r.hotSpots },
  { name: 'exemplary', type: 'integer', vi: 'Số xã, phường điển hình', en: 'Exemplary communes', csv: 'count', get: (r) => r.exemplary },
  ...flagCoverageFields(),
  ...tail<AreaFigures>(),
];

export type Row = CommuneFigures | AreaFigures;

/** The same as an object keyed by field name (GeoJSON properties). */
export function properties(fields: readonly Field[], row: Row, ctx: RowContext): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const f of fields as readonly FieldDef<Row>[]) out[f.name] = f.get(row, ctx);
  return out;
}
