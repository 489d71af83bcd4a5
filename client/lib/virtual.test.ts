import { describe, expect, it } from 'vitest';
import { scrollToRow, windowRange } from './virtual.js';

describe('windowRange', () => {
  it('renders only the rows in view plus the margin', () => {
    expect(windowRange({ scrollTop: 0, viewport: 600, rowHeight: 60, count: 3321, overscan: 5 })).toEqual({ start: 0, end: 15, offset: 0, total: 199_260 });
    const r = windowRange({ scrollTop: 60_000, viewport: 600, rowHeight: 60, count: 3321, overscan: 5 });
    expect([r.start, r.end, r.offset]).toEqual([995, 1015, 59_700]);
  });
  it('stops at the ends of the list', () => {
    expect(windowRange({ scrollTop: 199_000, viewport: 600, rowHeight: 60, count: 3321 }).end).toBe(3321);
    expect(windowRange({ scrollTop: 0, viewport: 600, rowHeight: 60, count: 0 })).toEqual({ start: 0, end: 0, offset: 0, total: 0 });
  });
});

describe('scrollToRow', () => {
  it('scrolls just enough to show a row', () => {
    expect(scrollToRow(100, { scrollTop: 0, viewport: 600, rowHeight: 60 })).toBe(5460);
    expect(scrollToRow(2, { scrollTop: 600, viewport: 600, rowHeight: 60 })).toBe(120);
    expect(scrollToRow(12, { scrollTop: 600, viewport: 600, rowHeight: 60 })).toBeNull();
  });
});
