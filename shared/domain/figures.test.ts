import { describe, expect, it } from 'vitest';
import { noFigures, unreportedFlags } from './figures.js';

describe('unreportedFlags', () => {
  const reported = { ...noFigures(), status: 'dat' as const, keyArea: false, hotSpot: false, exemplary: false };
  it('names the flags a return left out as "chưa báo cáo", never as "no"', () => {
    expect(unreportedFlags({ ...reported, keyArea: null, hotSpot: null })).toBe('Địa bàn trọng điểm, điểm nóng: chưa báo cáo');
    expect(unreportedFlags({ ...reported, exemplary: null })).toBe('Điển hình: chưa báo cáo');
  });
  it('says nothing when every flag is reported, or when the commune has no data at all', () => {
    expect(unreportedFlags(reported)).toBeNull();
    expect(unreportedFlags({ ...reported, keyArea: true })).toBeNull();
    expect(unreportedFlags(noFigures())).toBeNull();
  });
});
