// The one rule for comparing years across the 1 July 2025 reform. Every view that shows a change on an earlier
// year (key figures, detail panel and trend, the province change map, PDF, pack, worklist, targets, exports)
// asks this module what the earlier year of an area is built from and how to label it.
import { formatDecimal } from '../lib/format.js';
import type { PredecessorSummary } from './figures.js';
import { FIRST_2025_YEAR } from './types.js';

/** A commune, or an area above it. */
export type AreaKind = 'country' | 'province' | 'commune';

/**
 * What a year's figures of an area are built from:
 * - 'reported': the year's own figures on the units of the map shown;
 * - 'old-units': a year before the reform for an area above the commune: the reported figures of the old communes
 *   that make up the area (an old commune split between areas counted by the crosswalk's share);
 * - 'rollup': a year before the reform for one new commune: its predecessors rolled up through the crosswalk
 *   (certified only if all were), the only view of that commune's earlier years.
 */
export type YearBasis = 'reported' | 'old-units' | 'rollup';

interface ComparedYear {
  year: number;
  basis: YearBasis;
}

export interface YearComparison {
  now: ComparedYear;
  /** null when the earlier year has no data. */
  before: ComparedYear | null;
  /** The two years lie on either side of 1 July 2025. */
  acrossReform: boolean;
}

/** How a year of an area is built (see YearBasis). The roll-up is never an area's total. */
export function yearBasis(kind: AreaKind, year: number): YearBasis {
  if (year >= FIRST_2025_YEAR) return 'reported';
  return kind === 'commune' ? 'rollup' : 'old-units';
}

/** A year of an area compared with an earlier one (`since`; null: none), each built by yearBasis. */
export function comparedYears(kind: AreaKind, year: number, since: number | null, years: readonly number[]): YearComparison {
  const before = since !== null && since < year && years.includes(since) ? { year: since, basis: yearBasis(kind, since) } : null;
  return { now: { year, basis: yearBasis(kind, year) }, before, acrossReform: before !== null && before.year < FIRST_2025_YEAR && year >= FIRST_2025_YEAR };
}

/** "The previous year" of an area: the year before, when it has data, built as yearBasis says. */
export function previousYear(kind: AreaKind, year: number, years: readonly number[]): YearComparison {
  return comparedYears(kind, year, year - 1, years);
}

const OLD_UNITS_LABEL = 'xã cũ, trước sắp xếp';

const count = (n: number) => formatDecimal(n, 2);

/** "quy đổi từ 3 xã cũ, 2 đạt": how a commune's rolled-up year is labelled wherever it is shown or compared. */
export function rollupLabel(p: Pick<PredecessorSummary, 'total' | 'certified'>): string {
  return `quy đổi từ ${count(p.total)} xã cũ, ${count(p.certified)} đạt`;
}

/**
 * The label of a year's figures: '' for reported ones; "xã cũ, trước sắp xếp" (with how many old communes, and
 * how many of them were split between areas, when known) for old units; the roll-up label for a commune.
 */
export function basisLabel(basis: YearBasis, detail: { oldUnits?: number; split?: number; predecessors?: Pick<PredecessorSummary, 'total' | 'certified'> } = {}): string {
  if (basis === 'reported') return '';
  if (basis === 'rollup') return detail.predecessors ? rollupLabel(detail.predecessors) : 'quy đổi từ xã cũ';
  const n = detail.oldUnits !== undefined ? `${count(detail.oldUnits)} ` : '';
  const split = detail.split ? `; ${count(detail.split)} xã cũ chia cho nhiều tỉnh tính theo tỷ lệ diện tích` : '';
  return `${n}${OLD_UNITS_LABEL}${split}`;
}

/**
 * What a map's legend says of a year before the reform: province rows are the old communes as reported, commune
 * rows the roll-up (null for a reported year).
 */
export function yearNote(level: 'province' | 'commune', year: number): string | null {
  const basis = yearBasis(level === 'province' ? 'province' : 'commune', year);
  if (basis === 'old-units') return `Năm ${year}: số liệu báo cáo của các xã cũ hợp thành mỗi tỉnh (${OLD_UNITS_LABEL}).`;
  if (basis === 'rollup') return `Năm ${year} quy đổi từ các xã cũ theo bảng chuyển đổi 01/7/2025: xã mới đạt khi mọi xã cũ hợp thành đều đạt.`;
  return null;
}
