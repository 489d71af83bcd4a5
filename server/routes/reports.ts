import { Hono } from 'hono';
import { badRequest } from '../services/errors.js';
import type { StatsService } from '../services/stats.js';
import { reportDocx } from '../reports/docx.js';
import { GeoLayers } from '../reports/geometry.js';
import { legendTitle, reportMapRequest, statusMap } from '../reports/mapImage.js';
import { reportData, type ReportQuery } from '../reports/reportData.js';
import { parseYear } from './params.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const REPORT_SOURCE = 'Ban Chỉ đạo 138; bản đồ phong trào Toàn dân bảo vệ ANTQ; ranh giới: sapnhap.bando.com.vn / NXB TN-MT&BĐ VN';
const PLACE_KEYS = ['province', 'district', 'commune'] as const;
const CODE_FORMAT = { province: /^\d{2}$/, district: /^\d{3}$/, commune: /^\d{5}$/ } as const;
const CODE_WORD = { province: 'mã tỉnh 2 chữ số', district: 'mã huyện 3 chữ số', commune: 'mã xã 5 chữ số' } as const;

/** ?year=Y[&province=P | &district=D | &commune=C][&date=YYYY-MM-DD] */
export function parseReportQuery(q: Record<string, string | undefined>): ReportQuery & { date: Date | null } {
  const known = new Set(['year', 'date', ...PLACE_KEYS]);
  const extra = Object.keys(q).filter((k) => !known.has(k));
  if (extra.length) throw badRequest(`Tham số không được hỗ trợ: ${extra.join(', ')}`, extra[0]);
  const year = parseYear(q.year);
  const given = PLACE_KEYS.filter((k) => q[k] !== undefined && q[k] !== '');
  if (given.length > 1) throw badRequest(`Chỉ chọn một địa bàn: ${given.join(', ')}`, given[1]);
  const kind = given[0];
  if (kind && !CODE_FORMAT[kind].test(q[kind]!)) throw badRequest(`${kind} phải là ${CODE_WORD[kind]}, nhận được "${q[kind]}"`, kind);
  if (kind === 'district' && year >= 2025) throw badRequest('Từ 01/7/2025 không còn cấp huyện: chọn tỉnh hoặc xã', 'district');
  let date: Date | null = null;
  if (q.date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(q.date) || Number.isNaN(Date.parse(q.date))) throw badRequest(`date phải có dạng YYYY-MM-DD, nhận được "${q.date}"`, 'date');
    date = new Date(`${q.date}T12:00:00+07:00`);
  }
  return { year, kind: kind ?? 'country', code: kind ? q[kind]! : null, date };
}

/** ASCII file names: "bao-cao-antq-2023-tinh-bac-ninh.docx". */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** GET /api/reports/report.docx: the year's written report of the country, a province, a district (≤ 2024) or a commune. */
export function reportRoutes(svc: StatsService, geoDir: string) {
  const geo = new GeoLayers(geoDir);
  return new Hono().get('/report.docx', async (c) => {
    const q = parseReportQuery(c.req.query());
    const data = await reportData(svc, q);
    const size = { width: 1600, height: 1200, u: 2, withLegend: true };
    const map = await statusMap(svc, geo, reportMapRequest(data, size));
    const place = data.figures.place;
    const caption = `${legendTitle(q.year, q.year < 2025)}, ${place.kind === 'country' ? 'toàn quốc' : place.fullName}`;
    const bytes = await reportDocx({ data, map: { png: map.png, width: size.width, height: size.height, caption }, date: q.date ?? new Date(), source: REPORT_SOURCE });
    const name = `bao-cao-antq-${q.year}-${slug(place.kind === 'country' ? 'toan-quoc' : place.fullName)}.docx`;
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': DOCX_TYPE, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' });
  });
}
