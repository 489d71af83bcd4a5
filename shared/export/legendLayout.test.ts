import { describe, expect, it } from 'vitest';
import { buildLegend } from '../lib/legendModel.js';
import { layoutLegend, wrap, type Measure } from './legendLayout.js';

/** A fixed-width estimate: 0.55 em per character, bold 0.6 em. */
const measure: Measure = (text, px, bold) => text.length * px * (bold ? 0.6 : 0.55);

describe('printed legend layout', () => {
  const model = buildLegend(
    [
      { code: '00001', status: 'dat' },
      { code: '00002', status: 'dat' },
      { code: '00003', status: 'chua_dat' },
      { code: '00004', status: null },
    ] as never,
    { metric: 'status', denominator: 'population', changeFrom: null, classing: { method: 'quantile', k: 5, breaks: [] } },
  );

  it('lays out the status legend with its no-data entry', () => {
    const box = layoutLegend('Công nhận "An toàn về ANTT" năm 2025', model.entries, 1, measure);
    expect(box.items.filter((i) => i.kind === 'swatch').map((s) => (s.kind === 'swatch' ? [s.color, s.hatched] : null))).toEqual([
      ['#0072B2', false],
      ['#D55E00', false],
      ['#F0E442', false],
      ['#d4d4d4', true],
    ]);
    expect(box).toMatchInlineSnapshot(`
      {
        "height": 195.4,
        "items": [
          {
            "align": "left",
            "bold": true,
            "kind": "text",
            "px": 19,
            "text": "Công nhận "An toàn về",
            "x": 14,
            "y": 33,
          },
          {
            "align": "left",
            "bold": true,
            "kind": "text",
            "px": 19,
            "text": "ANTT" năm 2025",
            "x": 14,
            "y": 57.7,
          },
          {
            "color": "#0072B2",
            "h": 20,
            "hatched": false,
            "kind": "swatch",
            "w": 34,
            "x": 14,
            "y": 73.4,
          },
          {
            "align": "left",
            "bold": false,
            "kind": "text",
            "px": 17,
            "text": "Đạt",
            "x": 60,
            "y": 89.35000000000001,
          },
          {
            "align": "right",
            "bold": true,
            "kind": "text",
            "px": 17,
            "text": "2",
            "x": 253.39999999999998,
            "y": 89.35000000000001,
          },
          {
            "color": "#D55E00",
            "h": 20,
            "hatched": false,
            "kind": "swatch",
            "w": 34,
            "x": 14,
            "y": 101.4,
          },
          {
            "align": "left",
            "bold": false,
            "kind": "text",
            "px": 17,
            "text": "Chưa đạt",
            "x": 60,
            "y": 117.35000000000001,
          },
          {
            "align": "right",
            "bold": true,
            "kind": "text",
            "px": 17,
            "text": "1",
            "x": 253.39999999999998,
            "y": 117.35000000000001,
          },
          {
            "color": "#F0E442",
            "h": 20,
            "hatched": false,
            "kind": "swatch",
            "w": 34,
            "x": 14,
            "y": 129.4,
          },
          {
            "align": "left",
            "bold": false,
            "kind": "text",
            "px": 17,
            "text": "Chưa đánh giá",
            "x": 60,
            "y": 145.35,
          },
          {
            "align": "right",
            "bold": true,
            "kind": "text",
            "px": 17,
            "text": "0",
            "x": 253.39999999999998,
            "y": 145.35,
          },
          {
            "color": "#d4d4d4",
            "h": 20,
            "hatched": true,
            "kind": "swatch",
            "w": 34,
            "x": 14,
            "y": 157.4,
          },
          {
            "align": "left",
            "bold": false,
            "kind": "text",
            "px": 17,
            "text": "Không có số liệu",
            "x": 60,
            "y": 173.35,
          },
          {
            "align": "right",
            "bold": true,
            "kind": "text",
            "px": 17,
            "text": "1",
            "x": 253.39999999999998,
            "y": 173.35,
          },
        ],
        "width": 267.4,
      }
    `);
  });
  it('scales with the export and wraps long titles', () => {
    const one = layoutLegend('Tỷ lệ', model.entries, 1, measure);
    const two = layoutLegend('Tỷ lệ', model.entries, 2, measure);
    expect(two.width).toBeCloseTo(one.width * 2);
    expect(two.height).toBeCloseTo(one.height * 2);
    expect(wrap('một hai ba bốn năm sáu', 61, 10, false, measure)).toEqual(['một hai ba', 'bốn năm sáu']);
  });
});
