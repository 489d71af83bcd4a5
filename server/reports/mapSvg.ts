import { insetProjection, needsInset } from '../../shared/export/inset.js';
import { unionBBox, type BBox } from '../../shared/lib/bbox.js';
import { layoutLegend } from '../../shared/export/legendLayout.js';
import { INK, legendMarks, northArrowMarks, scaleBarMarks, type Mark } from '../../shared/export/mapMarks.js';
import { EARTH_CIRCUMFERENCE } from '../../shared/export/scaleBar.js';
import type { LegendEntry } from '../../shared/lib/legendModel.js';
import { NO_DATA_HATCH } from '../../shared/lib/statusClasses.js';
import { measure, NOTO_SANS } from './fonts.js';
import type { Archipelago, Geometry } from './geometry.js';

/**
 * A choropleth as SVG, for rasterising without a browser (the Word report, the slides): the units in their
 * colours, the legend laid out by the PNG export's rules (legendLayout), the scale bar (scaleBar), a north arrow and
 * the Hoàng Sa / Trường Sa inset (inset.ts's frame and projection) when the view leaves them out.
 */
export interface MapPicture {
  width: number;
  height: number;
  /** Pixels per CSS pixel of the exports' sizes (legend type, inset, bar). */
  u: number;
  units: { code: string; geometry: Geometry; fill: string; hatched: boolean; /** false: context around the place, greyed */ inPlace: boolean }[];
  /** Units outlined thickly (the commune a report is about). */
  highlight: readonly string[];
  /** The part of the earth to show. */
  frame: BBox;
  /** null: drawn apart (the slides' legend is native shapes). */
  legend: { title: string; entries: readonly LegendEntry[] } | null;
  islands: readonly Archipelago[];
  /** Colour of each archipelago in the inset (by its code). */
  islandFill: (a: Archipelago) => string;
  coast: readonly Geometry[];
  islandLabels: readonly { name: string; lng: number; lat: number }[];
}

const SEA = '#dce8f0';
const LAND = '#f7f5f0';
const CONTEXT = '#e6e6e6';

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (x: number) => Math.round(x * 10) / 10;

function pathOf(g: Geometry, project: (lng: number, lat: number) => [number, number]): string {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let d = '';
  for (const poly of polys)
    for (const ring of poly) {
      let last = '';
      ring.forEach(([lng, lat], i) => {
        const [x, y] = project(lng, lat);
        const p = `${r1(x)} ${r1(y)}`;
        if (p === last) return;
        d += `${i === 0 ? 'M' : 'L'}${p}`;
        last = p;
      });
      d += 'Z';
    }
  return d;
}

/** Web Mercator fitting `frame` into the box, centred: the projection and its scale (pixels per radian). */
export function fit(frame: BBox, x: number, y: number, w: number, h: number) {
  const dx = ((frame[2] - frame[0]) * Math.PI) / 180;
  const dy = mercY(frame[3]) - mercY(frame[1]);
  const k = Math.min(w / dx, h / dy);
  const ox = x + (w - dx * k) / 2;
  const oy = y + (h - dy * k) / 2;
  return { k, project: (lng: number, lat: number): [number, number] => [ox + (((lng - frame[0]) * Math.PI) / 180) * k, oy + (mercY(frame[3]) - mercY(lat)) * k] };
}

const text = (x: number, y: number, s: string, px: number, bold: boolean, anchor: 'start' | 'end' | 'middle' = 'start', fill = INK) =>
  `<text x="${r1(x)}" y="${r1(y)}" font-family="${NOTO_SANS.family}" font-size="${r1(px)}" font-weight="${bold ? 700 : 400}" text-anchor="${anchor}" fill="${fill}">${esc(s)}</text>`;

const ANCHOR = { left: 'start', right: 'end', center: 'middle' } as const;

/** The marks of the shared layout (shared/export/mapMarks) as SVG; "no data" swatches take the #hatch pattern. */
function marksSvg(marks: readonly Mark[]): string {
  return marks
    .map((m) => {
      if (m.kind === 'text') return text(m.x, m.y, m.text, m.px, m.bold, ANCHOR[m.align]);
      if (m.kind === 'circle') return `<circle cx="${r1(m.cx)}" cy="${r1(m.cy)}" r="${r1(m.r)}" fill="${m.fill}" fill-opacity="${m.opacity ?? 1}"/>`;
      const stroke = m.stroke ? ` stroke="${m.stroke}" stroke-width="${r1(m.lineWidth ?? 1)}"` : '';
      if (m.kind === 'polygon') return `<path d="${m.points.map(([x, y], i) => `${i ? 'L' : 'M'}${r1(x)} ${r1(y)}`).join('')}Z" fill="${m.fill}"${stroke}/>`;
      const fill = m.hatched ? 'url(#hatch)' : (m.fill ?? 'none');
      return `<rect x="${r1(m.x)}" y="${r1(m.y)}" width="${r1(m.w)}" height="${r1(m.h)}" fill="${fill}"${m.opacity !== undefined ? ` fill-opacity="${m.opacity}"` : ''}${stroke}/>`;
    })
    .join('');
}

function insetSvg(m: MapPicture, right: number, top: number): { svg: string; width: number; height: number } {
  const u = m.u;
  const frame = unionBBox(
    m.islands.map((i) => i.bbox),
    0.6,
  );
  const pad = 10 * u;
  const titleH = 24 * u;
  const proj = insetProjection(frame, 190 * u, 250 * u);
  const title = 'Quần đảo Hoàng Sa, Trường Sa';
  const w = Math.max(proj.width, measure(title, 13 * u, true)) + 2 * pad;
  const h = proj.height + 2 * pad + titleH;
  const mx = right - w + pad + (w - 2 * pad - proj.width) / 2;
  const my = top + pad + titleH;
  const project = (lng: number, lat: number): [number, number] => {
    const [px, py] = proj.project(lng, lat);
    return [mx + px, my + py];
  };
  const parts = [
    `<rect x="${r1(right - w)}" y="${r1(top)}" width="${r1(w)}" height="${r1(h)}" fill="#ffffff" stroke="${INK}" stroke-width="${1.5 * u}"/>`,
    text(right - w + pad, top + pad + 12 * u, title, 13 * u, true),
    `<clipPath id="insetClip"><rect x="${r1(mx)}" y="${r1(my)}" width="${proj.width}" height="${proj.height}"/></clipPath>`,
    `<g clip-path="url(#insetClip)"><rect x="${r1(mx)}" y="${r1(my)}" width="${proj.width}" height="${proj.height}" fill="${SEA}"/>`,
    ...m.coast.map((g) => `<path d="${pathOf(g, project)}" fill="${LAND}" stroke="#5b6b78" stroke-width="${u}" fill-rule="evenodd"/>`),
  ];
  for (const isl of m.islands) {
    const fill = m.islandFill(isl);
    const polys = isl.geometry.type === 'Polygon' ? [isl.geometry.coordinates] : isl.geometry.coordinates;
    // Islands are smaller than a pixel at this scale: each is drawn at least as a dot.
    for (const poly of polys) {
      const [px, py] = project(poly[0][0][0], poly[0][0][1]);
      parts.push(`<circle cx="${r1(px)}" cy="${r1(py)}" r="${r1(2.2 * u)}" fill="${fill}" stroke="${INK}" stroke-width="${r1(0.6 * u)}"/>`);
    }
  }
  for (const l of m.islandLabels) {
    const [px, py] = project(l.lng, l.lat);
    if (px < mx || py < my || px > mx + proj.width || py > my + proj.height) continue;
    parts.push(text(px, py + 22 * u, l.name, 12 * u, true, 'middle', '#14395b').replace('<text ', `<text stroke="#ffffff" stroke-width="${3 * u}" paint-order="stroke" `));
  }
  parts.push('</g>');
  return { svg: parts.join(''), width: w, height: h };
}

/** The map as an SVG document: the map on the left, the inset and the legend in a column on the right. */
export function mapSvg(m: MapPicture): string {
  const { width: W, height: H, u } = m;
  const margin = 16 * u;
  // Hoàng Sa and Trường Sa: in the view when it shows them whole, else in an inset.
  const inset = m.islands.length > 0 && needsInset(m.frame, m.islands.map((i) => i.bbox)) ? insetSvg(m, W - margin, margin) : null;
  const legend = m.legend ? layoutLegend(m.legend.title, m.legend.entries, u, measure) : null;
  const column = Math.max(inset?.width ?? 0, legend?.width ?? 0);
  const mapW = W - 2 * margin - (column ? column + margin : 0);
  const { k, project } = fit(m.frame, margin, margin, mapW, H - 2 * margin);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<defs><pattern id="hatch" width="${6 * u}" height="${6 * u}" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="${6 * u}" height="${6 * u}" fill="#d4d4d4"/><line x1="0" y1="0" x2="0" y2="${6 * u}" stroke="${NO_DATA_HATCH}" stroke-width="${1.5 * u}"/></pattern>`,
    `<clipPath id="mapClip"><rect x="${r1(margin)}" y="${r1(margin)}" width="${r1(mapW)}" height="${r1(H - 2 * margin)}"/></clipPath></defs>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<rect x="${r1(margin)}" y="${r1(margin)}" width="${r1(mapW)}" height="${r1(H - 2 * margin)}" fill="${SEA}"/>`,
    '<g clip-path="url(#mapClip)">',
    // The land around the place (other provinces, neighbouring countries' edge excluded): the national outline.
    ...m.coast.map((g) => `<path d="${pathOf(g, project)}" fill="${LAND}" stroke="#9aa7b1" stroke-width="${u}" fill-rule="evenodd"/>`),
  ];
  for (const f of m.units) {
    const fill = !f.inPlace ? CONTEXT : f.hatched ? 'url(#hatch)' : f.fill;
    parts.push(`<path d="${pathOf(f.geometry, project)}" fill="${fill}" stroke="${f.inPlace ? '#ffffff' : '#c4c4c4'}" stroke-width="${r1(0.5 * u)}" fill-rule="evenodd"/>`);
  }
  for (const f of m.units.filter((x) => m.highlight.includes(x.code)))
    parts.push(`<path d="${pathOf(f.geometry, project)}" fill="none" stroke="${INK}" stroke-width="${3 * u}" stroke-linejoin="round"/>`);
  parts.push('</g>', `<rect x="${r1(margin)}" y="${r1(margin)}" width="${r1(mapW)}" height="${r1(H - 2 * margin)}" fill="none" stroke="#8a8a8a" stroke-width="${u}"/>`);
  if (inset) parts.push(inset.svg);
  if (legend) parts.push(marksSvg(legendMarks(legend, W - margin - legend.width, H - margin - legend.height, u)));

  // Scale bar at the map's bottom left, north arrow at its top left (the inset and the legend are on the right).
  const midLat = (m.frame[1] + m.frame[3]) / 2;
  const mpp = (EARTH_CIRCUMFERENCE * Math.cos((midLat * Math.PI) / 180)) / (2 * Math.PI * k);
  parts.push(marksSvg(scaleBarMarks(mpp, { x: margin + 30 * u, y: H - margin - 26 * u, from: 'left' }, u, measure)));
  parts.push(marksSvg(northArrowMarks(margin + 56 * u, margin + 14 * u, u)));
  parts.push('</svg>');
  return parts.join('');
}
