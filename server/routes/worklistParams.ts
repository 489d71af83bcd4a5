import { isCellId, type CertMode } from '../../shared/domain/bivariate.js';
import { STATUSES } from '../../shared/domain/types.js';
import { DEFAULT_CRITERIA, REQUIRABLE, type DensityRule, type ReasonId, type StatusFilter, type WorklistCriteria } from '../../shared/domain/worklist.js';
import { badRequest } from '../services/errors.js';
import { parseYear } from './params.js';

/** Unit types of the 2025 map. */
const UNIT_TYPES = ['Xã', 'Phường', 'Đặc khu'] as const;
const STATUS_FILTERS: readonly StatusFilter[] = [...STATUSES, 'none'];

type Query = Record<string, string | undefined>;

function rejectUnknown(q: Query, known: readonly string[]): void {
  const extra = Object.keys(q).filter((k) => !known.includes(k));
  if (extra.length) throw badRequest(`Tham số không được hỗ trợ: ${extra.join(', ')} (được dùng: ${known.join(', ')})`, extra[0]);
}

/** A comma-separated list whose every item must be one of `allowed`. */
function list<T extends string>(raw: string | undefined, allowed: readonly T[], field: string): T[] {
  if (raw === undefined || raw === '') return [];
  const items = raw.split(',').map((s) => s.trim());
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length) throw badRequest(`${field} chỉ nhận ${allowed.join(', ')} (cách nhau bằng dấu phẩy), nhận được "${bad.join(', ')}"`, field);
  return [...new Set(items)] as T[];
}

function province(raw: string | undefined, required: boolean): string | null {
  if (raw === undefined || raw === '') {
    if (required) throw badRequest('Thiếu tham số province (mã tỉnh 2 chữ số), ví dụ province=24', 'province');
    return null;
  }
  if (!/^\d{2}$/.test(raw)) throw badRequest(`province phải là mã tỉnh 2 chữ số, nhận được "${raw}"`, 'province');
  return raw;
}

function density(raw: string | undefined): DensityRule {
  if (raw === undefined || raw === '' || raw === 'median') return { kind: 'provinceMedian' };
  const m = /^p(\d{1,2})$/.exec(raw);
  if (!m || Number(m[1]) < 1) throw badRequest(`density phải là "median" (trung vị của tỉnh) hoặc "p1"…"p99" (phân vị toàn quốc), nhận được "${raw}"`, 'density');
  return { kind: 'percentile', p: Number(m[1]) };
}

const WORKLIST_KEYS = ['year', 'since', 'province', 'type', 'status', 'density', 'require', 'match', 'minScore', 'cell', 'cert'];

/** /api/worklist parameters; unknown years and provinces are checked against the data later (404). */
export function parseWorklistQuery(q: Query): WorklistCriteria {
  rejectUnknown(q, WORKLIST_KEYS);
  const year = parseYear(q.year);
  const since = q.since === undefined || q.since === '' ? year - 1 : parseYear(q.since);
  if (since >= year) throw badRequest(`since (năm so sánh) phải trước năm ${year}, nhận được ${since}`, 'since');
  const match = q.match ?? 'all';
  if (match !== 'all' && match !== 'any') throw badRequest(`match phải là "all" (đủ mọi lý do) hoặc "any" (một trong các lý do), nhận được "${match}"`, 'match');
  let minScore = DEFAULT_CRITERIA.minScore;
  if (q.minScore !== undefined && q.minScore !== '') {
    if (!/^\d{1,2}$/.test(q.minScore)) throw badRequest(`minScore phải là số nguyên từ 0 đến 99, nhận được "${q.minScore}"`, 'minScore');
    minScore = Number(q.minScore);
  }
  const cell = q.cell === undefined || q.cell === '' ? null : q.cell;
  if (cell !== null && !isCellId(cell)) throw badRequest(`cell phải có dạng "x-y" với x, y là 0, 1 hoặc 2 (ô chú giải hai biến), nhận được "${cell}"`, 'cell');
  const cert = (q.cert ?? 'status') as CertMode;
  if (cert !== 'status' && cert !== 'rate') throw badRequest(`cert phải là "status" (tình trạng) hoặc "rate" (tỷ lệ khu dân cư đạt), nhận được "${q.cert}"`, 'cert');
  return {
    year,
    since,
    province: province(q.province, false),
    types: list(q.type, UNIT_TYPES, 'type'),
    statuses: list(q.status, STATUS_FILTERS, 'status'),
    density: density(q.density),
    require: list<ReasonId>(q.require, REQUIRABLE, 'require'),
    match,
    minScore,
    cell,
    certMode: cert,
  };
}

export interface TargetQuery {
  year: number;
  province: string;
  /** A share in (0, 1]. */
  target: number;
}

/** /api/targets?province=P&year=Y&target=X, X in percent (95, 97.5 or 97,5). */
export function parseTargetQuery(q: Query): TargetQuery {
  rejectUnknown(q, ['year', 'province', 'target']);
  const year = parseYear(q.year);
  const p = province(q.province, true)!;
  const raw = q.target;
  if (raw === undefined || raw === '') throw badRequest('Thiếu tham số target (tỷ lệ xã đạt chuẩn cần đạt, tính bằng %), ví dụ target=95', 'target');
  const x = /^\d{1,3}([.,]\d{1,2})?$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
  if (!(x > 0 && x <= 100)) throw badRequest(`target phải là tỷ lệ phần trăm lớn hơn 0 và không quá 100, nhận được "${raw}"`, 'target');
  return { year, province: p, target: x / 100 };
}
