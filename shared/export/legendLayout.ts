import { formatCount } from '../lib/format.js';
import type { LegendEntry } from '../lib/legendModel.js';

/** Measures a text's width in pixels at a font size (the canvas's measureText, or an estimate in tests). */
export type Measure = (text: string, px: number, bold: boolean) => number;

type LegendItem =
  | { kind: 'text'; x: number; y: number; text: string; px: number; bold: boolean; align: 'left' | 'right' }
  | { kind: 'swatch'; x: number; y: number; w: number; h: number; color: string; hatched: boolean };

export interface LegendBox {
  width: number;
  height: number;
  /** Positions relative to the box's top-left corner; text y is the baseline. */
  items: LegendItem[];
}

/** Breaks a text into lines no wider than maxW. */
export function wrap(text: string, maxW: number, px: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, px, bold) > maxW) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The printed legend: the title (wrapped), then one row per class: swatch, label, count right-aligned;
 * "no data" keeps its hatched swatch. `u` is pixels per CSS pixel; sizes are for reading from afar.
 */
export function layoutLegend(title: string, entries: readonly LegendEntry[], u: number, measure: Measure): LegendBox {
  const pad = 14 * u;
  const titlePx = 19 * u;
  const rowPx = 17 * u;
  const rowH = 28 * u;
  const sw = { w: 34 * u, h: 20 * u };
  const gap = 12 * u;
  const labels = entries.map((e) => e.label);
  const counts = entries.map((e) => formatCount(e.count));
  const labelW = Math.max(...labels.map((l) => measure(l, rowPx, false)));
  const countW = Math.max(...counts.map((c) => measure(c, rowPx, true)));
  const rowsW = sw.w + gap + labelW + 2 * gap + countW;
  const titleLines = wrap(title, Math.max(rowsW, 300 * u), titlePx, true, measure);
  const inner = Math.max(rowsW, ...titleLines.map((l) => measure(l, titlePx, true)));
  const items: LegendItem[] = [];
  let y = pad;
  for (const line of titleLines) {
    items.push({ kind: 'text', x: pad, y: y + titlePx, text: line, px: titlePx, bold: true, align: 'left' });
    y += titlePx * 1.3;
  }
  y += 6 * u;
  entries.forEach((e, i) => {
    const mid = y + rowH / 2;
    items.push({ kind: 'swatch', x: pad, y: mid - sw.h / 2, w: sw.w, h: sw.h, color: e.color, hatched: !!e.hatched });
    items.push({ kind: 'text', x: pad + sw.w + gap, y: mid + rowPx * 0.35, text: labels[i], px: rowPx, bold: false, align: 'left' });
    items.push({ kind: 'text', x: pad + inner, y: mid + rowPx * 0.35, text: counts[i], px: rowPx, bold: true, align: 'right' });
    y += rowH;
  });
  return { width: inner + 2 * pad, height: y + pad, items };
}
