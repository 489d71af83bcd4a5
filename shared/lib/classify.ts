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

function clampClasses(k: number): number {
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
  return methodBreaks(values, method, clampClasses(k));
}

/** k classes by a method, any k ≥ 1 (a side of a diverging scale may have one or two). */
function methodBreaks(values: readonly number[], method: Exclude<ClassMethod, 'manual'>, k: number): Breaks {
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
 * mean gain and loss. With an odd k the middle class holds the values near zero (|v| ≤ epsilon).
 * When every value lies on one side of zero, that side gets all the classes (less one for values near zero, when
 * there are any): no class is drawn for a side, or a middle, that holds nothing.
 */
export function divergingBreaks(values: readonly number[], method: Exclude<ClassMethod, 'manual'>, k: number, epsilon: number): Breaks {
  k = clampClasses(k);
  const neg = values.filter((v) => v < -epsilon).map((v) => -v);
  const pos = values.filter((v) => v > epsilon);
  const near = values.length - neg.length - pos.length > 0;
  const half = (vs: number[], n: number) => (vs.length === 0 || n <= 1 ? [] : methodBreaks(vs, method, n).filter((b) => b > epsilon));
  if (neg.length && pos.length) {
    const side = Math.floor(k / 2);
    const centre = k % 2 === 1 ? [-epsilon, epsilon] : [0];
    return dedupe([...half(neg, side).map((b) => -b).reverse(), ...centre, ...half(pos, side)]);
  }
  const n = k - (near ? 1 : 0);
  if (pos.length) return dedupe([...(near ? [epsilon] : []), ...half(pos, n)]);
  if (neg.length) return dedupe([...half(neg, n).map((b) => -b).reverse(), ...(near ? [-epsilon] : [])]);
  return [];
}

/**
 * The side of zero each class of a diverging legend lies on (-1 below, 0 around, 1 above), from its breaks and the
 * data's extremes (|v| ≤ epsilon is "around"): what its colour says (loss, no change, gain), whatever classes the
 * data left out.
 */
export function classSides(breaks: Breaks, lo: number, hi: number, epsilon: number): (-1 | 0 | 1)[] {
  const last = breaks.length;
  return Array.from({ length: last + 1 }, (_, i) => {
    const from = i === 0 ? Math.min(lo, breaks[0] ?? lo) : breaks[i - 1];
    const to = i === last ? Math.max(hi, breaks[last - 1] ?? hi) : breaks[i];
    if (to <= -epsilon || (to <= 0 && from < -epsilon)) return -1;
    if (from >= epsilon || (from >= 0 && to > epsilon)) return 1;
    return 0;
  });
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
    .thresholds(Array.from({ length: bins - 1 }, (_, i) => edge(i + 1)))(values);
  return counted.map((b, i) => ({ x0: edge(i), x1: edge(i + 1), count: b.length }));
}
