import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LegendModel } from '../../shared/lib/legendModel.js';
import type { NationalGeo } from '../../shared/lib/topo.js';
import { exportLayout } from './layout.js';
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
      drawMarks(ctx, legendMarks(lb, box.x + 16 * u, box.y + box.height - lb.height - 16 * u, u), u);
    }
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
