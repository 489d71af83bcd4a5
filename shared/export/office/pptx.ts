import type PptxGenJS from 'pptxgenjs';
import type { KeyFigure } from '../keyFigures.js';
import type { LegendEntry } from '../../lib/legendModel.js';
import { formatCount } from '../../lib/format.js';

/**
 * PowerPoint decks (16:9) from slides whose texts are real, editable text and whose legend is native shapes: the
 * presenter edits the title, the figures and the legend before the day. Runs in the browser and on the server.
 */
export interface SlideDoc {
  title: string;
  subtitle: string;
  figures: readonly KeyFigure[];
  legend: { title: string; entries: readonly LegendEntry[] };
  notes: string;
  sampleLabel: string | null;
  source: string;
  /** The map, PNG, and its pixel size. */
  map: { png: Uint8Array; width: number; height: number };
}

const FONT = 'Noto Sans';
const INK = '111111';
const NAVY = '14395B';
const lang = 'vi-VN';
const hex = (c: string) => c.replace('#', '').toUpperCase();

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Where things go on a 13.333 × 7.5 in slide: the map at the left, figures and legend in a column at the right. */
export const SLIDE_LAYOUT = {
  title: { x: 0.4, y: 0.2, w: 12.5, h: 0.65 },
  subtitle: { x: 0.4, y: 0.82, w: 12.5, h: 0.42 },
  map: { x: 0.4, y: 1.35, w: 8.4, h: 5.25 },
  column: { x: 9.0, y: 1.35, w: 3.95 },
  footer: { y: 6.85, h: 0.4 },
} as const;

function addSlide(pptx: PptxGenJS, d: SlideDoc): void {
  const s = pptx.addSlide();
  const L = SLIDE_LAYOUT;
  s.background = { color: 'FFFFFF' };
  s.addText(d.title, { ...L.title, fontFace: FONT, fontSize: 26, bold: true, color: NAVY, lang, fit: 'shrink', margin: 0 });
  s.addText(d.subtitle, { ...L.subtitle, fontFace: FONT, fontSize: 16, color: INK, lang, fit: 'shrink', margin: 0 });
  // The map keeps its proportions inside its frame.
  const k = Math.min(L.map.w / d.map.width, L.map.h / d.map.height);
  const w = d.map.width * k;
  const h = d.map.height * k;
  s.addImage({ data: `image/png;base64,${base64(d.map.png)}`, x: L.map.x + (L.map.w - w) / 2, y: L.map.y, w, h, altText: `Bản đồ: ${d.subtitle}` });

  let y: number = L.column.y;
  const { x, w: cw } = L.column;
  for (const f of d.figures) {
    s.addShape(pptx.ShapeType.rect, { x, y, w: cw, h: 0.74, fill: { color: 'F1F5F9' }, line: { color: 'CBD5E1', width: 0.75 } });
    s.addText(
      [
        { text: f.label, options: { fontSize: 11, color: '334155', breakLine: true } },
        { text: f.value, options: { fontSize: 20, bold: true, color: INK, breakLine: true } },
        { text: f.detail, options: { fontSize: 10, color: '475569' } },
      ],
      { x: x + 0.08, y: y + 0.02, w: cw - 0.16, h: 0.7, fontFace: FONT, lang, valign: 'middle', margin: 0, fit: 'shrink' },
    );
    y += 0.8;
  }
  y += 0.08;
  s.addText(d.legend.title, { x, y, w: cw, h: 0.42, fontFace: FONT, fontSize: 12, bold: true, color: INK, lang, margin: 0, valign: 'bottom', fit: 'shrink' });
  y += 0.46;
  const rowH = Math.min(0.3, (L.footer.y - 0.05 - y) / Math.max(1, d.legend.entries.length));
  for (const e of d.legend.entries) {
    const sw = { x, y: y + rowH * 0.15, w: 0.42, h: rowH * 0.7 };
    s.addShape(pptx.ShapeType.rect, { ...sw, fill: { color: hex(e.color) }, line: { color: '555555', width: 0.75 } });
    if (e.hatched)
      for (const t of [0.25, 0.5, 0.75])
        s.addShape(pptx.ShapeType.line, { x: sw.x + sw.w * (t - 0.25), y: sw.y, w: sw.w * 0.25, h: sw.h, line: { color: '8A8A8A', width: 1 }, flipH: true });
    s.addText(e.label, { x: x + 0.52, y, w: cw - 1.3, h: rowH, fontFace: FONT, fontSize: 11, color: INK, lang, margin: 0, valign: 'middle', fit: 'shrink' });
    s.addText(formatCount(e.count), { x: x + cw - 0.8, y, w: 0.8, h: rowH, fontFace: FONT, fontSize: 11, bold: true, color: INK, align: 'right', lang, margin: 0, valign: 'middle' });
    y += rowH;
  }
  s.addText(`Nguồn: ${d.source}`, { x: 0.4, y: L.footer.y, w: 9.2, h: L.footer.h, fontFace: FONT, fontSize: 9, color: '475569', lang, margin: 0, valign: 'middle', fit: 'shrink' });
  if (d.sampleLabel) s.addText(d.sampleLabel, { x: 9.7, y: L.footer.y, w: 3.25, h: L.footer.h, fontFace: FONT, fontSize: 14, bold: true, color: 'C00000', align: 'right', lang, margin: 0, valign: 'middle' });
  s.addNotes(d.notes);
}

/** Builds the .pptx; `next(i)` gives slide i (loading its map), so a long pack reports progress and can be cancelled. */
export async function buildPptx(title: string, count: number, next: (i: number) => Promise<SlideDoc>, onSlide?: (done: number, of: number) => void, signal?: AbortSignal): Promise<Uint8Array> {
  // Loaded on first use: a server that never makes slides does not pay its start-up.
  const pptx = new (await import('pptxgenjs')).default();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = title;
  pptx.company = 'Ban Chỉ đạo 138';
  pptx.author = 'Bản đồ phong trào Toàn dân bảo vệ ANTQ';
  for (let i = 0; i < count; i++) {
    if (signal?.aborted) throw new DOMException('Đã hủy', 'AbortError');
    onSlide?.(i + 1, count);
    addSlide(pptx, await next(i));
  }
  if (signal?.aborted) throw new DOMException('Đã hủy', 'AbortError');
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}
