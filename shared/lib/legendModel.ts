import { NO_DATA_LABEL, NOT_REPORTED, STATUS_LABELS } from '../domain/labels.js';
import {
  STATUS_CHANGE_LABELS,
  metricUnit,
  metricValue,
  statusChange,
  valueChange,
  valueNotReported,
  type AreaInput,
  type CommuneInput,
  type Denominator,
  type MetricId,
  type StatusChange,
} from '../domain/metrics.js';
import { STATUSES, type Status } from '../domain/types.js';
import { classCounts, classOf, classSides, computeBreaks, divergingBreaks, histogram, type Breaks, type ClassMethod } from './classify.js';
import { formatDecimal, formatPercent, formatSignificant } from './format.js';
import { STATUS_CHANGE_COLORS, divergingColors, sequential } from './palettes.js';
import { NO_DATA_COLOR, STATUS_COLORS } from './statusClasses.js';

interface Classing {
  method: ClassMethod;
  k: number;
  /** Manual breaks, or breaks the user fixed. */
  breaks: Breaks;
}

export interface Symbology {
  metric: MetricId;
  denominator: Denominator;
  /** The earlier year when showing a change, else null. */
  changeFrom: number | null;
  classing: Classing;
}

export type Row = (CommuneInput | AreaInput) & { code: string; status?: Status | null };

export interface LegendEntry {
  id: string;
  label: string;
  color: string;
  count: number;
  hatched?: boolean;
}

export interface LegendModel {
  kind: 'categorical' | 'sequential' | 'diverging';
  title: string;
  unit: string;
  entries: LegendEntry[];
  /** Numeric legends: the breaks in use and a histogram of the values. */
  breaks: Breaks;
  histogram: { x0: number; x1: number; count: number; color: string }[];
  /** Colour of each unit by code; units without data get NO_DATA_COLOR and `noData` lists them. */
  colors: Map<string, string>;
  noData: Set<string>;
  /** The units of `noData` whose return did not report the figure shown ("chưa báo cáo"), not without data at all. */
  notReported: Set<string>;
  /** The numeric value of each unit (numeric metrics), for tooltips, ranks and the panel. */
  values: Map<string, number>;
}

/**
 * Formats a metric value with its unit: rates as "94,75%", densities with one decimal from 1 up and two significant
 * digits below (0,0043 models/km²). `decimals` fixes the decimals of a density or a change in points (legend bounds).
 */
export function formatMetric(v: number | null | undefined, metric: MetricId, denominator: Denominator, change = false, withUnit = true, decimals?: number): string {
  if (v === null || v === undefined) return NO_DATA_LABEL;
  const sign = change && v > 0 ? '+' : '';
  if (metric === 'rate') return change ? `${sign}${formatDecimal(v * 100, decimals ?? 1)}${withUnit ? ' điểm %' : ''}` : formatPercent(v);
  const n = `${sign}${decimals !== undefined ? formatDecimal(v, decimals) : Math.abs(v) < 1 ? formatSignificant(v, 2) : formatDecimal(v, 1)}`;
  return withUnit ? `${n} ${metricUnit(metric, denominator)}` : n;
}

/**
 * The fewest decimals (at least `min`, at most 6) at which distinct class bounds print distinctly: per-km² densities
 * are hundredths and thousandths, and "0 – < 0" says nothing. `scale` is 100 for rates printed in points.
 */
export function boundDecimals(bounds: readonly number[], min: number, scale = 1): number {
  for (let d = min; d < 6; d++) {
    const shown = bounds.map((b) => Math.round(b * scale * 10 ** d));
    if (shown.every((x, i) => i === 0 || x !== shown[i - 1] || bounds[i] === bounds[i - 1])) return d;
  }
  return 6;
}

/** The hatched entry: "Không có số liệu", and "chưa báo cáo" for the units among them whose return left the figure out. */
function noDataEntry(count: number, notReported = 0): LegendEntry {
  const label = notReported === 0 ? NO_DATA_LABEL : notReported === count ? upperFirst(NOT_REPORTED) : `${NO_DATA_LABEL}, ${NOT_REPORTED}`;
  return { id: 'no_data', label, color: NO_DATA_COLOR, count, hatched: true };
}
const upperFirst = (t: string) => `${t[0].toUpperCase()}${t.slice(1)}`;

/** What a unit without a value is called (tooltips): "chưa báo cáo" when its return left the figure out, else "Không có số liệu". */
export const missingLabel = (legend: LegendModel, code: string) => (legend.notReported.has(code) ? NOT_REPORTED : NO_DATA_LABEL);

/**
 * A class's range as the legend prints it, never inverted: the first class runs from the lowest value, the last to
 * the highest, but a first class below every value (a break above the data, as manual breaks or a diverging scale
 * with every value on one side can give) is "< b", and a last class above every value "≥ b".
 */
export function classLabel(i: number, breaks: Breaks, lo: number, hi: number, fmt: (v: number) => string): string {
  const last = breaks.length;
  if (last === 0) return lo === hi ? fmt(lo) : `${fmt(lo)} – ${fmt(hi)}`;
  if (i === 0) return lo < breaks[0] ? `${fmt(lo)} – < ${fmt(breaks[0])}` : `< ${fmt(breaks[0])}`;
  if (i === last) return hi >= breaks[last - 1] ? `${fmt(breaks[last - 1])} – ${fmt(hi)}` : `≥ ${fmt(breaks[last - 1])}`;
  return `${fmt(breaks[i - 1])} – < ${fmt(breaks[i])}`;
}

/**
 * Everything the map and the legend need for one view: colours by unit, classes with their ranges and counts.
 * `rows` are the units at the current level for the shown year; `before` the same units in the earlier year.
 */
export function buildLegend(rows: readonly Row[], s: Symbology, before: readonly Row[] | null = null): LegendModel {
  const colors = new Map<string, string>();
  const noData = new Set<string>();
  const values = new Map<string, number>();
  const notReported = new Set<string>();
  const base = { breaks: [] as Breaks, histogram: [], colors, noData, notReported, values };

  if (s.metric === 'status') {
    const prior = new Map((before ?? []).map((r) => [r.code, r.status ?? null]));
    if (s.changeFrom !== null) {
      const counts: Record<StatusChange, number> = { gained: 0, lost: 0, kept: 0, still_not: 0 };
      for (const r of rows) {
        const c = statusChange(prior.get(r.code) ?? null, r.status ?? null);
        if (c === null) noData.add(r.code);
        else {
          counts[c]++;
          colors.set(r.code, STATUS_CHANGE_COLORS[c]);
        }
      }
      const order: StatusChange[] = ['lost', 'still_not', 'gained', 'kept'];
      return {
        ...base,
        kind: 'categorical',
        title: `Thay đổi tình trạng công nhận so với ${s.changeFrom}`,
        unit: '',
        entries: [...order.map((id) => ({ id, label: STATUS_CHANGE_LABELS[id], color: STATUS_CHANGE_COLORS[id], count: counts[id] })), noDataEntry(noData.size)],
      };
    }
    const counts: Record<Status, number> = { dat: 0, chua_dat: 0, chua_danh_gia: 0 };
    for (const r of rows) {
      if (!r.status) noData.add(r.code);
      else {
        counts[r.status]++;
        colors.set(r.code, STATUS_COLORS[r.status]);
      }
    }
    return {
      ...base,
      kind: 'categorical',
      title: 'Công nhận "An toàn về ANTT"',
      unit: '',
      entries: [...STATUSES.map((id) => ({ id, label: STATUS_LABELS[id], color: STATUS_COLORS[id], count: counts[id] })), noDataEntry(noData.size)],
    };
  }

  const metric = s.metric;
  const prior = new Map((before ?? []).map((r) => [r.code, metricValue(r, metric, s.denominator)]));
  for (const r of rows) {
    const now = metricValue(r, metric, s.denominator);
    const v = s.changeFrom !== null ? valueChange(prior.get(r.code) ?? null, now) : now;
    if (v === null) {
      noData.add(r.code);
      if (now === null && valueNotReported(r, metric, s.denominator)) notReported.add(r.code);
    } else values.set(r.code, v);
  }
  const vs = [...values.values()];
  const change = s.changeFrom !== null;
  const { method, k } = s.classing;
  const epsilon = metric === 'rate' ? 0.005 : 0.05;
  const breaks =
    method === 'manual'
      ? computeBreaks(vs, 'manual', k, s.classing.breaks)
      : change
        ? divergingBreaks(vs, method, k, epsilon)
        : computeBreaks(vs, method, k);
  const lo = vs.length ? Math.min(...vs) : 0;
  const hi = vs.length ? Math.max(...vs) : 0;
  const palette = change ? divergingColors(classSides(breaks, lo, hi, epsilon)) : sequential(breaks.length + 1);
  // ColorBrewer has no 1- or 2-class schemes: take the ends of the 3-class one.
  const colorAt = (i: number) => (change || breaks.length + 1 >= 3 ? palette[i] : [palette[0], palette[2]][i] ?? palette[0]);
  for (const [code, v] of values) colors.set(code, colorAt(classOf(v, breaks)));
  const counts = classCounts(vs, breaks);
  // The unit goes in the title once; class ranges are plain numbers, with the decimals that tell them apart
  // (rates keep the reports' two decimals of a percentage).
  const decimals = metric === 'rate' && !change ? undefined : boundDecimals([lo, ...breaks, hi], 1, metric === 'rate' ? 100 : 1);
  const fmt = (v: number) => formatMetric(v, metric, s.denominator, change, false, decimals);
  const entries: LegendEntry[] = counts.map((count, i) => ({ id: `c${i}`, label: classLabel(i, breaks, lo, hi, fmt), color: colorAt(i), count }));
  return {
    ...base,
    kind: change ? 'diverging' : 'sequential',
    title: `${change ? `Thay đổi ${metric === 'rate' ? 'tỷ lệ đạt chuẩn' : 'mật độ mô hình'} so với ${s.changeFrom}` : metric === 'rate' ? 'Tỷ lệ đạt chuẩn' : 'Mật độ mô hình tự quản'} (${change && metric === 'rate' ? 'điểm %' : metricUnit(metric, s.denominator)})`,
    unit: metricUnit(metric, s.denominator),
    entries: [...entries, noDataEntry(noData.size, notReported.size)],
    breaks,
    histogram: histogram(vs, 24).map((b) => ({ ...b, color: colorAt(classOf((b.x0 + b.x1) / 2, breaks)) })),
  };
}
