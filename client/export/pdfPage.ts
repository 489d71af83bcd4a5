import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { LegendModel } from '../../shared/lib/legendModel.js';
import { NO_DATA_COLOR, NO_DATA_HATCH } from '../../shared/lib/statusClasses.js';
import type { KeyFigure } from '../../shared/export/keyFigures.js';
import { layoutLegend, wrap, type LegendBox, type Measure } from '../../shared/export/legendLayout.js';
import type { PdfFonts } from './pdfFont.js';
import { hatchSegments, type Box, type PdfPageLayout } from './pdfLayout.js';
import { scaleBar } from '../../shared/export/scaleBar.js';

/** The map of a page as captured from MapLibre. */
export interface MapShot {
  /** JPEG keeps a pack of 35 pages small; PNG where exact colours matter. */
  image: { bytes: Uint8Array; type: 'jpeg' | 'png' };
  /** Ground metres per point of the printed map, at its centre. */
  metresPerPoint: number;
  /** Hoàng Sa and Trường Sa when the map leaves them out: a PNG and its size on the page, points. */
  inset: { png: Uint8Array; width: number; height: number } | null;
}

export interface PageText {
  title: string;
  subtitle: string;
  /** "Dữ liệu minh họa" while the figures are sample data. */
  sampleLabel: string | null;
  /** The date of the figures, already formatted. */
  asOf: string;
  /** Source and attribution. */
  source: string;
  legendTitle: string;
  figuresTitle: string;
}

const INK = rgb(0.067, 0.067, 0.067);
const WHITE = rgb(1, 1, 1);
const TITLE = rgb(0.545, 0, 0);
const hex = (h: string): RGB => rgb(parseInt(h.slice(1, 3), 16) / 255, parseInt(h.slice(3, 5), 16) / 255, parseInt(h.slice(5, 7), 16) / 255);

/** Drawing on a pdf-lib page with y measured down from the top, like the layout. */
class Pen {
  constructor(
    readonly page: PDFPage,
    readonly fonts: PdfFonts,
  ) {}
  private y(y: number) {
    return this.page.getHeight() - y;
  }
  font(bold: boolean): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }
  width(text: string, size: number, bold = false) {
    return this.font(bold).widthOfTextAtSize(text, size);
  }
  /** Text with its baseline at y; shrunk to fit maxWidth when given. */
  text(text: string, x: number, y: number, size: number, o: { bold?: boolean; color?: RGB; align?: 'left' | 'right' | 'center'; maxWidth?: number } = {}) {
    const bold = !!o.bold;
    const fitted = o.maxWidth ? Math.min(size, (size * o.maxWidth) / Math.max(1, this.width(text, size, bold))) : size;
    const w = this.width(text, fitted, bold);
    const x0 = o.align === 'right' ? x - w : o.align === 'center' ? x - w / 2 : x;
    this.page.drawText(text, { x: x0, y: this.y(y), size: fitted, font: this.font(bold), color: o.color ?? INK });
    return w;
  }
  rect(b: Box, o: { fill?: RGB; stroke?: RGB; lineWidth?: number; opacity?: number; dash?: number[] }) {
    this.page.drawRectangle({
      x: b.x,
      y: this.y(b.y + b.height),
      width: b.width,
      height: b.height,
      color: o.fill,
      opacity: o.opacity,
      borderColor: o.stroke,
      borderWidth: o.stroke ? (o.lineWidth ?? 1) : 0,
      borderDashArray: o.dash,
    });
  }
  line(x1: number, y1: number, x2: number, y2: number, width: number, color = INK) {
    this.page.drawLine({ start: { x: x1, y: this.y(y1) }, end: { x: x2, y: this.y(y2) }, thickness: width, color });
  }
  /** An SVG path in page points (y down) from (x, y). */
  path(d: string, x: number, y: number, o: { fill?: RGB; stroke?: RGB; lineWidth?: number }) {
    this.page.drawSvgPath(d, { x, y: this.y(y), color: o.fill, borderColor: o.stroke, borderWidth: o.stroke ? (o.lineWidth ?? 1) : 0 });
  }
}

/** Breaks a text into lines no wider than maxWidth, by the legend's rule. */
const lines = (pen: Pen, text: string, size: number, maxWidth: number, bold = false) => wrap(text, maxWidth, size, bold, (t, px, b) => pen.width(t, px, b));

function drawHeader(pen: Pen, b: Box, k: number, t: PageText) {
  let right = b.x + b.width;
  if (t.sampleLabel) {
    const label = t.sampleLabel.toUpperCase();
    const size = 10 * k;
    const w = pen.width(label, size, true) + 16 * k;
    const badge = { x: right - w, y: b.y + 2 * k, width: w, height: 22 * k };
    pen.rect(badge, { fill: hex('#fff3c4'), stroke: hex('#b08800'), lineWidth: 1.4 * k, dash: [4 * k, 3 * k] });
    pen.text(label, badge.x + 8 * k, badge.y + 15 * k, size, { bold: true, color: hex('#6b4e00') });
    right = badge.x - 12 * k;
  }
  pen.text(t.title, b.x, b.y + 17 * k, 17 * k, { bold: true, color: TITLE, maxWidth: right - b.x });
  pen.text(t.subtitle, b.x, b.y + 36 * k, 10.5 * k, { maxWidth: right - b.x });
  pen.line(b.x, b.y + b.height - 2 * k, b.x + b.width, b.y + b.height - 2 * k, 0.8 * k);
}

function drawFooter(pen: Pen, b: Box, k: number, t: PageText) {
  pen.line(b.x, b.y, b.x + b.width, b.y, 0.5 * k);
  pen.text(`Số liệu đến ngày ${t.asOf}`, b.x, b.y + 11 * k, 9 * k, { bold: true });
  const size = 7 * k;
  lines(pen, t.source, size, b.width)
    .slice(0, 2)
    .forEach((l, i) => pen.text(l, b.x, b.y + 20 * k + i * 8.5 * k, size, { color: rgb(0.2, 0.2, 0.2) }));
}

function drawSwatch(pen: Pen, s: { x: number; y: number; w: number; h: number; color: string; hatched: boolean }, k: number) {
  const box = { x: s.x, y: s.y, width: s.w, height: s.h };
  if (s.hatched) {
    pen.rect(box, { fill: hex(NO_DATA_COLOR) });
    for (const [x1, y1, x2, y2] of hatchSegments(s.w, s.h, 3.2 * k)) pen.line(s.x + x1, s.y + y1, s.x + x2, s.y + y2, 0.7 * k, hex(NO_DATA_HATCH));
  } else pen.rect(box, { fill: hex(s.color) });
  pen.rect(box, { stroke: INK, lineWidth: 0.5 * k });
}

/** The legend laid out by the PNG export's rules, scaled down until it fits its box. */
function drawLegend(pen: Pen, area: Box, k: number, title: string, legend: LegendModel) {
  const measure: Measure = (text, px, bold) => pen.width(text, px, bold);
  let u = 0.5 * k;
  let box: LegendBox = layoutLegend(title, legend.entries, u, measure);
  const s = Math.min(1, area.width / box.width, area.height / box.height);
  if (s < 1) {
    u *= s;
    box = layoutLegend(title, legend.entries, u, measure);
  }
  pen.rect({ x: area.x, y: area.y, width: box.width, height: box.height }, { fill: WHITE, stroke: INK, lineWidth: 0.8 * k });
  for (const it of box.items) {
    if (it.kind === 'swatch') drawSwatch(pen, { ...it, x: area.x + it.x, y: area.y + it.y }, k);
    else pen.text(it.text, area.x + it.x, area.y + it.y, it.px, { bold: it.bold, align: it.align });
  }
}

function drawKeyFigures(pen: Pen, area: Box, k: number, title: string, figures: readonly KeyFigure[]) {
  const rowH = 37 * k;
  const titleLines = lines(pen, title, 9.5 * k, area.width - 12 * k, true);
  const need = 12 * k + titleLines.length * 12 * k + figures.length * rowH;
  const s = Math.min(1, area.height / need);
  const f = k * s;
  const pad = 6 * f;
  pen.rect({ x: area.x, y: area.y, width: area.width, height: need * s }, { fill: WHITE, stroke: INK, lineWidth: 0.8 * k });
  let y = area.y + pad;
  for (const l of titleLines) {
    pen.text(l, area.x + pad, y + 9.5 * f, 9.5 * f, { bold: true });
    y += 12 * f;
  }
  for (const fig of figures) {
    pen.line(area.x + pad, y + 2 * f, area.x + area.width - pad, y + 2 * f, 0.4 * k, rgb(0.6, 0.6, 0.6));
    pen.text(fig.label, area.x + pad, y + 12 * f, 7.5 * f, { color: rgb(0.25, 0.25, 0.25), maxWidth: area.width - 2 * pad });
    pen.text(fig.value, area.x + pad, y + 26 * f, 12.5 * f, { bold: true, maxWidth: area.width - 2 * pad });
    pen.text(fig.detail, area.x + pad, y + 35 * f, 7 * f, { color: rgb(0.25, 0.25, 0.25), maxWidth: area.width - 2 * pad });
    y += rowH * s;
  }
}

function drawScaleBar(pen: Pen, map: Box, k: number, metresPerPoint: number) {
  const bar = scaleBar(metresPerPoint, 110 * k);
  const h = 4.5 * k;
  const size = 7.5 * k;
  const [zero, half, full] = bar.ticks;
  // Labels are centred on their ticks: the bar stands in from the right by half its last label.
  const x0 = map.x + map.width - 16 * k - pen.width(full.label, size, true) / 2 - bar.px;
  const y0 = map.y + map.height - 20 * k;
  const label = pen.width(full.label, size, true) / 2;
  pen.rect({ x: x0 - 8 * k, y: y0 - 15 * k, width: bar.px + label + 14 * k, height: h + 26 * k }, { fill: WHITE, opacity: 0.9 });
  pen.rect({ x: x0, y: y0, width: bar.px / 2, height: h }, { fill: INK });
  pen.rect({ x: x0, y: y0, width: bar.px, height: h }, { stroke: INK, lineWidth: 0.8 * k });
  pen.text(zero.label, x0, y0 - 4 * k, size, { bold: true, align: 'center' });
  pen.text(full.label, x0 + full.px, y0 - 4 * k, size, { bold: true, align: 'center' });
  if (full.px / 2 - pen.width(full.label, size, true) / 2 - pen.width(half.label, size, true) / 2 > 8 * k) pen.text(half.label, x0 + half.px, y0 - 4 * k, size, { bold: true, align: 'center' });
  pen.text('tại tâm bản đồ', x0 + bar.px / 2, y0 + h + 8 * k, 6 * k, { align: 'center' });
}

function drawNorthArrow(pen: Pen, map: Box, k: number) {
  const cx = map.x + 24 * k;
  const top = map.y + 10 * k;
  pen.page.drawCircle({ x: cx, y: pen.page.getHeight() - (top + 20 * k), size: 18 * k, color: WHITE, opacity: 0.9 });
  const s = k;
  // Two halves of the arrow, dark on the right: drawn in points from (cx, top).
  pen.path(`M 0 ${12 * s} L ${8 * s} ${34 * s} L 0 ${28 * s} Z`, cx, top, { fill: INK, stroke: INK, lineWidth: 0.8 * k });
  pen.path(`M 0 ${12 * s} L ${-8 * s} ${34 * s} L 0 ${28 * s} Z`, cx, top, { fill: WHITE, stroke: INK, lineWidth: 0.8 * k });
  pen.text('B', cx, top + 10.5 * k, 8.5 * k, { bold: true, align: 'center' });
}

/** One page: header, map with its scale bar, north arrow and inset, legend, key figures, footer. */
export async function addMapPage(doc: PDFDocument, fonts: PdfFonts, L: PdfPageLayout, t: PageText, legend: LegendModel, figures: readonly KeyFigure[] | null, shot: MapShot): Promise<void> {
  const page = doc.addPage([L.width, L.height]);
  const pen = new Pen(page, fonts);
  const { k } = L;
  drawHeader(pen, L.header, k, t);
  const image = shot.image.type === 'jpeg' ? await doc.embedJpg(shot.image.bytes) : await doc.embedPng(shot.image.bytes);
  page.drawImage(image, { x: L.map.x, y: L.height - L.map.y - L.map.height, width: L.map.width, height: L.map.height });
  if (shot.inset) {
    const inset = await doc.embedPng(shot.inset.png);
    const x = L.map.x + L.map.width - shot.inset.width - 8 * k;
    page.drawImage(inset, { x, y: L.height - (L.map.y + 8 * k) - shot.inset.height, width: shot.inset.width, height: shot.inset.height });
  }
  drawNorthArrow(pen, L.map, k);
  drawScaleBar(pen, L.map, k, shot.metresPerPoint);
  pen.rect(L.map, { stroke: INK, lineWidth: 1 * k });
  drawLegend(pen, L.legend, k, t.legendTitle, legend);
  if (figures) drawKeyFigures(pen, L.keyFigures, k, t.figuresTitle, figures);
  drawFooter(pen, L.footer, k, t);
}
