import type { Map as MapLibreMap } from 'maplibre-gl';
import { NO_DATA_COLOR } from '../../shared/lib/statusClasses.js';
import type { NationalGeo } from '../../shared/lib/topo.js';
import { ARCHIPELAGO_CODES, insetProjection, needsInset } from '../../shared/export/inset.js';
import { bboxOfGeometry, unionBBox, type BBox } from '../../shared/lib/bbox.js';
import { INK } from '../../shared/export/mapMarks.js';
import { font } from './canvasMarks.js';

const SEA = '#dce8f0';
const LAND = '#f7f5f0';

type Rings = number[][][];
const ringsOf = (g: GeoJSON.Polygon | GeoJSON.MultiPolygon): Rings => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

export interface Archipelago {
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
export type InsetInput = { colors: ReadonlyMap<string, string>; geo: NationalGeo };

/** Hoàng Sa and Trường Sa from the loaded geometry, in their current colours, in a framed box whose top-right corner is (x, y); returns its size. */
export function drawInset(ctx: CanvasRenderingContext2D, input: InsetInput, islands: readonly Archipelago[], x: number, y: number, u: number): { width: number; height: number } {
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
