import { describe, expect, it } from 'vitest';
import { mapCover } from './mapCover.js';

const phone = { top: 52, bottom: 844, left: 0, right: 390 };
const desktop = { top: 190, bottom: 900, left: 0, right: 1400 };

describe('mapCover', () => {
  it("is the height of a phone's sheet across the map's bottom", () => {
    expect(mapCover(phone, [{ top: 52 + 0.42 * 792, bottom: 844, left: 0, right: 390 }])).toEqual({ bottom: 459, right: 0 });
  });
  it('takes the tallest of several sheets', () => {
    expect(mapCover(phone, [{ top: 500, bottom: 844, left: 0, right: 390 }, { top: 400, bottom: 844, left: 0, right: 390 }]).bottom).toBe(444);
  });
  it("is the width of a desktop's unit panel against the map's right edge, with its margin", () => {
    expect(mapCover(desktop, [{ top: 202, bottom: 888, left: 1008, right: 1388 }])).toEqual({ bottom: 0, right: 392 });
  });
  it('ignores the map itself, panels beside it, the legend, small notes and hidden elements', () => {
    expect(mapCover(desktop, [{ top: 190, bottom: 900, left: 0, right: 1400 }])).toEqual({ bottom: 0, right: 0 });
    // The table beside the map (the map pane starts where it ends).
    expect(mapCover({ ...desktop, left: 620 }, [{ top: 190, bottom: 900, left: 0, right: 620 }])).toEqual({ bottom: 0, right: 0 });
    expect(mapCover(desktop, [{ top: 680, bottom: 888, left: 12, right: 342 }])).toEqual({ bottom: 0, right: 0 });
    expect(mapCover(desktop, [{ top: 200, bottom: 230, left: 1200, right: 1390 }])).toEqual({ bottom: 0, right: 0 });
    expect(mapCover(phone, [{ top: 0, bottom: 0, left: 0, right: 0 }])).toEqual({ bottom: 0, right: 0 });
  });
  it('ignores a box that does not reach the bottom edge', () => {
    expect(mapCover(phone, [{ top: 60, bottom: 400, left: 0, right: 390 }]).bottom).toBe(0);
  });
  it('is nothing for a map with no room', () => {
    expect(mapCover({ top: 0, bottom: 0, left: 0, right: 0 }, [{ top: 1, bottom: 0, left: 0, right: 0 }])).toEqual({ bottom: 0, right: 0 });
  });
});
