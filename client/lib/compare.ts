import { DENOMINATOR_LABELS, METRIC_LABELS, metricAtLevel, type Denominator, type MetricId } from '../../shared/domain/metrics.js';
import type { Symbology } from '../../shared/lib/legendModel.js';

/** A metric's name in the toolbar and on the maps; a rate means communes certified at province level, residential areas below. */
export function metricLabel(metric: MetricId, provinceLevel: boolean): string {
  if (metric === 'rate') return provinceLevel ? 'Tỷ lệ xã, phường đạt chuẩn' : 'Tỷ lệ khu dân cư đạt chuẩn';
  return METRIC_LABELS[metric];
}

/** The label over a map in a comparison: its year and what it shows. */
export function paneLabel(year: number, metric: MetricId, denominator: Denominator, provinceLevel: boolean): string {
  return `Năm ${year} · ${metricLabel(metric, provinceLevel)}${metric === 'density' ? ` ${DENOMINATOR_LABELS[denominator]}` : ''}`;
}

export interface CompareRequest {
  compareYear: number | null;
  compareMetric: MetricId | null;
  compareDenominator: Denominator;
  compareMethod: Symbology['classing']['method'];
  compareK: number;
  compareBreaks: number[];
}

/** What the second map shows. */
export interface CompareSide {
  year: number;
  symbology: Symbology;
  /** Same metric as the first map: both are classed with the first map's breaks, so a colour means the same on both. */
  shared: boolean;
}

/**
 * The second map of a comparison, or null when there is none: no year asked, a year without data, or a change
 * being shown (a change is already a comparison of two years). Provinces have no status: a rate is shown instead.
 */
export function compareSide(req: CompareRequest, main: Symbology, years: readonly number[], provinceLevel: boolean): CompareSide | null {
  if (req.compareYear === null || !years.includes(req.compareYear) || main.changeFrom !== null) return null;
  const asked = metricAtLevel(req.compareMetric, provinceLevel);
  const metric = asked ?? main.metric;
  const denominator = asked === null ? main.denominator : req.compareDenominator;
  const shared = metric === main.metric && (metric !== 'density' || denominator === main.denominator);
  return {
    year: req.compareYear,
    shared,
    symbology: {
      metric,
      denominator,
      changeFrom: null,
      classing: shared ? main.classing : { method: req.compareMethod, k: req.compareK, breaks: req.compareBreaks },
    },
  };
}
