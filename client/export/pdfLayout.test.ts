import { describe, expect, it } from 'vitest';
import { hatchSegments, pdfPageLayout, printMapSize, type Box, type Orientation, type Paper, insetFootprint, INSET_MARGIN } from './pdfLayout.js';
import { clearOfTopRight, fitBBox } from '../../shared/export/frame.js';

const inside = (b: Box, page: { width: number; height: number }) => b.x >= 0 && b.y >= 0 && b.x + b.width <= page.width + 1e-9 && b.y + b.height <= page.height + 1e-9;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('pdfPageLayout', () => {
  it('has the ISO page sizes in points', () => {
    expect(pdfPageLayout('A4', 'landscape')).toMatchObject({ width: 841.89, height: 595.28, k: 1 });
    expect(pdfPageLayout('A4', 'portrait')).toMatchObject({ width: 595.28, height: 841.89 });
    const a3 = pdfPageLayout('A3', 'portrait');
    expect([a3.width, a3.height]).toEqual([841.89, 1190.55]);
    expect(a3.k).toBeCloseTo(Math.SQRT2, 3);
  });

  for (const paper of ['A4', 'A3'] as Paper[])
    for (const o of ['landscape', 'portrait'] as Orientation[])
      it(`${paper} ${o}: every part on the page, none over another, the map the largest`, () => {
        const L = pdfPageLayout(paper, o);
        const parts = [L.header, L.map, L.legend, L.keyFigures, L.footer];
        for (const b of parts) expect(inside(b, L)).toBe(true);
        for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) expect(overlap(parts[i], parts[j])).toBe(false);
        const area = (b: Box) => b.width * b.height;
        expect(area(L.map)).toBeGreaterThan(0.45 * L.width * L.height);
        expect(L.header.y).toBeLessThan(L.map.y);
        expect(L.footer.y).toBeGreaterThan(L.map.y + L.map.height);
        if (o === 'landscape') expect(L.legend.x).toBeGreaterThan(L.map.x + L.map.width);
        else expect(L.legend.y).toBeGreaterThan(L.map.y + L.map.height);
      });

  it('A3 is the A4 layout scaled by √2', () => {
    const a4 = pdfPageLayout('A4', 'landscape');
    const a3 = pdfPageLayout('A3', 'landscape');
    expect(a3.map.width / a4.map.width).toBeCloseTo(Math.SQRT2, 2);
    expect(a3.map.height / a4.map.height).toBeCloseTo(Math.SQRT2, 1);
  });
});

describe('printMapSize', () => {
  it('renders the map box at 200 dpi with labels at their screen size', () => {
    const s = printMapSize({ x: 0, y: 0, width: 576, height: 432 });
    expect([s.cssWidth, s.cssHeight]).toEqual([768, 576]);
    // 576 pt = 8 in: 1,600 device pixels at 200 dpi.
    expect(s.cssWidth * s.ratio).toBeCloseTo(1600, 0);
  });
});

describe('hatchSegments', () => {
  it('covers the box with 45° lines clipped to it', () => {
    const segs = hatchSegments(30, 10, 5);
    expect(segs).toHaveLength(7);
    for (const [x1, y1, x2, y2] of segs) {
      for (const [x, y] of [[x1, y1], [x2, y2]]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(30);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(10);
      }
      // Slope up and to the right (y down): x + y is the same at both ends.
      expect(x1 + y1).toBeCloseTo(x2 + y2, 9);
      expect(x2).toBeGreaterThan(x1);
    }
    expect(segs[0]).toEqual([0, 5, 5, 0]);
    expect(segs.at(-1)).toEqual([25, 10, 30, 5]);
  });
});

describe('a pack page’s province clear of the islands’ inset', () => {
  // Lai Châu's mainland (its page used to run under the inset, showing mostly its neighbours in the free part).
  const LAI_CHAU: [number, number, number, number] = [102.320675, 21.685743, 103.985094, 22.811227];
  // The inset as the pack draws it on A4 (points): about 130 × 180.
  const inset = { width: 130, height: 180 };
  for (const [paper, orientation] of [
    ['A4', 'landscape'],
    ['A4', 'portrait'],
    ['A3', 'landscape'],
  ] as const) {
    it(`frames it beside or below the inset (${paper} ${orientation})`, () => {
      const L = pdfPageLayout(paper, orientation);
      const size = printMapSize(L.map);
      const corner = insetFootprint(L, { width: inset.width * L.k, height: inset.height * L.k });
      // The footprint is the inset and its margin, in the print map's pixels (4/3 of a point).
      expect(corner.width).toBeCloseTo(((inset.width + INSET_MARGIN) * L.k * size.cssWidth) / L.map.width, 6);
      const view = { width: size.cssWidth, height: size.cssHeight };
      const { rect } = fitBBox(LAI_CHAU, view, clearOfTopRight(LAI_CHAU, view, corner, 24));
      expect(rect.x1 <= view.width - corner.width || rect.y0 >= corner.height).toBe(true);
    });
  }
});
