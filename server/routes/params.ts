import type { Level, Vintage } from '../../shared/domain/types.js';
import { badRequest } from '../services/errors.js';
import type { StatsQuery } from '../services/stats.js';

const LEVELS: Record<Vintage, readonly Level[]> = { '2025': ['province', 'commune'], pre2025: ['province', 'district', 'commune'] };

export function parseVintage(raw: string | undefined): Vintage {
  if (raw === undefined || raw === '' || raw === '2025') return '2025';
  if (raw === 'pre2025') return 'pre2025';
  throw badRequest(`vintage phải là "2025" hoặc "pre2025", nhận được "${raw}"`, 'vintage');
}

export function parseYear(raw: string | undefined): number {
  if (raw === undefined || raw === '') throw badRequest('Thiếu tham số year (năm), ví dụ year=2024', 'year');
  if (!/^\d{4}$/.test(raw)) throw badRequest(`year phải là năm 4 chữ số, nhận được "${raw}"`, 'year');
  return Number(raw);
}

/** Validates /api/stats parameters; unknown years and codes are checked later against the data (404). */
export function parseStatsQuery(q: Record<string, string | undefined>): StatsQuery {
  const vintage = parseVintage(q.vintage);
  const year = parseYear(q.year);
  const level = (q.level ?? 'commune') as Level;
  if (!LEVELS[vintage].includes(level)) {
    const why = vintage === '2025' && level === 'district' ? ' (từ 01/7/2025 không còn cấp huyện)' : '';
    throw badRequest(`level phải là một trong ${LEVELS[vintage].join(', ')} với vintage=${vintage}, nhận được "${q.level}"${why}`, 'level');
  }
  const province = q.province === undefined || q.province === '' ? undefined : q.province;
  if (province !== undefined && !/^\d{2}$/.test(province)) throw badRequest(`province phải là mã tỉnh 2 chữ số, nhận được "${province}"`, 'province');
  const known = new Set(['vintage', 'year', 'level', 'province', 'fields']);
  const extra = Object.keys(q).filter((k) => !known.has(k));
  if (extra.length) throw badRequest(`Tham số không được hỗ trợ: ${extra.join(', ')}`, extra[0]);
  if (q.fields !== undefined && q.fields !== 'status') throw badRequest(`fields chỉ nhận giá trị "status", nhận được "${q.fields}"`, 'fields');
  if (q.fields === 'status' && level !== 'commune') throw badRequest('fields=status chỉ dùng với level=commune (cấp tỉnh, huyện không có một tình trạng)', 'fields');
  return { vintage, year, level, ...(province ? { province } : {}), ...(q.fields ? { fields: q.fields } : {}) };
}

export function parseUnitCode(raw: string): string {
  if (!/^\d{2,5}$/.test(raw)) throw badRequest(`Mã đơn vị phải gồm 2 đến 5 chữ số (mã GSO), nhận được "${raw}"`, 'code');
  return raw;
}
