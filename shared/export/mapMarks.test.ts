import { describe, expect, it } from 'vitest';
import type { Measure } from './legendLayout.js';
import { layoutLegend } from './legendLayout.js';
import { legendMarks, marksExtent, northArrowMarks, scaleBarMarks, type Mark } from './mapMarks.js';
import { scaleBar } from './scaleBar.js';

/** A fixed-width font: 0.55 em a character, 0.6 bold. */
const measure: Measure = (text, px, bold) => text.length * px * (bold ? 0.6 : 0.55);
const texts = (marks: Mark[]) => marks.filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text');
const rects = (marks: Mark[]) => marks.filter((m): m is Extract<Mark, { kind: 'rect' }> => m.kind === 'rect');

describe('the scale bar', () => {
  for (const u of [1, 2, 0.55]) {
    it(`is the scale's round distance, its labels centred on the ticks, within the map's corner (u = ${u})`, () => {
      const mpp = 1234 / u;
      const marks = scaleBarMarks(mpp, { x: 1000, y: 700, from: 'right' }, u, measure);
      const bar = scaleBar(mpp, 180 * u);
      const [background, dark, light, frame] = rects(marks);
      expect(frame.w).toBeCloseTo(bar.px, 6);
      expect(dark.w + light.w).toBeCloseTo(bar.px, 6);
      expect(frame.y + frame.h).toBeCloseTo(700, 6);
      const labels = texts(marks);
      expect(labels.map((t) => t.text)).toEqual(['0', bar.label, ...(labels.length === 4 ? [bar.ticks[1].label] : []), 'tại tâm bản đồ']);
      expect(labels[0].x).toBeCloseTo(frame.x, 6);
      expect(labels[1].x).toBeCloseTo(frame.x + bar.px, 6);
      // The end label's right edge is the anchor: nothing crosses the map's edge but the light box's margin.
      expect(labels[1].x + measure(bar.label, labels[1].px, true) / 2).toBeCloseTo(1000, 6);
      // The light box holds every mark.
      const all = marksExtent(marks.slice(1), measure);
      expect(background.x).toBeLessThanOrEqual(all.x0);
      expect(background.y).toBeLessThanOrEqual(all.y0);
      expect(background.x + background.w).toBeGreaterThanOrEqual(all.x1);
      expect(background.y + background.h).toBeGreaterThanOrEqual(all.y1);
    });
  }

  it('stands in from the left edge when anchored there', () => {
    const marks = scaleBarMarks(500, { x: 40, y: 300, from: 'left' }, 1, measure);
    const zero = texts(marks)[0];
    expect(zero.x - measure('0', zero.px, true) / 2).toBeCloseTo(40, 6);
  });

  it('scales with u: the same drawing at twice the size', () => {
    const one = scaleBarMarks(1000, { x: 500, y: 500, from: 'right' }, 1, measure);
    const two = scaleBarMarks(500, { x: 1000, y: 1000, from: 'right' }, 2, measure);
    const e1 = marksExtent(one, measure);
    const e2 = marksExtent(two, measure);
    expect([e2.x0, e2.y0, e2.x1, e2.y1]).toEqual([e1.x0, e1.y0, e1.x1, e1.y1].map((v) => expect.closeTo(2 * v, 6)));
  });
});

describe('the north arrow', () => {
  it('points up, dark half on the right, "B" above it, on a disc holding it all', () => {
    const marks = northArrowMarks(100, 20, 2);
    const [disc, dark, light, label] = marks;
    if (disc.kind !== 'circle' || dark.kind !== 'polygon' || light.kind !== 'polygon' || label.kind !== 'text') throw new Error('unexpected marks');
    expect(dark.fill).toBe('#111111');
    expect(light.fill).toBe('#ffffff');
    expect(Math.max(...dark.points.map((p) => p[0]))).toBeGreaterThan(100);
    expect(Math.min(...light.points.map((p) => p[0]))).toBeLessThan(100);
    const tipY = Math.min(...dark.points.map((p) => p[1]));
    expect(label.text).toBe('B');
    expect(label.y).toBeLessThan(tipY);
    const e = marksExtent(marks.slice(1), measure);
    expect(e.x0).toBeGreaterThanOrEqual(disc.cx - disc.r);
    expect(e.x1).toBeLessThanOrEqual(disc.cx + disc.r);
    expect(e.y0).toBeGreaterThanOrEqual(disc.cy - disc.r);
    expect(e.y1).toBeLessThanOrEqual(disc.cy + disc.r);
  });
});

describe('the legend', () => {
  it('is its layout framed and moved to (x, y): one swatch a class, "no data" hatched', () => {
    const entries = [
      { id: 'a', label: 'Đạt', color: '#0072B2', count: 3000 },
      { id: 'nd', label: 'Không có số liệu', color: '#cccccc', count: 2, hatched: true },
    ];
    const box = layoutLegend('Tình trạng công nhận năm 2025', entries, 1, measure);
    const marks = legendMarks(box, 10, 20, 1);
    const [frame, ...swatches] = rects(marks);
    expect(frame).toMatchObject({ x: 10, y: 20, w: box.width, h: box.height, stroke: '#111111' });
    expect(swatches.map((s) => [s.fill, !!s.hatched])).toEqual([
      ['#0072B2', false],
      ['#cccccc', true],
    ]);
    expect(texts(marks).map((t) => t.text).join(' ')).toBe(['Tình trạng công nhận năm 2025', 'Đạt', '3.000', 'Không có số liệu', '2'].join(' '));
    const e = marksExtent(marks.slice(1), measure);
    expect(e.x0).toBeGreaterThanOrEqual(10);
    expect(e.x1).toBeLessThanOrEqual(10 + box.width);
  });
});
