import { describe, expect, it } from 'vitest';
import { ApiError } from '../services/errors.js';
import { parseWith, statsQuery, unitParams } from './params.js';

function error(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const parseStatsQuery = (q: Record<string, string>) => parseWith(statsQuery, q);

describe('the /api/stats query', () => {
  it('defaults to the 2025 vintage and the commune level', () => {
    expect(parseStatsQuery({ year: '2024' })).toEqual({ vintage: '2025', year: 2024, level: 'commune' });
  });
  it('accepts the pre-2025 vintage with districts and a province', () => {
    expect(parseStatsQuery({ year: '2023', vintage: 'pre2025', level: 'district', province: '27' })).toEqual({
      vintage: 'pre2025', year: 2023, level: 'district', province: '27',
    });
  });
  it('accepts fields=status at the commune level', () => {
    expect(parseStatsQuery({ year: '2025', fields: 'status' })).toEqual({ vintage: '2025', year: 2025, level: 'commune', fields: 'status' });
  });
  it.each([
    [{}, 'year', /^Thiếu tham số year/],
    [{ year: '23' }, 'year', /^year phải là năm 4 chữ số, nhận được "23"$/],
    [{ year: '2023', vintage: '2019' }, 'vintage', /"2019"/],
    [{ year: '2023', level: 'district' }, 'level', /không còn cấp huyện/],
    [{ year: '2023', level: 'country' }, 'level', /"country"/],
    [{ year: '2023', province: 'Bắc Ninh' }, 'province', /mã tỉnh 2 chữ số, nhận được "Bắc Ninh"/],
    [{ year: '2023', colour: 'red' }, 'colour', /^Tham số không được hỗ trợ: colour$/],
    [{ year: '2023', fields: 'name' }, 'fields', /"name"/],
    [{ year: '2023', level: 'province', fields: 'status' }, 'fields', /level=commune/],
  ])('rejects %o naming %s', (q, field, message) => {
    const e = error(() => parseStatsQuery(q));
    expect(e.status).toBe(400);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });
});

describe('a unit code', () => {
  it('accepts GSO codes and rejects the rest', () => {
    expect(parseWith(unitParams, { code: '27' })).toEqual({ code: '27' });
    expect(parseWith(unitParams, { code: '09877' })).toEqual({ code: '09877' });
    expect(error(() => parseWith(unitParams, { code: 'abc' }))).toMatchObject({ status: 400, field: 'code' });
  });
});
