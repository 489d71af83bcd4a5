import { keyFigures, yearTotalOf, type KeyFigure } from '../../shared/export/keyFigures.js';
import { bboxOfGeometry, unionBBox, type BBox } from '../../shared/lib/bbox.js';
import { buildLegend, type LegendEntry, type Symbology } from '../../shared/lib/legendModel.js';
import { NO_DATA_COLOR } from '../../shared/lib/statusClasses.js';
import { parseView } from '../../shared/domain/view.js';
import { previousYear } from '../../shared/domain/previousYear.js';
import { badRequest } from '../services/errors.js';
import type { StatsService } from '../services/stats.js';
import type { GeoLayers } from './geometry.js';
import { rasterise } from './mapImage.js';
import { mapSvg, type MapPicture } from './mapSvg.js';
import { placeTotal } from './reportData.js';
import { slideNotes } from './sentences.js';

/** The map of a slide, at projector resolution (the slide's map frame is 16:9 less the side column). */
export const SLIDE_MAP = { width: 1920, height: 1200, u: 2.4 } as const;
/** The view's map position is for a screen of about this many CSS pixels. */
const VIEW_CSS = { width: 1280, height: 800 };

/** One slide's texts: what pptx.ts writes as real text and native shapes. */
export interface SlideText {
  title: string;
  subtitle: string;
  figures: KeyFigure[];
  legend: { title: string; entries: LegendEntry[] };
  notes: string;
  sampleLabel: string | null;
}

export interface SlideRequest {
  /** The map's query string (a deck slide's view, or the page's). */
  view: string;
  title?: string | null;
  subtitle?: string | null;
}

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const invY = (y: number) => (Math.atan(Math.exp(y)) * 360) / Math.PI - 90;

/** The part of the earth a saved map position shows on a screen of VIEW_CSS (Web Mercator, 512-pixel tiles). */
export function bboxOfPosition(at: { zoom: number; lat: number; lng: number }): BBox {
  const worldPx = 512 * 2 ** at.zoom;
  const dLng = (VIEW_CSS.width / worldPx) * 360;
  const dY = (VIEW_CSS.height / worldPx) * 2 * Math.PI;
  const y = mercY(at.lat);
  return [at.lng - dLng / 2, invY(y - dY / 2), at.lng + dLng / 2, invY(y + dY / 2)];
}

/** A slide's texts and map for a view: its figures, legend and colours as the map would show them. */
export async function slide(svc: StatsService, geo: GeoLayers, r: SlideRequest): Promise<{ text: SlideText; png: Buffer; picture: MapPicture; breaks: number[] }> {
  const v = parseView(r.view.startsWith('?') ? r.view : `?${r.view}`);
  const years = await svc.years('2025');
  const year = v.year ?? years[years.length - 1];
  await svc.assertYear('2025', year);
  if (v.changeFrom !== null && !years.includes(v.changeFrom)) throw badRequest(`Không có số liệu năm ${v.changeFrom} để so sánh`, 'change');
  const province = v.province;
  const level = province ? 'commune' : v.level;
  const stats = await svc.stats({ vintage: '2025', year, level, ...(province ? { province } : {}) });
  const before = v.changeFrom !== null ? (await svc.stats({ vintage: '2025', year: v.changeFrom, level, ...(province ? { province } : {}) })).units : null;
  // A province has no one status: the map shows its rate instead, as the page does.
  const metric = level === 'province' && v.metric === 'status' ? 'rate' : v.metric;
  const symbology: Symbology = { metric, denominator: v.denominator, changeFrom: v.changeFrom, classing: { method: v.method, k: v.k, breaks: v.breaks } };
  const legend = buildLegend(stats.units, symbology, before);

  const national = await geo.nationalGeo();
  const features = level === 'province' ? national.provinces.features : province ? (await geo.province(province)).features : national.communes.features;
  const units = features.map((f) => {
    const code = f.properties.code;
    const fill = legend.colors.get(code) ?? NO_DATA_COLOR;
    return { code, geometry: f.geometry, fill, hatched: legend.noData.has(code) || !legend.colors.has(code), inPlace: true };
  });
  const islands = await geo.archipelagos();
  const content = province
    ? unionBBox(units.filter((u) => !islands.some((i) => i.code === u.code)).map((u) => bboxOfGeometry(u.geometry)), 0.05)
    : unionBBox(national.outline.features.map((f) => bboxOfGeometry(f.geometry)), 0.3);
  const frame = v.at ? bboxOfPosition(v.at) : content;
  const picture: MapPicture = {
    ...SLIDE_MAP,
    units,
    highlight: [],
    frame,
    legend: null,
    islands,
    islandFill: (a) => legend.colors.get(level === 'province' ? a.provinceCode : a.code) ?? NO_DATA_COLOR,
    coast: national.outline.features.map((f) => f.geometry),
    islandLabels: national.islandLabels.features.map((l) => ({ name: l.properties.name, lng: l.geometry.coordinates[0], lat: l.geometry.coordinates[1] })),
  };

  const placeName = province ? (stats.province ? (await svc.units('2025')).get(province)?.fullName ?? stats.province.name : province) : 'Toàn quốc';
  const kind = province ? 'province' : 'country';
  const prior = previousYear(kind, year, years).before;
  const now = await placeTotal(svc, year, '2025', kind, province);
  const prev = prior ? await placeTotal(svc, prior.year, '2025', kind, province) : null;
  // The key-figure strip as presentation mode and the PDF build it, from the same /api/stats answers.
  const yearTotal = async (y: number) => {
    const s = await svc.stats({ vintage: '2025', year: y, level: 'province', ...(province ? { province } : {}) });
    return yearTotalOf(s, { total: s.total, oldUnits: s.oldUnits });
  };
  const figures = keyFigures(await yearTotal(year), prior ? await yearTotal(prior.year) : null);
  return {
    text: {
      title: r.title || v.title || `Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm ${year}`,
      subtitle: r.subtitle || v.subtitle || `${legend.title} – ${placeName}`,
      figures,
      legend: { title: legend.title, entries: legend.entries },
      notes: slideNotes(placeName, year, now, prev && prior ? { year: prior.year, ...prev } : null),
      sampleLabel: stats.dataLabel,
    },
    png: rasterise(mapSvg(picture)),
    picture,
    breaks: legend.breaks,
  };
}
