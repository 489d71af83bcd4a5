// A layer as a file: GeoJSON (RFC 7946), GeoPackage, or CSV without geometry (the exports' CSV).
import { formatDate } from '../../shared/lib/format.js';
import { toCsv } from '../../shared/domain/exportCsv.js';
import type { ExportTable } from '../../shared/domain/exportTable.js';
import { STATUS_LABELS } from '../../shared/domain/labels.js';
import { STATUSES } from '../../shared/domain/types.js';
import type { Field } from './fields.js';
import type { Detail } from './geometry.js';
import { writeGpkg } from './gpkg.js';
import type { GisFeature, Layer } from './layers.js';

export type Format = 'geojson' | 'gpkg' | 'csv';
export const FORMATS: readonly Format[] = ['geojson', 'gpkg', 'csv'];
export const CONTENT_TYPES: Record<Format, string> = {
  geojson: 'application/geo+json; charset=utf-8',
  gpkg: 'application/geopackage+sqlite3',
  csv: 'text/csv; charset=utf-8',
};

export const DETAIL_LABELS: Record<Detail, string> = {
  national: 'đơn giản hóa toàn quốc (100 m)',
  fine: 'chi tiết cấp tỉnh (10 m)',
};

/** Where the figures and boundaries come from, said in every file. */
const SOURCE = 'Ranh giới: sapnhap.bando.com.vn / NXB TN-MT&BĐ VN qua thanglequoc/vietnamese-provinces-database';

/** A file's name: antq-xa-phuong-2025-24-chi-tiet.gpkg */
export function fileName(layer: Layer, format: Format, province?: string): string {
  const parts = [layer.collection.fileStem, String(layer.year), ...(province ? [province] : []), ...(layer.detail === 'fine' ? ['chi-tiet'] : [])];
  return `${parts.join('-')}.${format}`;
}

/** The layer's description: what it is, which year, how detailed, whether sample data, from where. */
function describe(layer: Layer, province?: string): string {
  const c = layer.collection;
  const place = province ? `, tỉnh/thành phố mã ${province}` : '';
  return [
    `${c.title}${place}: số liệu năm ${layer.year}; ranh giới ${DETAIL_LABELS[layer.detail]}; WGS 84 (EPSG:4326).`,
    ...(layer.ctx.sample ? ['DỮ LIỆU MINH HỌA: số liệu do bộ sinh dữ liệu mẫu tạo ra, không phải số liệu chính thức.'] : []),
    ...(layer.stats.note ? [layer.stats.note] : []),
    ...(layer.ctx.dataDate ? [`Số liệu đến ngày ${formatDate(layer.ctx.dataDate)}.`] : []),
    `${SOURCE}.`,
  ].join(' ');
}

/** Where an RFC 7946 feature needs it: id, bbox, geometry, properties. */
export const geojsonFeature = (f: GisFeature) => ({ type: 'Feature' as const, id: f.id, bbox: f.bbox, geometry: f.geometry, properties: f.properties });

export function toGeoJson(layer: Layer, province?: string): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    name: fileName(layer, 'geojson', province).replace(/\.geojson$/, ''),
    description: describe(layer, province),
    features: layer.features.map(geojsonFeature),
  });
}

export function toGpkg(layer: Layer, province?: string): Buffer {
  const c = layer.collection;
  return writeGpkg({
    table: c.table,
    title: `${c.title} — năm ${layer.year}${province ? ` — mã tỉnh ${province}` : ''}${layer.detail === 'fine' ? ' — chi tiết' : ''}`,
    description: describe(layer, province),
    fields: c.fields,
    enums: c.fields.some((f) => f.name === 'status') ? { status: STATUSES.map((s) => ({ value: s, description: STATUS_LABELS[s] })) } : undefined,
    features: layer.features.map((f) => ({ geometry: f.geometry, bbox: f.bbox, values: c.fields.map((x) => f.properties[x.name]) })),
    lastChange: layer.ctx.dataDate ? `${layer.ctx.dataDate}T00:00:00.000Z` : new Date().toISOString(),
  });
}

function csvValue(f: Field, v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  const value = v as string | number; // the layers' properties hold text and numbers besides the cases above
  if (f.type === 'date') return formatDate(String(value));
  // A year or a code is text: never "2.025".
  return f.csv === 'text' ? String(value) : value;
}

/** The exports' CSV (header block, Vietnamese headings and numbers); rates in per cent as in the other formats. */
export function toCsvTable(layer: Layer, province?: string): string {
  const c = layer.collection;
  const table: ExportTable = {
    title: `${c.title.toUpperCase()}: SỐ LIỆU NĂM ${layer.year}`,
    sheetName: `${c.id} ${layer.year}`,
    info: [describe(layer, province), `Tên trường (GeoJSON, GeoPackage): ${c.fields.map((f) => f.name).join(', ')}`, `Ngày xuất: ${formatDate(new Date().toISOString())}`],
    columns: c.fields.map((f) => ({ header: f.vi, kind: f.csv, width: 12 })),
    rows: layer.features.map((feat) => c.fields.map((f) => csvValue(f, feat.properties[f.name]))),
  };
  return toCsv(table);
}
