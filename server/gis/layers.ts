// The GIS layers (collections): boundary shapes joined with one year's figures from the StatsService.
import type { MultiPolygon } from 'geojson';
import type { Level, Vintage } from '../../shared/domain/types.js';
import { notFound } from '../services/errors.js';
import type { StatsResponse, StatsService } from '../services/stats.js';
import { AREA_FIELDS, COMMUNE_FIELDS, properties, type Field, type Row, type RowContext, type Value } from './fields.js';
import type { BBox, BoundaryShapes, Detail, ShapeLayer } from './geometry.js';

export interface Collection {
  id: string;
  title: string;
  description: string;
  vintage: Vintage;
  level: Level;
  shapes: ShapeLayer;
  fields: readonly Field[];
  /** Attributes a client may filter on with ?name=value (comma-separated values: any of them). */
  filters: readonly string[];
  /** A file name's stem: antq-xa-phuong-2025 */
  fileStem: string;
  /** The GeoPackage table. */
  table: string;
}

export const COLLECTIONS: readonly Collection[] = [
  {
    id: 'communes',
    title: 'Xã, phường, đặc khu (từ 01/7/2025)',
    description:
      'Ranh giới 3.321 xã, phường, đặc khu từ 01/7/2025 và kết quả công nhận "An toàn về an ninh, trật tự", mô hình tự quản của một năm (year=; năm trước 2025 được quy đổi từ xã cũ).',
    vintage: '2025',
    level: 'commune',
    shapes: 'communes',
    fields: COMMUNE_FIELDS,
    filters: ['status', 'province', 'type', 'key_area', 'hot_spot'],
    fileStem: 'antq-xa-phuong',
    table: 'xa_phuong',
  },
  {
    id: 'provinces',
    title: 'Tỉnh, thành phố (từ 01/7/2025)',
    description: 'Ranh giới 34 tỉnh, thành phố từ 01/7/2025 và số liệu cộng từ các xã, phường của một năm (year=).',
    vintage: '2025',
    level: 'province',
    shapes: 'provinces',
    fields: AREA_FIELDS,
    filters: ['province', 'type'],
    fileStem: 'antq-tinh-thanh',
    table: 'tinh_thanh',
  },
  {
    id: 'provinces-pre2025',
    title: 'Tỉnh, thành phố (đến 30/6/2025)',
    description: 'Ranh giới 63 tỉnh, thành phố trước sắp xếp và số liệu cộng từ các xã cũ của một năm đến 2024 (year=).',
    vintage: 'pre2025',
    level: 'province',
    shapes: 'pre2025-provinces',
    fields: AREA_FIELDS,
    filters: ['province', 'type'],
    fileStem: 'antq-tinh-cu',
    table: 'tinh_cu',
  },
  {
    id: 'districts-pre2025',
    title: 'Quận, huyện, thị xã, thành phố thuộc tỉnh (đến 30/6/2025)',
    description:
      'Ranh giới cấp huyện trước sắp xếp (nguồn 2019–2021; thiếu Quảng Ninh và vài huyện mới) và số liệu cộng từ các xã cũ của một năm đến 2024 (year=).',
    vintage: 'pre2025',
    level: 'district',
    shapes: 'pre2025-districts',
    fields: AREA_FIELDS,
    filters: ['province', 'type'],
    fileStem: 'antq-huyen-cu',
    table: 'huyen_cu',
  },
];

export function collection(id: string): Collection {
  const c = COLLECTIONS.find((x) => x.id === id);
  if (!c) throw notFound(`Không có lớp dữ liệu "${id}". Các lớp: ${COLLECTIONS.map((x) => x.id).join(', ')}`, 'collectionId');
  return c;
}

export interface GisFeature {
  id: string;
  row: Row;
  geometry: MultiPolygon;
  bbox: BBox;
  properties: Record<string, Value>;
}

export interface Layer {
  collection: Collection;
  year: number;
  detail: Detail;
  ctx: RowContext;
  /** ISO timestamp of the latest batch of figures, or null. */
  asOf: string | null;
  stats: StatsResponse;
  /** In code order. */
  features: GisFeature[];
}

/** Joins shapes and figures; the national layers are kept per answer of the StatsService (which caches per store version). */
export class GisLayers {
  private readonly national = new WeakMap<StatsResponse, Layer>();

  constructor(
    readonly svc: StatsService,
    readonly shapes: BoundaryShapes,
  ) {}

  /** Years with figures for a collection, ascending. */
  years(c: Collection): Promise<number[]> {
    return this.svc.years(c.vintage);
  }

  async defaultYear(c: Collection): Promise<number> {
    const years = await this.years(c);
    if (!years.length) throw notFound('Chưa có số liệu năm nào', 'year');
    return years[years.length - 1];
  }

  /** The layer of a year at a detail; `province` limits the finer detail to one province file (and the rows to it). */
  async layer(c: Collection, year: number, detail: Detail, province?: string): Promise<Layer> {
    const stats = await this.svc.stats({ vintage: c.vintage, year, level: c.level });
    if (detail === 'national') {
      let l = this.national.get(stats);
      if (!l) this.national.set(stats, (l = await this.join(c, stats, detail)));
      return province === undefined ? l : { ...l, features: l.features.filter((f) => f.row.provinceCode === province) };
    }
    return this.join(c, stats, detail, province);
  }

  private async join(c: Collection, stats: StatsResponse, detail: Detail, province?: string): Promise<Layer> {
    const [units, batches] = await Promise.all([this.svc.units(c.vintage), this.svc.batches()]);
    const provinceNames = new Map([...units.values()].filter((u) => u.level === 'province').map((u) => [u.code, u.name]));
    const latest = [...batches.values()].reduce<string | null>((m, b) => (m === null || b.createdAt > m ? b.createdAt : m), null);
    const method = stats.level === 'province' && stats.areaBasis === 'old-units' ? 'old-units' : stats.method;
    const ctx: RowContext = { year: stats.year, method, sample: stats.sample, dataDate: latest ? latest.slice(0, 10) : null, provinceNames };
    const rows = new Map<string, Row>(stats.units.map((u) => [u.code, u]));
    const features: GisFeature[] = [];
    for (const s of this.shapes.shapes(c.shapes, detail, province)) {
      const row = rows.get(s.code);
      // Only the pre-2025 districts have shapes without a unit: 11 districts abolished before 30/06/2025 (the 2025
      // pipeline validates its codes against the list). Their figures are in their successors'.
      if (!row) continue;
      if (province !== undefined && row.provinceCode !== province) continue;
      features.push({ id: s.code, row, geometry: s.geometry, bbox: s.bbox, properties: properties(c.fields, row, ctx) });
    }
    features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { collection: c, year: stats.year, detail, ctx, asOf: latest, stats, features };
  }
}
