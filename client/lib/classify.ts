import { bin, bisectRight, extent } from 'd3-array';
import { scaleQuantile } from 'd3-scale';
import { ckmeans } from 'simple-statistics';

/** How class breaks are chosen. */
export type ClassMethod = 'quantile' | 'equal' | 'jenks' | 'manual';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];
export const CLASS_METHOD_LABELS: Record<ClassMethod, string> = {
  quantile: 'Phân vị (số đơn vị đều nhau)',
  equal: 'Khoảng đều',
  jenks: 'Ngắt tự nhiên (Jenks)',
  manual: 'Tự nhập ngưỡng',
};
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

/**
 * Inner breaks b1 < … < b(k-1): class i holds values in [b(i), b(i+1)), the last class also its maximum.
 * Fewer breaks come back when the data have fewer distinct values than classes.
 */
export type Breaks = number[];

export function clampClasses(k: number): number {
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(k)));
}

/** Equal intervals between the minimum and the maximum. */
export function equalBreaks(values: readonly number[], k: number): Breaks {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!(hi > lo)) return [];
  return Array.from({ length: k - 1 }, (_, i) => lo + ((hi - lo) * (i + 1)) / k);
}

/** Quantiles: about the same number of units in each class (d3-scale's R-7 quantiles). */
export function quantileBreaks(values: readonly number[], k: number): Breaks {
  const q = scaleQuantile<number>().domain(values as number[]).range(Array.from({ length: k }, (_, i) => i));
  return dedupe(q.quantiles());
}

/**
 * Jenks natural breaks, exact: the classes that minimise the sum of squared deviations within classes
 * (Fisher's optimisation, as in Jenks 1977), found by Ckmeans' dynamic programming in O(k·n·log n)
 * (simple-statistics' `ckmeans`), over every value. At most as many classes as distinct values.
 */
export function jenksBreaks(values: readonly number[], k: number): Breaks {
  if (values.length === 0) return [];
  const classes = Math.min(k, new Set(values).size);
  if (classes < 2) return [];
  return dedupe(ckmeans(values as number[], classes).slice(1).map((c) => c[0]));
}

export function computeBreaks(values: readonly number[], method: ClassMethod, k: number, manual: Breaks = []): Breaks {
  if (method === 'manual') return dedupe([...manual].sort((a, b) => a - b));
  if (values.length === 0) return [];
  k = clampClasses(k);
  if (method === 'equal') return equalBreaks(values, k);
  if (method === 'quantile') return quantileBreaks(values, k);
  return jenksBreaks(values, k);
}

/** The class of a value: 0 … breaks.length. */
export function classOf(value: number, breaks: Breaks): number {
  return bisectRight(breaks, value);
}

/**
 * Breaks for a diverging metric (a change), centred on zero: the negative and the positive values are
 * classed apart with the same method, so that zero is always a boundary and colours above and below
 * mean gain and loss. With an odd k the middle class holds the values near zero (|v| < epsilon).
 */
export function divergingBreaks(values: readonly number[], method: Exclude<ClassMethod, 'manual'>, k: number, epsilon: number): Breaks {
  k = clampClasses(k);
  const side = Math.floor(k / 2);
  const neg = values.filter((v) => v < -epsilon).map((v) => -v);
  const pos = values.filter((v) => v > epsilon);
  const half = (vs: number[]) => (vs.length === 0 ? [] : side <= 1 ? [] : computeBreaks(vs, method, side).filter((b) => b > epsilon));
  const negBreaks = half(neg).map((b) => -b).reverse();
  const posBreaks = half(pos);
  const centre = k % 2 === 1 ? [-epsilon, epsilon] : [0];
  return dedupe([...negBreaks, ...centre, ...posBreaks]);
}

function dedupe(breaks: number[]): Breaks {
  return breaks.filter((b, i) => Number.isFinite(b) && (i === 0 || b > breaks[i - 1]));
}

/** Count of values in each class, and a histogram of `bins` equal-width bins for the legend. */
export function classCounts(values: readonly number[], breaks: Breaks): number[] {
  const counts = new Array<number>(breaks.length + 1).fill(0);
  for (const v of values) counts[classOf(v, breaks)]++;
  return counts;
}

/** `bins` equal-width bins from the minimum to the maximum (the last holds the maximum); one unit wide when all values are equal. */
export function histogram(values: readonly number[], bins: number): { x0: number; x1: number; count: number }[] {
  if (values.length === 0) return [];
  const [lo, hi] = extent(values) as [number, number];
  const w = hi > lo ? (hi - lo) / bins : 1;
  const edge = (i: number) => lo + i * w;
  if (!(hi > lo)) return Array.from({ length: bins }, (_, i) => ({ x0: edge(i), x1: edge(i + 1), count: i === 0 ? values.length : 0 }));
  const counted = bin()
    .domain([lo, hi])
    .thresholds(Array.from({ length: bins - 1 }, (_, i) => edge(i + 1)))(values as number[]);
  return counted.map((b, i) => ({ x0: edge(i), x1: edge(i + 1), count: b.length }));
}
