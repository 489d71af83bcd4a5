import { Resvg } from '@resvg/resvg-js';
import { bboxOfGeometry, unionBBox, type BBox } from '../../shared/lib/bbox.js';
import { NO_DATA_COLOR, STATUS_COLORS, statusLegend } from '../../shared/lib/statusClasses.js';
import type { Status } from '../../shared/domain/types.js';
import type { StatsService } from '../services/stats.js';
import { NOTO_SANS } from './fonts.js';
import type { GeoLayers } from './geometry.js';
import { mapSvg, type MapPicture } from './mapSvg.js';
import type { ReportData } from './reportData.js';

export interface MapRequest {
  year: number;
  /** 2025 communes of the place. */
  codes: ReadonlySet<string>;
  provinceCodes: readonly string[];
  /** The whole country (national layer) or the provinces' finer layers. */
  national: boolean;
  /** A commune's map shows its province coloured around it, the commune outlined. */
  highlight: readonly string[];
  width: number;
  height: number;
  u: number;
  withLegend: boolean;
}

/** The map of a report's place: status in its year on the 2025 communes (earlier years rolled up through the crosswalk). */
export function reportMapRequest(d: ReportData, size: { width: number; height: number; u: number; withLegend: boolean }): MapRequest {
  const kind = d.figures.place.kind;
  return {
    year: d.map.year,
    codes: d.map.codes,
    provinceCodes: d.map.provinceCodes,
    national: kind === 'country',
    highlight: kind === 'commune' ? [...d.map.codes] : [],
    ...size,
  };
}

export interface MapResult {
  picture: MapPicture;
  png: Buffer;
}

export async function statusMap(svc: StatsService, geo: GeoLayers, r: MapRequest): Promise<MapResult> {
  const { communes, method } = await svc.communeFigures('2025', r.year);
  const status = new Map<string, Status | null>(communes.map((c) => [c.code, c.status]));
  const national = await geo.nationalGeo();
  const features = r.national ? national.communes.features : (await Promise.all(r.provinceCodes.map((p) => geo.province(p)))).flatMap((fc) => fc.features);
  const context = r.highlight.length > 0;
  const units = features.map((f) => {
    const s = status.get(f.properties.code) ?? null;
    return { code: f.properties.code, geometry: f.geometry, fill: s ? STATUS_COLORS[s] : NO_DATA_COLOR, hatched: s === null, inPlace: context || r.codes.has(f.properties.code) };
  });
  const shown = units.filter((u) => u.inPlace);
  const counts = { certified: 0, notCertified: 0, notAssessed: 0, noData: 0 };
  for (const u of shown) {
    const s = status.get(u.code) ?? null;
    if (s === 'dat') counts.certified++;
    else if (s === 'chua_dat') counts.notCertified++;
    else if (s === 'chua_danh_gia') counts.notAssessed++;
    else counts.noData++;
  }
  const boxes = (shown.length ? shown : units).map((u) => bboxOfGeometry(u.geometry));
  const b = unionBBox(boxes);
  const pad = Math.max(b[2] - b[0], b[3] - b[1]) * 0.04;
  const frame: BBox = [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
  const islands = await geo.archipelagos();
  const picture: MapPicture = {
    width: r.width,
    height: r.height,
    u: r.u,
    units,
    highlight: r.highlight,
    frame,
    legend: r.withLegend ? { title: legendTitle(r.year, method === 'crosswalk'), entries: statusLegend(counts) } : null,
    islands,
    islandFill: (a) => {
      const s = status.get(a.code) ?? null;
      return s ? STATUS_COLORS[s] : NO_DATA_COLOR;
    },
    coast: national.outline.features.map((f) => f.geometry),
    islandLabels: national.islandLabels.features.map((l) => ({ name: l.properties.name, lng: l.geometry.coordinates[0], lat: l.geometry.coordinates[1] })),
  };
  return { picture, png: rasterise(mapSvg(picture)) };
}

export const legendTitle = (year: number, rolledUp: boolean) => `Tình trạng công nhận năm ${year}${rolledUp ? ' (quy đổi lên xã, phường mới)' : ''}`;

/** SVG → PNG with the exports' face (Noto Sans), no system fonts: the same picture on every machine. */
export function rasterise(svg: string): Buffer {
  const r = new Resvg(svg, { font: { fontFiles: [NOTO_SANS.regular, NOTO_SANS.bold], loadSystemFonts: false, defaultFontFamily: NOTO_SANS.family }, background: '#ffffff' });
  return r.render().asPng();
}
