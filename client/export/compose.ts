import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LegendModel } from '../../shared/lib/legendModel.js';
import { NO_DATA_COLOR, NO_DATA_HATCH } from '../../shared/lib/statusClasses.js';
import type { NationalGeo } from '../../shared/lib/topo.js';
import { ARCHIPELAGO_CODES, bboxOfGeometry, insetProjection, needsInset, unionBBox, type BBox } from '../../shared/export/inset.js';
import { exportLayout, type ExportLayout } from './layout.js';
import { layoutLegend, type LegendBox, type Measure } from '../../shared/export/legendLayout.js';
import { metresPerPixel, scaleBar } from '../../shared/export/scaleBar.js';

/** The second map of a comparison, exported beside the first (PNG) or on a page of its own (PDF). */
interface ExportPane {
  map: MapLibreMap;
  year: number;
  /** Its classes, colours and counts (the first map's breaks when it shows the same metric). */
  legend: LegendModel;
  legendTitle: string;
  /** False when it shows the first map's metric with its breaks: the image then draws one legend for both. */
  ownLegend: boolean;
  /** "Năm 2024 · Tình trạng công nhận" */
  label: string;
}

export interface ExportInput {
  map: MapLibreMap;
  /** While two maps are compared: the first map's label, and the second map. */
  compare?: { label: string; pane: ExportPane } | null;
  scale: number;
  title: string;
  subtitle: string;
  legend: LegendModel;
  legendTitle: string;
  /** "Số liệu đến ngày …" */
  asOf: string;
  source: string;
  /** "Dữ liệu minh họa" while the figures are sample data, else null. */
  sampleLabel: string | null;
  geo: NationalGeo;
}

const FONT = "'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif";
const font = (px: number, bold = false) => `${bold ? '700 ' : ''}${px}px ${FONT}`;
const SEA = '#dce8f0';
const LAND = '#f7f5f0';
const INK = '#111111';

const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

/** True when the image has at least `min` distinct colours in a coarse sample (a blank WebGL canvas has one). */
function distinctColours(ctx: CanvasRenderingContext2D, w: number, h: number, min = 8): boolean {
  const d = ctx.getImageData(0, 0, w, h).data;
  const seen = new Set<number>();
  const step = Math.max(1, Math.floor((w * h) / 20_000));
  for (let i = 0; i < w * h; i += step) {
    seen.add((d[i * 4] << 16) | (d[i * 4 + 1] << 8) | d[i * 4 + 2]);
    if (seen.size >= min) return true;
  }
  return false;
}

/** The map drawn at `ratio` device pixels per CSS pixel, copied into a 2D canvas. */
async function renderMap(map: MapLibreMap, ratio: number): Promise<HTMLCanvasElement> {
  const before = map.getPixelRatio();
  try {
    map.setPixelRatio(ratio);
    return await captureMap(map);
  } finally {
    map.setPixelRatio(before);
    map.triggerRepaint();
  }
}

/** The map as drawn now, at its current pixel ratio, once it is idle; never a blank buffer. */
export async function captureMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
    // The drawing buffer is kept, so the idle frame is readable; a retry draws again synchronously to be sure
    // (a full frame costs about a second in software WebGL at print size).
    if (attempt > 0) map.redraw();
    const src = map.getCanvas();
    const out = document.createElement('canvas');
    out.width = src.width;
    out.height = src.height;
    const ctx = out.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(src, 0, 0);
    if (distinctColours(ctx, out.width, out.height)) return out;
    await nextFrame();
  }
  throw new Error('Bản đồ chưa vẽ xong, không xuất được ảnh. Vui lòng thử lại.');
}

function hatchPattern(ctx: CanvasRenderingContext2D, u: number): CanvasPattern | string {
  const size = Math.max(4, Math.round(8 * u));
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const p = c.getContext('2d')!;
  p.fillStyle = NO_DATA_COLOR;
  p.fillRect(0, 0, size, size);
  p.strokeStyle = NO_DATA_HATCH;
  p.lineWidth = Math.max(1, 1.6 * u);
  p.beginPath();
  for (const o of [-size, 0, size]) {
    p.moveTo(o, size);
    p.lineTo(o + size, 0);
  }
  p.stroke();
  return ctx.createPattern(c, 'repeat') ?? NO_DATA_COLOR;
}

function drawLegend(ctx: CanvasRenderingContext2D, box: LegendBox, x: number, y: number, u: number) {
  ctx.save();
  ctx.translate(x, y);
  ctx.fillStyle = 'rgba(255,255,255,0.97)';
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1.5 * u;
  ctx.fillRect(0, 0, box.width, box.height);
  ctx.strokeRect(0, 0, box.width, box.height);
  for (const it of box.items) {
    if (it.kind === 'swatch') {
      ctx.fillStyle = it.hatched ? hatchPattern(ctx, u) : it.color;
      ctx.fillRect(it.x, it.y, it.w, it.h);
      ctx.strokeStyle = INK;
      ctx.lineWidth = 1 * u;
      ctx.strokeRect(it.x, it.y, it.w, it.h);
    } else {
      ctx.fillStyle = INK;
      ctx.font = font(it.px, it.bold);
      ctx.textAlign = it.align;
      ctx.fillText(it.text, it.x, it.y);
    }
  }
  ctx.restore();
}

function drawScaleBar(ctx: CanvasRenderingContext2D, map: MapLibreMap, L: ExportLayout, right: number, bottom: number) {
  const u = L.ratio;
  const c = map.getCenter();
  const bar = scaleBar(metresPerPixel(c.lat, map.getZoom(), u), 180 * u);
  const h = 8 * u;
  const x0 = right - bar.px;
  const y0 = bottom - h;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(x0 - 22 * u, y0 - 34 * u, bar.px + 44 * u, h + 44 * u);
  ctx.fillStyle = INK;
  ctx.fillRect(x0, y0, bar.px / 2, h);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x0 + bar.px / 2, y0, bar.px / 2, h);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1.5 * u;
  ctx.strokeRect(x0, y0, bar.px, h);
  ctx.fillStyle = INK;
  ctx.font = font(14 * u, true);
  // 0 at the left end, the length at the right end, the half in between when there is room for it.
  const [zero, half, full] = bar.ticks;
  ctx.textAlign = 'left';
  ctx.fillText(zero.label, x0 - 4 * u, y0 - 8 * u);
  ctx.textAlign = 'right';
  ctx.fillText(full.label, x0 + full.px + 4 * u, y0 - 8 * u);
  const room = full.px / 2 - ctx.measureText(full.label).width / 2 - ctx.measureText(half.label).width / 2;
  if (room > 12 * u) {
    ctx.textAlign = 'center';
    ctx.fillText(half.label, x0 + half.px, y0 - 8 * u);
  }
  ctx.textAlign = 'left';
  ctx.font = font(11 * u);
  ctx.fillText('tại tâm bản đồ', x0 - 14 * u, y0 + h + 5 * u + 8 * u);
  ctx.restore();
}

function drawNorthArrow(ctx: CanvasRenderingContext2D, cx: number, top: number, u: number) {
  const h = 46 * u;
  const w = 15 * u;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.beginPath();
  ctx.arc(cx, top + h / 2 + 8 * u, 34 * u, 0, 2 * Math.PI);
  ctx.fill();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1.5 * u;
  ctx.fillStyle = INK;
  ctx.beginPath();
  ctx.moveTo(cx, top + 14 * u);
  ctx.lineTo(cx + w, top + h);
  ctx.lineTo(cx, top + h - 10 * u);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.moveTo(cx, top + 14 * u);
  ctx.lineTo(cx - w, top + h);
  ctx.lineTo(cx, top + h - 10 * u);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.font = font(16 * u, true);
  ctx.textAlign = 'center';
  ctx.fillText('B', cx, top + 10 * u);
  ctx.restore();
}

type Rings = number[][][];
const ringsOf = (g: GeoJSON.Polygon | GeoJSON.MultiPolygon): Rings => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

interface Archipelago {
  code: string;
  province: string;
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  bbox: BBox;
}

/** Hoàng Sa and Trường Sa as the loaded geometry has them. */
export function archipelagos(geo: NationalGeo): Archipelago[] {
  return ARCHIPELAGO_CODES.flatMap((code) => {
    const f = geo.communes.features.find((c) => c.properties.code === code);
    return f ? [{ code, province: f.properties.province_code, geometry: f.geometry, bbox: bboxOfGeometry(f.geometry) }] : [];
  });
}

/** True when the map's view leaves out part of Hoàng Sa or Trường Sa, which then go in an inset. */
export function insetNeeded(map: MapLibreMap, islands: readonly Archipelago[]): boolean {
  const b = map.getBounds();
  return islands.length > 0 && needsInset([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], islands.map((i) => i.bbox));
}

/** What the inset draws: the colour of each unit by code, and the geometry. */
type InsetInput = { colors: ReadonlyMap<string, string>; geo: NationalGeo };

/** Hoàng Sa and Trường Sa from the loaded geometry, in their current colours, in a framed box whose top-right corner is (x, y); returns its size. */
function drawInset(ctx: CanvasRenderingContext2D, input: InsetInput, islands: readonly Archipelago[], x: number, y: number, u: number): { width: number; height: number } {
  const frame = unionBBox(
    islands.map((i) => i.bbox),
    0.6,
  );
  const pad = 10 * u;
  const titleH = 24 * u;
  const proj = insetProjection(frame, 190 * u, 250 * u);
  const insetTitle = 'Quần đảo Hoàng Sa, Trường Sa';
  ctx.font = font(13 * u, true);
  const w = Math.max(proj.width, ctx.measureText(insetTitle).width) + 2 * pad;
  const h = proj.height + 2 * pad + titleH;
  const mapX = (w - 2 * pad - proj.width) / 2;
  ctx.save();
  ctx.translate(x - w, y);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = INK;
  ctx.font = font(13 * u, true);
  ctx.textAlign = 'left';
  ctx.fillText(insetTitle, pad, pad + 12 * u);
  ctx.translate(pad + mapX, pad + titleH);
  ctx.fillStyle = SEA;
  ctx.fillRect(0, 0, proj.width, proj.height);
  ctx.beginPath();
  ctx.rect(0, 0, proj.width, proj.height);
  ctx.clip();
  const path = (rings: Rings) => {
    ctx.beginPath();
    for (const ring of rings)
      ring.forEach(([lng, lat], i) => {
        const [px, py] = proj.project(lng, lat);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
  };
  // The mainland coast for orientation.
  ctx.fillStyle = LAND;
  ctx.strokeStyle = '#5b6b78';
  ctx.lineWidth = 1 * u;
  for (const f of input.geo.outline.features) {
    path(ringsOf(f.geometry));
    ctx.fill();
    ctx.stroke();
  }
  for (const isl of islands) {
    // At the province level the islands take their province's colour.
    const color = input.colors.get(isl.code) ?? input.colors.get(isl.province) ?? NO_DATA_COLOR;
    ctx.fillStyle = color;
    ctx.strokeStyle = INK;
    for (const poly of isl.geometry.type === 'Polygon' ? [isl.geometry.coordinates] : isl.geometry.coordinates) {
      // Islands are smaller than a pixel at this scale: each is drawn at least as a dot.
      const [px, py] = proj.project(poly[0][0][0], poly[0][0][1]);
      ctx.beginPath();
      ctx.arc(px, py, 2.2 * u, 0, 2 * Math.PI);
      ctx.fill();
      ctx.lineWidth = 0.6 * u;
      ctx.stroke();
      path(poly);
      ctx.fill();
    }
  }
  ctx.fillStyle = '#14395b';
  ctx.font = font(12 * u, true);
  ctx.textAlign = 'center';
  for (const l of input.geo.islandLabels.features) {
    const [lng, lat] = l.geometry.coordinates;
    const [px, py] = proj.project(lng, lat);
    if (px < 0 || py < 0 || px > proj.width || py > proj.height) continue;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.lineWidth = 3 * u;
    ctx.strokeText(l.properties.name, px, py + 22 * u);
    ctx.fillText(l.properties.name, px, py + 22 * u);
  }
  ctx.restore();
  ctx.save();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1.5 * u;
  ctx.strokeRect(x - w, y, w, h);
  ctx.restore();
  return { width: w, height: h };
}

/** The inset alone, as an image for the PDF: `u` pixels per CSS pixel. */
export function insetImage(input: InsetInput, islands: readonly Archipelago[], u: number): HTMLCanvasElement {
  // Drawn on a canvas large enough for any inset, then cropped to its size.
  const big = document.createElement('canvas');
  big.width = Math.ceil(600 * u);
  big.height = Math.ceil(400 * u);
  const size = drawInset(big.getContext('2d')!, input, islands, big.width, 0, u);
  const out = document.createElement('canvas');
  out.width = Math.ceil(size.width);
  out.height = Math.ceil(size.height);
  out.getContext('2d')!.drawImage(big, big.width - out.width, 0, out.width, out.height, 0, 0, out.width, out.height);
  return out;
}

/** A comparison's label over its map, as on screen: white on dark blue, centred at the top. */
function drawPaneLabel(ctx: CanvasRenderingContext2D, text: string, cx: number, top: number, u: number) {
  ctx.save();
  ctx.font = font(17 * u, true);
  const w = ctx.measureText(text).width + 28 * u;
  ctx.fillStyle = '#0b3d63';
  ctx.fillRect(cx - w / 2, top, w, 32 * u);
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.fillText(text, cx, top + 22 * u);
  ctx.restore();
}

/**
 * The export as a canvas: title band, map, legend, scale bar, north arrow, inset when needed, footer. Two maps
 * being compared go side by side (a swipe's too, whole), each with its label and inset, and its own legend when
 * its metric differs.
 */
export async function composeExport(input: ExportInput): Promise<HTMLCanvasElement> {
  const { map } = input;
  const panes: { map: MapLibreMap; legend: LegendModel | null; legendTitle: string; colors: ReadonlyMap<string, string>; label: string | null }[] = [
    { map, legend: input.legend, legendTitle: input.legendTitle, colors: input.legend.colors, label: input.compare?.label ?? null },
    ...(input.compare ? [{ ...input.compare.pane, legend: input.compare.pane.ownLegend ? input.compare.pane.legend : null, colors: input.compare.pane.legend.colors }] : []),
  ];
  const sizes = panes.map((p) => ({ w: p.map.getContainer().clientWidth, h: p.map.getContainer().clientHeight }));
  const L = exportLayout(
    sizes.reduce((sum, z) => sum + z.w, 0),
    Math.max(...sizes.map((z) => z.h)),
    input.scale,
  );
  const u = L.ratio;
  const images: HTMLCanvasElement[] = [];
  for (const p of panes) images.push(await renderMap(p.map, u));
  const out = document.createElement('canvas');
  out.width = L.width;
  out.height = L.height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, L.width, L.height);
  const measure: Measure = (text, px, bold) => {
    ctx.font = font(px, bold);
    return ctx.measureText(text).width;
  };
  const islands = archipelagos(input.geo);
  let x = L.map.x;
  panes.forEach((p, i) => {
    const img = images[i];
    const w = i === panes.length - 1 ? L.map.x + L.map.width - x : Math.round(sizes[i].w * u);
    const box = { x, y: L.map.y, width: w, height: L.map.height };
    ctx.drawImage(img, 0, 0, img.width, img.height, box.x, box.y, box.width, box.height);
    ctx.strokeStyle = INK;
    ctx.lineWidth = 2 * u;
    ctx.strokeRect(box.x + u, box.y, box.width - 2 * u, box.height);
    if (p.label) drawPaneLabel(ctx, p.label, box.x + box.width / 2, box.y + 12 * u, u);
    // Legend, bottom left of its map (a second map sharing the first's legend has none of its own).
    if (p.legend) {
      const lb = layoutLegend(p.legendTitle, p.legend.entries, u, measure);
      drawLegend(ctx, lb, box.x + 16 * u, box.y + box.height - lb.height - 16 * u, u);
    }
    // North arrow top left of the first map, where it hides no island (the maps are never rotated); the scale bar
    // bottom right of the last (compared maps share their zoom).
    if (i === 0) drawNorthArrow(ctx, box.x + 56 * u, box.y + 14 * u, u);
    if (i === panes.length - 1) drawScaleBar(ctx, p.map, L, box.x + box.width - 30 * u, box.y + box.height - 26 * u);
    // Hoàng Sa and Trường Sa: drawn in an inset, in this map's colours, when its view does not show both.
    if (insetNeeded(p.map, islands)) drawInset(ctx, { colors: p.colors, geo: input.geo }, islands, box.x + box.width - 16 * u, box.y + (p.label ? 56 : 16) * u, u);
    x += w;
  });

  // Title band.
  const m = 24 * u;
  ctx.fillStyle = '#8b0000';
  ctx.font = font(30 * u, true);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(input.title, m, 44 * u, L.width - 2 * m - 240 * u);
  ctx.fillStyle = INK;
  ctx.font = font(18 * u);
  ctx.fillText(input.subtitle, m, 76 * u, L.width - 2 * m - 240 * u);
  if (input.sampleLabel) {
    const label = input.sampleLabel.toUpperCase();
    ctx.font = font(17 * u, true);
    const tw = ctx.measureText(label).width;
    const bx = L.width - m - tw - 28 * u;
    ctx.fillStyle = '#fff3c4';
    ctx.fillRect(bx, 26 * u, tw + 28 * u, 40 * u);
    ctx.setLineDash([6 * u, 4 * u]);
    ctx.strokeStyle = '#b08800';
    ctx.lineWidth = 2.5 * u;
    ctx.strokeRect(bx, 26 * u, tw + 28 * u, 40 * u);
    ctx.setLineDash([]);
    ctx.fillStyle = '#6b4e00';
    ctx.fillText(label, bx + 14 * u, 52 * u);
  }

  // Footer: date of the figures, source.
  ctx.fillStyle = INK;
  ctx.font = font(14 * u, true);
  ctx.textAlign = 'left';
  const fy = L.height - L.footer / 2 + 5 * u;
  const asOf = `Số liệu đến ngày ${input.asOf}`;
  ctx.fillText(asOf, m, fy);
  const asOfW = ctx.measureText(asOf).width;
  ctx.font = font(12 * u);
  ctx.fillStyle = '#333333';
  ctx.fillText(input.source, m + asOfW + 20 * u, fy, L.width - asOfW - 20 * u - 2 * m);
  return out;
}

/** A canvas encoded as PNG or JPEG. */
export function canvasBlob(canvas: HTMLCanvasElement, type: 'image/png' | 'image/jpeg', quality?: number): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`Không mã hóa được ảnh ${type}`))), type, quality));
}

/** Hands a file to the browser as a download. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
