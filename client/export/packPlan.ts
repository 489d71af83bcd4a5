import { buildLegend, type LegendModel, type Row, type Symbology } from '../../shared/lib/legendModel.js';
import type { CommuneProps, NationalGeo } from '../../shared/lib/topo.js';
import { ARCHIPELAGO_CODES } from '../../shared/export/inset.js';
import { bboxOfGeometry, unionBBox, type BBox } from '../../shared/lib/bbox.js';
import { keyFigures, yearTotalOf, type KeyFigure, type TotalFigures, type YearTotal } from '../../shared/export/keyFigures.js';

/** A commune's figures as /api/stats gives them, with its province. */
export type PackRow = Row & { provinceCode?: string };

/** One page of the conference pack. */
export interface PackPage {
  /** null for the national page. */
  province: string | null;
  place: string;
  /** What the map shows: the country, or the province's mainland (its archipelago goes in the inset). */
  bbox: BBox;
  legend: LegendModel;
  figures: KeyFigure[];
}

/** Figures of a year: the country's total and each province's (from /api/stats at the province level), each with its basis. */
interface YearFigures {
  total: YearTotal;
  provinces: Map<string, YearTotal>;
}

export interface PackInput {
  year: number;
  /** The view's symbology, applied to communes on every page. */
  symbology: Symbology;
  /** Every commune of the year (and of the earlier year when the map shows a change). */
  rows: readonly PackRow[];
  before: readonly PackRow[] | null;
  provinces: readonly { code: string; fullName: string }[];
  geo: Pick<NationalGeo, 'communes'>;
  nationalBBox: BBox;
  now: YearFigures;
  /** The previous year's figures (shared/domain/previousYear), or null when there is none. */
  previous: YearFigures | null;
  /** One province's page only (classes still over all communes), or null for the whole pack. */
  only?: string | null;
}

/** /api/stats at the province level, as the pack reads it. */
export interface ProvinceStats {
  year: number;
  areaBasis: YearTotal['basis'];
  units: (TotalFigures & { code: string; oldUnits?: YearTotal['oldUnits'] })[];
}

/** Each province's figures of a year, built as the server builds an area's (a year before the reform: its old communes). */
export function provinceTotals(s: ProvinceStats): Map<string, YearTotal> {
  return new Map(s.units.map((u) => [u.code, yearTotalOf(s, { total: u, oldUnits: u.oldUnits })]));
}

/** The province's extent without Hoàng Sa or Trường Sa, which would shrink its mainland to a speck. */
export function mainlandBBox(communes: readonly { properties: CommuneProps; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon }[], province: string): BBox {
  const own = communes.filter((f) => f.properties.province_code === province && !(ARCHIPELAGO_CODES as readonly string[]).includes(f.properties.code));
  if (!own.length) throw new Error(`Không có xã nào của tỉnh ${province} trong lớp ranh giới`);
  return unionBBox(own.map((f) => bboxOfGeometry(f.geometry)));
}

/**
 * The pack: the country first, then every province in code order (or one province's page alone, `only`). Classes are computed once over all communes and
 * kept on every page, so a colour means the same everywhere; each page's legend counts that page's communes.
 */
export function planPack(input: PackInput): { pages: PackPage[]; fills: Map<string, string> } {
  const { symbology, rows, before, year, now, previous } = input;
  const national = buildLegend(rows, symbology, before);
  const fixed: Symbology = national.kind === 'categorical' ? symbology : { ...symbology, classing: { method: 'manual', k: symbology.classing.k, breaks: national.breaks } };
  const nationalPage: PackPage = {
    province: null,
    place: 'Toàn quốc',
    bbox: input.nationalBBox,
    legend: national,
    figures: keyFigures(now.total, previous?.total ?? null),
  };
  const only = input.only ?? null;
  if (only !== null && !input.provinces.some((p) => p.code === only)) throw new Error(`Không có tỉnh mã ${only} trong bộ bản đồ`);
  const pages = [...input.provinces]
    .filter((p) => only === null || p.code === only)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p): PackPage => {
      const mine = rows.filter((r) => r.provinceCode === p.code);
      const total = now.provinces.get(p.code);
      if (!mine.length || !total) throw new Error(`Thiếu số liệu của ${p.fullName} năm ${year}`);
      const prior = previous?.provinces.get(p.code) ?? null;
      return {
        province: p.code,
        place: p.fullName,
        bbox: mainlandBBox(input.geo.communes.features, p.code),
        legend: buildLegend(mine, fixed, before?.filter((r) => r.provinceCode === p.code) ?? null),
        figures: keyFigures(total, prior),
      };
    });
  return { pages: only === null ? [nationalPage, ...pages] : pages, fills: national.colors };
}
