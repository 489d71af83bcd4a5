import type { Stats } from '../api.js';
import type { LegendModel, Symbology } from '../../shared/lib/legendModel.js';
import type { NationalGeo } from '../../shared/lib/topo.js';
import type { Drilldown } from '../map/MapView.js';
import type { MapLevel } from '../../shared/domain/view.js';
import type { ExportInput } from './compose.js';
import { previousYear } from '../../shared/domain/previousYear.js';
import { areaTotal, withPreviousYear } from '../present/previous.js';
import { loadStats } from '../state/useData.js';
import type { BBox } from '../../shared/lib/bbox.js';
import { keyFigures, type KeyFigure } from '../../shared/export/keyFigures.js';
import { provinceTotals, type PackInput, type PackRow, type ProvinceStats } from './packPlan.js';
import type { ViewMap, ViewPdf } from './pdfExport.js';

const byProvince = (s: Stats) => provinceTotals(s as unknown as ProvinceStats);

/** The key figures of the place shown (the country or a province) against the previous year, when there is one. */
async function viewFigures(year: number, years: readonly number[], level: 'province' | 'commune', province: string | null): Promise<KeyFigure[]> {
  const { now, before } = await withPreviousYear(year, years, level, province);
  return keyFigures(now, before);
}

export interface PackSource {
  year: number;
  years: readonly number[];
  symbology: Symbology;
  provinces: readonly { code: string; fullName: string }[];
  geo: NationalGeo;
  nationalBBox: BBox;
  /** The province the view is drilled into (its page can be made alone), or null. */
  province: string | null;
  /** One province's page only (with the country's classes), or null for the whole pack. */
  only?: string | null;
}

/** Every figure the pack needs: all communes (and the compared year's), and each province's totals this year and last. */
export async function loadPackInput(src: PackSource): Promise<PackInput> {
  const { year, symbology } = src;
  const [communes, provinces, before, national] = await Promise.all([
    loadStats(year, 'commune', null),
    loadStats(year, 'province', null),
    symbology.changeFrom === null ? null : loadStats(symbology.changeFrom, 'commune', null),
    areaTotal(year, 'commune', null),
  ]);
  let previous: PackInput['previous'] = null;
  const prior = previousYear('province', year, src.years).before;
  if (prior) {
    const [prevNational, prevProvinces] = await Promise.all([areaTotal(prior.year, 'commune', null), loadStats(prior.year, 'province', null)]);
    previous = { total: prevNational, provinces: byProvince(prevProvinces) };
  }
  return {
    year,
    symbology,
    rows: communes.units as unknown as PackRow[],
    before: before ? (before.units) : null,
    provinces: src.provinces,
    geo: src.geo,
    nationalBBox: src.nationalBBox,
    now: { total: national, provinces: byProvince(provinces) },
    previous,
    only: src.only ?? null,
  };
}

/** Everything the PDF exports need from the page. */
export interface PdfSource {
  view: Omit<ViewPdf, 'figures' | 'second'>;
  figures: () => Promise<KeyFigure[]>;
  /** While comparing, the second map less its key figures, and a way to load them. */
  second: { map: Omit<ViewMap, 'figures'>; figures: () => Promise<KeyFigure[]> } | null;
  pack: PackSource;
  /** The pack's pages: a subtitle and a legend title for each place. */
  subtitle: (place: string) => string;
  legendTitle: (legend: LegendModel) => string;
}

export interface PageView {
  place: string;
  year: number;
  years: readonly number[];
  /** The map's level, and the level and province the figures are for. */
  level: MapLevel;
  statsLevel: 'province' | 'commune';
  province: string | null;
  drilldown: Drilldown | null;
  nationalBBox: BBox;
  provinces: readonly { code: string; fullName: string }[];
  /** The view's symbology with the metric chosen (the pack shows communes, where status is always possible). */
  symbology: Symbology;
  subtitle: (place: string) => string;
  legendTitle: (legend: LegendModel) => string;
}

/** The PDF exports' source from the PNG export's input and the page's view. */
export function pdfSource(base: Omit<ExportInput, 'scale'>, v: PageView): PdfSource {
  const pane = base.compare?.pane;
  return {
    view: {
      text: { title: base.title, subtitle: base.subtitle, legendTitle: base.legendTitle, sampleLabel: base.sampleLabel, asOf: base.asOf, source: base.source },
      place: v.place,
      year: v.year,
      legend: base.legend,
      map: base.map,
      geo: base.geo,
      nationalBBox: v.nationalBBox,
      print: { level: v.level, drilldown: v.drilldown },
      label: base.compare?.label ?? null,
    },
    figures: () => viewFigures(v.year, v.years, v.statsLevel, v.province),
    second: pane
      ? {
          map: { year: pane.year, legend: pane.legend, legendTitle: pane.legendTitle, label: pane.label },
          figures: () => viewFigures(pane.year, v.years, v.statsLevel, v.province),
        }
      : null,
    pack: { year: v.year, years: v.years, symbology: v.symbology, provinces: v.provinces, geo: base.geo, nationalBBox: v.nationalBBox, province: v.province },
    subtitle: v.subtitle,
    legendTitle: v.legendTitle,
  };
}
