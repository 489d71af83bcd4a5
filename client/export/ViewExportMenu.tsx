import type { RefObject } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Meta } from '../api.js';
import type { CompareSide } from '../lib/compare.js';
import { legendTitleOf } from '../lib/mapLegends.js';
import { formatDate } from '../../shared/lib/format.js';
import type { LegendModel, Symbology } from '../../shared/lib/legendModel.js';
import type { NationalGeo } from '../../shared/lib/topo.js';
import type { ViewState } from '../../shared/domain/view.js';
import type { Drilldown } from '../map/MapView.js';
import { slideOfView } from '../deck/slides.js';
import { defaultSubtitle } from '../present/Presentation.js';
import { ExportMenu, ExportMenuPlaceholder } from '../lazyPanels.js';
import type { ExportInput } from './compose.js';
import { pdfSource } from './pdfData.js';

/** One map of the page as exported: the map, its legend and label. */
interface Side {
  map: RefObject<MapLibreMap | null>;
  legend: LegendModel | null;
  label: string;
}

interface Props {
  view: ViewState;
  meta: Meta;
  /** The national polygons: exports wait for them (they come once the map is coloured). */
  geo: NationalGeo | null;
  nationalBBox: [number, number, number, number];
  year: number;
  years: readonly number[];
  statsLevel: 'province' | 'commune';
  symbology: Symbology;
  drilldown: Drilldown | null;
  main: Side & { legendTitle: string };
  /** The compared map, or null when there is none. */
  compare: (Side & { side: CompareSide }) | null;
  /** The main map's figures (and the compared map's) are not yet those of the view. */
  stale: boolean;
  otherStale: boolean;
  title: string;
  subtitle: string;
  place: string;
  source: string;
  /** The worklist's map drawn over the main one (bivariate colours, key areas, hot spots): the image's legend then. */
  plan: { legend: LegendModel; legendTitle: string } | null;
}

/** "Xuất bản đồ" for the view on screen: what the PNG, the PDF pages, the pack, the Office files and the data downloads take from it. */
export function ViewExportMenu({ view, meta, geo, nationalBBox, year, years, statsLevel, symbology, drilldown, main, compare, stale, otherStale, title, subtitle, place, source, plan }: Props) {
  // Disabled until the national polygons are there (insets, outlines of the pages), which come once the map is
  // coloured; so does the menu's code, which the first map does not wait for.
  if (!geo) return <ExportMenuPlaceholder />;
  // While comparing, the image carries both maps; waits for the second one's figures too.
  const comparePane = (): ExportInput['compare'] | undefined => {
    if (!compare) return null;
    if (!compare.map.current || !compare.legend || otherStale) return undefined;
    const { side } = compare;
    // Under the worklist's layers the first map's legend is theirs: the second map keeps its own.
    return {
      label: main.label,
      pane: { map: compare.map.current, year: side.year, legend: compare.legend, legendTitle: legendTitleOf(compare.legend, side.year, false), ownLegend: !side.shared || !!plan, label: compare.label },
    };
  };
  const exportInput = (): Omit<ExportInput, 'scale'> | null => {
    const second = comparePane();
    return main.map.current && main.legend && !stale && second !== undefined
      ? { map: main.map.current, compare: second, title, subtitle, legend: main.legend, legendTitle: main.legendTitle, asOf: formatDate(meta.dataAsOf), source: `Nguồn: ${source}`, sampleLabel: meta.dataLabel, geo }
      : null;
  };
  return (
    <ExportMenu
      // The image is the map as it is shown; the PDF pages draw a map of their own, without the worklist's layers.
      input={() => {
        const base = exportInput();
        return base && plan ? { ...base, legend: plan.legend, legendTitle: plan.legendTitle } : base;
      }}
      pdf={() => {
        const base = exportInput();
        return (
          base &&
          pdfSource(base, {
            place,
            year,
            years,
            level: view.level,
            statsLevel,
            province: view.province,
            drilldown: view.province ? drilldown : null,
            nationalBBox,
            provinces: meta.provinces,
            symbology: { ...symbology, metric: view.metric },
            subtitle: defaultSubtitle,
            legendTitle: (l) => legendTitleOf(l, year, symbology.changeFrom !== null),
          })
        );
      }}
      office={() => ({
        year,
        view: slideOfView(view, year, title).view,
        province: view.province,
        commune: view.unit && view.unit.length === 5 ? view.unit : null,
        provinces: meta.provinces.map((p) => p.code),
        title,
        subtitle,
      })}
      filename={(s) => `ban-do-antt-${view.province ?? 'toan-quoc'}-${year}-${s}`}
      data={{ collection: view.level === 'province' && !view.province ? 'provinces' : 'communes', year, province: view.province, provinceName: meta.provinces.find((p) => p.code === view.province)?.name }}
    />
  );
}
