// The furniture every exported map carries (legend box, scale bar, north arrow) as one layout of plain marks, so that
// the PNG (canvas), the PDF (pdf-lib) and the Office pictures (SVG) are thin renderers of the same drawing.
import type { LegendBox, Measure } from './legendLayout.js';
import { scaleBar } from './scaleBar.js';

export const INK = '#111111';
const WHITE = '#ffffff';

/** A mark in the output's units (pixels or points), y down; text y is the baseline. */
export type Mark =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill?: string; opacity?: number; hatched?: boolean; stroke?: string; lineWidth?: number }
  | { kind: 'text'; x: number; y: number; text: string; px: number; bold: boolean; align: 'left' | 'right' | 'center' }
  | { kind: 'polygon'; points: [number, number][]; fill: string; stroke?: string; lineWidth?: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; opacity?: number };

/** The legend laid out by legendLayout, framed, with its top-left corner at (x, y). */
export function legendMarks(box: LegendBox, x: number, y: number, u: number): Mark[] {
  const marks: Mark[] = [{ kind: 'rect', x, y, w: box.width, h: box.height, fill: WHITE, opacity: 0.97, stroke: INK, lineWidth: 1.5 * u }];
  for (const it of box.items) {
    if (it.kind === 'swatch') marks.push({ kind: 'rect', x: x + it.x, y: y + it.y, w: it.w, h: it.h, fill: it.color, hatched: it.hatched, stroke: INK, lineWidth: u });
    else marks.push({ ...it, x: x + it.x, y: y + it.y });
  }
  return marks;
}

/**
 * The scale bar: the longest round distance within 180 units, black and white halves, its distances centred on the
 * ticks (the half when there is room for it), "tại tâm bản đồ" under it, on a light box. `at` is the corner of the
 * map it stands in from: the bar's right end (`right`) or left end (`left`) at x, its bottom edge at y.
 */
export function scaleBarMarks(metresPerUnit: number, at: { x: number; y: number; from: 'left' | 'right' }, u: number, measure: Measure): Mark[] {
  const bar = scaleBar(metresPerUnit, 180 * u);
  const h = 8 * u;
  const px = 14 * u;
  const [zero, half, full] = bar.ticks;
  const zeroW = measure(zero.label, px, true);
  const fullW = measure(full.label, px, true);
  // Labels are centred on their ticks: the bar stands in from the map's edge by half its end label.
  const x0 = at.from === 'right' ? at.x - fullW / 2 - bar.px : at.x + zeroW / 2;
  const y0 = at.y - h;
  const caption = 'tại tâm bản đồ';
  const captionPx = 11 * u;
  const captionW = measure(caption, captionPx, false);
  const left = Math.min(x0 - zeroW / 2, x0 + bar.px / 2 - captionW / 2) - 10 * u;
  const right = Math.max(x0 + bar.px + fullW / 2, x0 + bar.px / 2 + captionW / 2) + 10 * u;
  const marks: Mark[] = [
    { kind: 'rect', x: left, y: y0 - 28 * u, w: right - left, h: h + 48 * u, fill: WHITE, opacity: 0.9 },
    { kind: 'rect', x: x0, y: y0, w: bar.px / 2, h, fill: INK },
    { kind: 'rect', x: x0 + bar.px / 2, y: y0, w: bar.px / 2, h, fill: WHITE },
    { kind: 'rect', x: x0, y: y0, w: bar.px, h, stroke: INK, lineWidth: 1.5 * u },
    { kind: 'text', x: x0, y: y0 - 8 * u, text: zero.label, px, bold: true, align: 'center' },
    { kind: 'text', x: x0 + full.px, y: y0 - 8 * u, text: full.label, px, bold: true, align: 'center' },
  ];
  if (full.px / 2 - fullW / 2 - measure(half.label, px, true) / 2 > 12 * u) marks.push({ kind: 'text', x: x0 + half.px, y: y0 - 8 * u, text: half.label, px, bold: true, align: 'center' });
  marks.push({ kind: 'text', x: x0 + bar.px / 2, y: y0 + h + 14 * u, text: caption, px: captionPx, bold: false, align: 'center' });
  return marks;
}

/** The north arrow ("B", Bắc) centred on cx, its top at `top`: two halves, dark on the right, on a light disc. */
export function northArrowMarks(cx: number, top: number, u: number): Mark[] {
  const h = 46 * u;
  const w = 15 * u;
  const tip: [number, number] = [cx, top + 14 * u];
  const notch: [number, number] = [cx, top + h - 10 * u];
  return [
    { kind: 'circle', cx, cy: top + h / 2 + 8 * u, r: 34 * u, fill: WHITE, opacity: 0.9 },
    { kind: 'polygon', points: [tip, [cx + w, top + h], notch], fill: INK, stroke: INK, lineWidth: 1.5 * u },
    { kind: 'polygon', points: [tip, [cx - w, top + h], notch], fill: WHITE, stroke: INK, lineWidth: 1.5 * u },
    { kind: 'text', x: cx, y: top + 10 * u, text: 'B', px: 16 * u, bold: true, align: 'center' },
  ];
}

/** The smallest box holding the marks (text by its measured width and font size): for tests and placement. */
export function marksExtent(marks: readonly Mark[], measure: Measure): { x0: number; y0: number; x1: number; y1: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (x: number, y: number) => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  };
  for (const m of marks) {
    if (m.kind === 'rect') {
      add(m.x, m.y);
      add(m.x + m.w, m.y + m.h);
    } else if (m.kind === 'circle') {
      add(m.cx - m.r, m.cy - m.r);
      add(m.cx + m.r, m.cy + m.r);
    }
    else if (m.kind === 'polygon') m.points.forEach(([x, y]) => add(x, y));
    else {
      const w = measure(m.text, m.px, m.bold);
      const left = m.align === 'left' ? m.x : m.align === 'right' ? m.x - w : m.x - w / 2;
      add(left, m.y - m.px * 0.75);
      add(left + w, m.y);
    }
  }
  return { x0, y0, x1, y1 };
}
