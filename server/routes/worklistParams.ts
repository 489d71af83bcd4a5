import { z } from 'zod';
import { isCellId, type CellId } from '../../shared/domain/bivariate.js';
import { STATUSES } from '../../shared/domain/types.js';
import { DEFAULT_CRITERIA, REQUIRABLE, type DensityRule, type ReasonId, type StatusFilter, type WorklistCriteria } from '../../shared/domain/worklist.js';
import { matching, oneOf, parseWith, provinceParam, yearParam } from './params.js';

/** Unit types of the 2025 map. */
const UNIT_TYPES = ['Xã', 'Phường', 'Đặc khu'] as const;
const STATUS_FILTERS: readonly StatusFilter[] = [...STATUSES, 'none'];

/** A comma-separated list whose every item must be one of `allowed`; "" or absent: none. */
function list<T extends string>(allowed: readonly T[], field: string) {
  return z
    .string()
    .transform((raw, ctx): T[] => {
      if (raw === '') return [];
      const items = raw.split(',').map((s) => s.trim());
      const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `${field} chỉ nhận ${allowed.join(', ')} (cách nhau bằng dấu phẩy), nhận được "${bad.join(', ')}"` });
      return [...new Set(items)] as T[];
    })
    .optional();
}

const density = z
  .string()
  .transform((raw, ctx): DensityRule => {
    if (raw === '' || raw === 'median') return { kind: 'provinceMedian' };
    const m = /^p(\d{1,2})$/.exec(raw);
    if (!m || Number(m[1]) < 1) ctx.addIssue({ code: 'custom', message: `density phải là "median" (trung vị của tỉnh) hoặc "p1"…"p99" (phân vị toàn quốc), nhận được "${raw}"` });
    return { kind: 'percentile', p: Number(m?.[1]) };
  })
  .optional();

/** /api/worklist parameters; unknown years and provinces are checked against the data later (404). */
export const worklistParams = z
  .strictObject({
    year: yearParam(),
    since: matching(/^(\d{4})?$/, 'since', 'năm 4 chữ số').optional(),
    province: provinceParam,
    type: list(UNIT_TYPES, 'type'),
    status: list(STATUS_FILTERS, 'status'),
    density,
    require: list<ReasonId>(REQUIRABLE, 'require'),
    match: oneOf(['all', 'any'], 'match', '"all" (đủ mọi lý do) hoặc "any" (một trong các lý do)').optional(),
    minScore: matching(/^(\d{1,2})?$/, 'minScore', 'số nguyên từ 0 đến 99').optional(),
    cell: z
      .string()
      .transform((s, ctx): CellId | null => {
        if (s === '' || isCellId(s)) return s || null;
        ctx.addIssue({ code: 'custom', message: `cell phải có dạng "x-y" với x, y là 0, 1 hoặc 2 (ô chú giải hai biến), nhận được "${s}"` });
        return null;
      })
      .optional(),
    cert: oneOf(['status', 'rate'], 'cert', '"status" (tình trạng) hoặc "rate" (tỷ lệ khu dân cư đạt)').optional(),
  })
  .transform((q, ctx): WorklistCriteria => {
    const since = q.since ? Number(q.since) : q.year - 1;
    if (since >= q.year) ctx.addIssue({ code: 'custom', path: ['since'], message: `since (năm so sánh) phải trước năm ${q.year}, nhận được ${since}` });
    return {
      year: q.year,
      since,
      province: q.province ?? null,
      types: q.type ?? [],
      statuses: q.status ?? [],
      density: q.density ?? { kind: 'provinceMedian' },
      require: q.require ?? [],
      match: q.match ?? 'all',
      minScore: q.minScore ? Number(q.minScore) : DEFAULT_CRITERIA.minScore,
      cell: q.cell ?? null,
      certMode: q.cert ?? 'status',
    };
  });

export const parseWorklistQuery = (q: unknown) => parseWith(worklistParams, q);

/** /api/targets?province=P&year=Y&target=X, X in percent (95, 97.5 or 97,5): a share in (0, 1]. */
export const targetParams = z.strictObject({
  year: yearParam(),
  province: matching(/^\d{2}$/, 'province', 'mã tỉnh 2 chữ số', 'Thiếu tham số province (mã tỉnh 2 chữ số), ví dụ province=24'),
  target: z
    .string({ error: 'Thiếu tham số target (tỷ lệ xã đạt chuẩn cần đạt, tính bằng %), ví dụ target=95' })
    .transform((raw, ctx) => {
      const x = /^\d{1,3}([.,]\d{1,2})?$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
      if (raw === '') ctx.addIssue({ code: 'custom', message: 'Thiếu tham số target (tỷ lệ xã đạt chuẩn cần đạt, tính bằng %), ví dụ target=95' });
      else if (!(x > 0 && x <= 100)) ctx.addIssue({ code: 'custom', message: `target phải là tỷ lệ phần trăm lớn hơn 0 và không quá 100, nhận được "${raw}"` });
      return x / 100;
    }),
});

export type TargetQuery = z.output<typeof targetParams>;
