// The query parameters the public routes share, as zod schemas (server/http/validate.ts turns a refusal into a 400).
import { z } from 'zod';
import type { Level, Vintage } from '../../shared/domain/types.js';
import { problem } from '../http/validate.js';
import type { StatsQuery } from '../services/stats.js';

/** What a refused value was, for the message. */
const got = (input: unknown) => `"${Array.isArray(input) ? input.join(',') : String(input)}"`;

/** A string parameter matching `re`: absent → `missing` (when given), else "<field> phải là <what>, nhận được "…"". */
export const matching = (re: RegExp, field: string, what: string, missing?: string) =>
  z.string({ error: (i) => (i.input === undefined && missing ? missing : `${field} phải là ${what}, nhận được ${got(i.input)}`) }).regex(re, {
    error: (i) => (i.input === '' && missing ? missing : `${field} phải là ${what}, nhận được ${got(i.input)}`),
  });

/** One of `values`, named in the message. */
export const oneOf = <T extends string>(values: readonly [T, ...T[]], field: string, what = `một trong ${values.join(', ')}`) =>
  z.enum(values, { error: (i) => `${field} phải là ${what}, nhận được ${got(i.input)}` });

/** A year, required: year=2024. */
export const yearParam = (field = 'year', missing = 'Thiếu tham số year (năm), ví dụ year=2024') => matching(/^\d{4}$/, field, 'năm 4 chữ số', missing).transform(Number);

/** A 2025 or an old province code; "" as absent. */
export const provinceParam = matching(/^(\d{2})?$/, 'province', 'mã tỉnh 2 chữ số')
  .transform((s) => s || undefined)
  .optional();

const vintageParam = z
  .enum(['2025', 'pre2025', ''], { error: (i) => `vintage phải là "2025" hoặc "pre2025", nhận được ${got(i.input)}` })
  .transform((v): Vintage => (v === 'pre2025' ? 'pre2025' : '2025'))
  .optional();

const LEVELS = { '2025': ['province', 'commune'], pre2025: ['province', 'district', 'commune'] } as const satisfies Record<string, readonly Level[]>;

/** /api/stats?year=Y&level=province|district|commune&vintage=2025|pre2025[&province=P][&fields=status]; unknown years and codes are 404s later. */
export const statsQuery = z
  .strictObject({
    vintage: vintageParam,
    year: yearParam(),
    level: oneOf(['province', 'district', 'commune'], 'level').optional(),
    province: provinceParam,
    fields: z.literal('status', { error: (i) => `fields chỉ nhận giá trị "status", nhận được ${got(i.input)}` }).optional(),
  })
  .transform((q, ctx): StatsQuery => {
    const level = q.level ?? 'commune';
    const vintage = q.vintage ?? '2025';
    const allowed: readonly Level[] = LEVELS[vintage];
    if (!allowed.includes(level)) {
      const why = vintage === '2025' && level === 'district' ? ' (từ 01/7/2025 không còn cấp huyện)' : '';
      ctx.addIssue({ code: 'custom', path: ['level'], message: `level phải là một trong ${allowed.join(', ')} với vintage=${vintage}, nhận được "${level}"${why}` });
    }
    if (q.fields === 'status' && level !== 'commune') ctx.addIssue({ code: 'custom', path: ['fields'], message: 'fields=status chỉ dùng với level=commune (cấp tỉnh, huyện không có một tình trạng)' });
    return { vintage, year: q.year, level, ...(q.province ? { province: q.province } : {}), ...(q.fields ? { fields: q.fields } : {}) };
  });

/** A unit's GSO code in a path: /api/units/:code. */
export const unitParams = z.object({ code: matching(/^\d{2,5}$/, 'code', 'mã đơn vị gồm 2 đến 5 chữ số (mã GSO)') });

export const unitQuery = z.strictObject({ vintage: vintageParam }).transform((q) => ({ vintage: q.vintage ?? '2025' }));

/** Parses with `schema`, throwing the route's 400 (for checks outside a validator, and tests). */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw problem(r.error);
  return r.data;
}
