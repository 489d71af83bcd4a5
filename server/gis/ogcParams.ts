// The query parameters of the OGC API – Features routes, as zod schemas: the routes validate with them and the
// OpenAPI document's parameters are generated from them (ogcOpenapi.ts), so the two cannot disagree.
import { z } from 'zod';
import { STATUSES } from '../../shared/domain/types.js';
import { DETAILS } from './geometry.js';
import type { Collection } from './layers.js';
import { FORMATS } from './formats.js';

const f = z.enum(['json', 'html']).optional().describe('Định dạng trả về (mặc định theo tiêu đề Accept): json hoặc html');

const year = z
  .string()
  .regex(/^\d{4}$/, 'year phải là năm 4 chữ số')
  .transform(Number)
  .optional()
  .describe('Năm của số liệu (mặc định: năm mới nhất). Năm trước 2025 trên địa giới 2025 được quy đổi từ xã cũ.');

const number = /-?\d+(\.\d+)?([eE][-+]?\d+)?/.source;
const bbox = z
  .string()
  .regex(new RegExp(`^${number},${number},${number},${number}$`), 'bbox phải gồm 4 số: kinh độ tây, vĩ độ nam, kinh độ đông, vĩ độ bắc')
  .transform((s) => s.split(',').map(Number) as [number, number, number, number])
  .refine(([w, s, e, n]) => w <= e && s <= n && s >= -90 && n <= 90, 'bbox: tây ≤ đông, nam ≤ bắc, vĩ độ trong [-90, 90]')
  .optional()
  .describe('Chỉ các đối tượng giao với khung này: minLon,minLat,maxLon,maxLat (WGS 84, CRS84)');

const instant = /(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?|\.\.)?/.source;
const datetime = z
  .string()
  .regex(new RegExp(`^${instant}(/${instant})?$`), 'datetime phải là thời điểm RFC 3339 hoặc khoảng "bắt đầu/kết thúc" (".." là mở)')
  .optional()
  .describe('Chỉ các đối tượng có thời gian (năm của số liệu) giao với thời điểm hoặc khoảng này (RFC 3339)');

const list = <T extends string>(values: readonly [T, ...T[]], what: string) =>
  z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(values)))
    .optional()
    .describe(`${what}; nhiều giá trị cách nhau bằng dấu phẩy`);

const codes = (digits: number, what: string) =>
  z
    .string()
    .regex(new RegExp(`^\\d{${digits}}(,\\d{${digits}})*$`), `${what}: mã ${digits} chữ số, cách nhau bằng dấu phẩy`)
    .transform((s) => s.split(','))
    .optional()
    .describe(`${what} (mã GSO ${digits} chữ số); nhiều mã cách nhau bằng dấu phẩy`);

const bool = (what: string) => z.enum(['true', 'false']).transform((s) => s === 'true').optional().describe(what);

/** The property filters a collection offers, by attribute name. */
const FILTERS = {
  status: list(STATUSES as [string, ...string[]], 'Tình trạng công nhận: dat, chua_dat, chua_danh_gia'),
  province: codes(2, 'Tỉnh, thành phố'),
  type: z
    .string()
    .transform((s) => s.split(','))
    .optional()
    .describe('Loại đơn vị (Xã, Phường, Đặc khu; Tỉnh, Thành phố); nhiều giá trị cách nhau bằng dấu phẩy'),
  key_area: bool('Địa bàn trọng điểm: true hoặc false'),
  hot_spot: bool('Có điểm nóng: true hoặc false'),
};
export type FilterName = keyof typeof FILTERS;

export const formatQuery = z.object({ f }).strict();

export function itemsQuery(c: Collection) {
  const filters = Object.fromEntries(c.filters.map((name) => [name, FILTERS[name as FilterName]]));
  return z
    .object({
      f,
      limit: z.coerce.number().int().min(1).max(10000).default(100).describe('Số đối tượng tối đa trong một trang'),
      offset: z.coerce.number().int().min(0).default(0).describe('Bỏ qua bao nhiêu đối tượng đầu (liên kết "next" mang sẵn)'),
      bbox,
      'bbox-crs': z.literal('http://www.opengis.net/def/crs/OGC/1.3/CRS84').optional().describe('Hệ tọa độ của bbox: chỉ CRS84'),
      datetime,
      year,
      ...filters,
    })
    .strict();
}

export const itemQuery = z.object({ f, year }).strict();

export function downloadQuery(c: Collection) {
  return z
    .object({
      f: z.enum(FORMATS as [string, ...string[]]).describe('Định dạng tệp: geojson (RFC 7946), gpkg (GeoPackage) hoặc csv (chỉ số liệu)'),
      year,
      detail: z
        .enum(DETAILS as [string, ...string[]])
        .default('national')
        .describe('Mức chi tiết ranh giới: national (đơn giản hóa toàn quốc, 100 m) hoặc fine (chi tiết cấp tỉnh, 10 m)'),
      province: z
        .string()
        .regex(/^\d{2}$/, 'province: mã tỉnh 2 chữ số')
        .optional()
        .describe(c.level === 'province' ? 'Chỉ tỉnh, thành phố này' : 'Chỉ các xã, phường của tỉnh, thành phố này'),
    })
    .strict();
}

