import { describe, expect, it } from 'vitest';
import { median, summarize } from './summary.js';

describe('median', () => {
  it('takes the middle value of an odd count, unsorted input', () => expect(median([9, 1, 5])).toBe(5));
  it('averages the two middle values of an even count', () => expect(median([4, 1, 3, 2])).toBe(2.5));
  it('refuses an empty sample', () => expect(() => median([])).toThrow());
  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('reports count, median and range', () => expect(summarize([120, 80, 100, 300, 90])).toEqual({ n: 5, median: 100, min: 80, max: 300 }));
});
