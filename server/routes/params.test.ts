import { describe, expect, it } from 'vitest';
import { ApiError } from '../services/errors.js';
import { parseStatsQuery, parseUnitCode } from './params.js';

function error(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('parseStatsQuery', () => {
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
    [{}, 'year'],
    [{ year: '23' }, 'year'],
    [{ year: '2023', vintage: '2019' }, 'vintage'],
    [{ year: '2023', level: 'district' }, 'level'],
    [{ year: '2023', level: 'country' }, 'level'],
    [{ year: '2023', province: 'Bắc Ninh' }, 'province'],
    [{ year: '2023', colour: 'red' }, 'colour'],
    [{ year: '2023', fields: 'name' }, 'fields'],
    [{ year: '2023', level: 'province', fields: 'status' }, 'fields'],
  ])('rejects %o naming %s', (q, field) => {
    const e = error(() => parseStatsQuery(q));
    expect(e.status).toBe(400);
    expect(e.field).toBe(field);
    expect(e.message.length).toBeGreaterThan(10);
  });
});

describe('parseUnitCode', () => {
  it('accepts GSO codes and rejects the rest', () => {
    expect(parseUnitCode('27')).toBe('27');
    expect(parseUnitCode('09877')).toBe('09877');
    expect(error(() => parseUnitCode('abc')).status).toBe(400);
  });
});
