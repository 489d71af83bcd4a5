import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LegendModel } from '../../shared/lib/legendModel.js';
import type { NationalGeo } from '../../shared/lib/topo.js';
import { exportLayout, type LaidText } from './layout.js';
import { layoutLegend, type Measure } from '../../shared/export/legendLayout.js';
import { INK, legendMarks, northArrowMarks, scaleBarMarks } from '../../shared/export/mapMarks.js';
import { renderMap } from './capture.js';
import { drawMarks, font } from './canvasMarks.js';
import { archipelagos, drawInset, insetNeeded } from './insetCanvas.js';
import { metresPerPixel } from '../../shared/export/scaleBar.js';

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
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  const measure: Measure = (text, px, bold) => {
    ctx.font = font(px, bold);
    return ctx.measureText(text).width;
  };
  const texts = { title: input.title, subtitle: input.subtitle, badge: input.sampleLabel?.toUpperCase() ?? null, asOf: `Số liệu đến ngày ${input.asOf}`, source: input.source };
  const legendOf = (p: (typeof panes)[number], u: number) => (p.legend ? layoutLegend(p.legendTitle, p.legend.entries, u, measure) : null);
  const L = exportLayout(
    panes.map((p, i) => ({ width: sizes[i].w, legend: legendOf(p, 1) })),
    Math.max(...sizes.map((z) => z.h)),
    input.scale,
    texts,
    measure,
  );
  const u = L.ratio;
  const images: HTMLCanvasElement[] = [];
  for (const p of panes) images.push(await renderMap(p.map, u));
  out.width = L.width;
  out.height = L.height;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, L.width, L.height);
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
    // Legend, bottom left of its map or under it (a second map sharing the first's legend has none of its own).
    const lb = legendOf(p, u);
    if (lb) drawMarks(ctx, legendMarks(lb, box.x + 16 * u, L.legends === 'over' ? box.y + box.height - lb.height - 16 * u : L.band.y + 12 * u, u), u);
    // North arrow top left of the first map, where it hides no island (the maps are never rotated); the scale bar
    // bottom right of the last (compared maps share their zoom).
    if (i === 0) drawMarks(ctx, northArrowMarks(box.x + 56 * u, box.y + 14 * u, u), u);
    if (i === panes.length - 1) {
      const c = p.map.getCenter();
      drawMarks(ctx, scaleBarMarks(metresPerPixel(c.lat, p.map.getZoom(), u), { x: box.x + box.width - 30 * u, y: box.y + box.height - 26 * u, from: 'right' }, u, measure), u);
    }
    // Hoàng Sa and Trường Sa: drawn in an inset, in this map's colours, when its view does not show both.
    if (insetNeeded(p.map, islands)) drawInset(ctx, { colors: p.colors, geo: input.geo }, islands, box.x + box.width - 16 * u, box.y + (p.label ? 56 : 16) * u, u);
    x += w;
  });

  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  if (L.badge) {
    const b = L.badge;
    ctx.fillStyle = '#fff3c4';
    ctx.fillRect(b.x, b.y, b.w, b.h);
    ctx.setLineDash([6 * u, 4 * u]);
    ctx.strokeStyle = '#b08800';
    ctx.lineWidth = 2.5 * u;
    ctx.strokeRect(b.x, b.y, b.w, b.h);
    ctx.setLineDash([]);
    ctx.fillStyle = '#6b4e00';
    ctx.font = font(b.px, true);
    ctx.fillText(b.text, b.x + 14 * u, b.y + 26 * u);
  }
  for (const l of L.lines) {
    ctx.fillStyle = TEXT_COLOUR[l.role];
    ctx.font = font(l.px, l.bold);
    ctx.fillText(l.text, l.x, l.y);
  }
  return out;
}

const TEXT_COLOUR: Record<LaidText['role'], string> = { title: '#8b0000', subtitle: INK, asOf: INK, source: '#333333' };

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
