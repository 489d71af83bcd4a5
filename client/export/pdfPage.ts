import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { LegendModel } from '../../shared/lib/legendModel.js';
import { NO_DATA_COLOR, NO_DATA_HATCH } from '../../shared/lib/statusClasses.js';
import type { KeyFigure } from '../../shared/export/keyFigures.js';
import { layoutLegend, wrap, type LegendBox, type Measure } from '../../shared/export/legendLayout.js';
import type { PdfFonts } from './pdfFont.js';
import { hatchSegments, INSET_MARGIN, type Box, type PdfPageLayout } from './pdfLayout.js';
import { legendMarks, northArrowMarks, scaleBarMarks, type Mark } from '../../shared/export/mapMarks.js';

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

/** The marks of the shared layout (shared/export/mapMarks) on the page; `k` sizes the hatch of "no data". */
function drawMarks(pen: Pen, marks: readonly Mark[], k: number) {
  for (const m of marks) {
    if (m.kind === 'text') pen.text(m.text, m.x, m.y, m.px, { bold: m.bold, align: m.align });
    else if (m.kind === 'circle') pen.page.drawCircle({ x: m.cx, y: pen.page.getHeight() - m.cy, size: m.r, color: hex(m.fill), opacity: m.opacity });
    else if (m.kind === 'polygon') {
      const [x, y] = m.points[0];
      const d = m.points.map(([px, py], i) => `${i ? 'L' : 'M'} ${px - x} ${py - y}`).join(' ') + ' Z';
      pen.path(d, x, y, { fill: hex(m.fill), stroke: m.stroke ? hex(m.stroke) : undefined, lineWidth: m.lineWidth });
    } else {
      const box = { x: m.x, y: m.y, width: m.w, height: m.h };
      if (m.hatched) {
        pen.rect(box, { fill: hex(NO_DATA_COLOR) });
        for (const [x1, y1, x2, y2] of hatchSegments(m.w, m.h, 3.2 * k)) pen.line(m.x + x1, m.y + y1, m.x + x2, m.y + y2, 0.7 * k, hex(NO_DATA_HATCH));
      } else if (m.fill) pen.rect(box, { fill: hex(m.fill), opacity: m.opacity });
      if (m.stroke) pen.rect(box, { stroke: hex(m.stroke), lineWidth: m.lineWidth });
    }
  }
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
  drawMarks(pen, legendMarks(box, area.x, area.y, u), k);
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

/** Map furniture's units per point: the PNG export's proportions at the page's scale. */
const FURNITURE_U = 0.55;

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
    const x = L.map.x + L.map.width - shot.inset.width - INSET_MARGIN * k;
    page.drawImage(inset, { x, y: L.height - (L.map.y + INSET_MARGIN * k) - shot.inset.height, width: shot.inset.width, height: shot.inset.height });
  }
  const u = FURNITURE_U * k;
  // Placed as on the PNG export, in its units.
  drawMarks(pen, northArrowMarks(L.map.x + 56 * u, L.map.y + 14 * u, u), k);
  const measure: Measure = (text, px, bold) => pen.width(text, px, bold);
  drawMarks(pen, scaleBarMarks(shot.metresPerPoint, { x: L.map.x + L.map.width - 30 * u, y: L.map.y + L.map.height - 26 * u, from: 'right' }, u, measure), k);
  pen.rect(L.map, { stroke: INK, lineWidth: 1 * k });
  drawLegend(pen, L.legend, k, t.legendTitle, legend);
  if (figures) drawKeyFigures(pen, L.keyFigures, k, t.figuresTitle, figures);
  drawFooter(pen, L.footer, k, t);
}
