import { describe, expect, it } from 'vitest';
import { parseView, serializeView, type ViewState } from './view.js';

describe('view state in the URL', () => {
  it.each<ViewState>([
    { year: 2023, unit: '09877' },
    { year: null, unit: null },
    { year: 2025, unit: null },
  ])('round-trips %o', (v) => {
    expect(parseView(serializeView(v))).toEqual(v);
  });
  it('ignores malformed values', () => {
    expect(parseView('?year=20x3&unit=<script>')).toEqual({ year: null, unit: null });
  });
});
