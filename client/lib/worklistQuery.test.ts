import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, toggle, worklistQuery } from './worklistQuery.js';

describe('worklistQuery', () => {
  it('sends only the year for the default criteria', () => {
    expect(worklistQuery(2025, DEFAULT_PLAN)).toEqual({ year: '2025' });
  });

  it('drops a comparison year that is not before the year shown', () => {
    expect(worklistQuery(2023, { ...DEFAULT_PLAN, since: 2024 }).since).toBeUndefined();
  });
});

describe('toggle', () => {
  it('adds once and removes', () => {
    expect(toggle(['a'], 'a', true)).toEqual(['a']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
