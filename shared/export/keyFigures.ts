import { basisLabel, type YearBasis } from '../domain/previousYear.js';
import { coverage } from '../domain/aggregate.js';
import { formatCount, formatFixed2, formatPercent } from '../lib/format.js';

interface Tally {
  total: number;
  certified: number;
}
/** The part of /api/stats's `total` the key figures read. */
export interface TotalFigures {
  communes: Tally & { noData?: number };
  residential: Tally;
  models: number;
  rates: { communes: number | null; residential: number | null };
  /** How many communes reported each figure (server/domain/aggregate): the coverage shown beside it. */
  reported?: { residential: number; models: number };
}

export interface KeyFigure {
  id: 'communes' | 'change' | 'residential' | 'models';
  label: string;
  value: string;
  detail: string;
}

/** Change of a share in percentage points, Vietnamese format with a sign: "+1,25 điểm %". */
export function formatPoints(now: number | null, before: number | null): string {
  if (now === null || before === null) return '–';
  const pts = Math.round((now - before) * 10_000) / 100;
  const n = formatFixed2(Math.abs(pts));
  return `${pts > 0 ? '+' : pts < 0 ? '−' : '±'}${n} điểm %`;
}

/** A year's figures of an area (the country or a province) and how they were built (shared/domain/previousYear). */
export interface YearTotal {
  year: number;
  total: TotalFigures;
  basis: YearBasis;
  /** For 'old-units': how many old communes are counted, and how many of them only for a share. */
  oldUnits?: { communes: number; split: number } | null;
}

/** An area's year from /api/stats (its `total`, built as `areaBasis` says), or a province's row of it. */
export function yearTotalOf(s: { year: number; areaBasis: YearBasis }, area: { total: TotalFigures; oldUnits?: YearTotal['oldUnits'] }): YearTotal {
  return { year: s.year, total: area.total, basis: s.areaBasis, oldUnits: area.oldUnits ?? null };
}

/** "94,75% · báo cáo 87/120 xã" when some communes did not report the figure. */
const withCoverage = (detail: string, n: TotalFigures, f: 'residential' | 'models') => {
  const c = coverage(n, f);
  return c ? `${detail} · ${c}` : detail;
};

const labelOf = (t: YearTotal, withCount: boolean) => {
  const label = basisLabel(t.basis, { oldUnits: withCount ? (t.oldUnits?.communes ?? t.total.communes.total) : undefined, split: t.oldUnits?.split });
  return label ? ` (${label})` : '';
};

/**
 * The strip shown in presentation mode, on PDF pages and in the pack: communes certified, change on the previous
 * year, residential areas, models. `before` is the previous year as previousYear() decides (a year before the
 * reform: the area's old communes as reported), each side labelled with how it was built.
 */
export function keyFigures(now: YearTotal, before: YearTotal | null): KeyFigure[] {
  const n = now.total;
  const b = before?.total;
  return [
    {
      id: 'communes',
      label: 'Xã, phường, đặc khu đạt chuẩn',
      value: `${formatCount(n.communes.certified)}/${formatCount(n.communes.total)}`,
      detail: `${formatPercent(n.rates.communes)}${labelOf(now, false)}`,
    },
    {
      id: 'change',
      label: `So với năm ${before?.year ?? now.year - 1}`,
      value: b ? formatPoints(n.rates.communes, b.rates.communes) : '–',
      detail: b ? `năm ${before.year}: ${formatPercent(b.rates.communes)}${labelOf(before, true)}` : 'không có số liệu năm trước',
    },
    {
      id: 'residential',
      label: 'Khu dân cư đạt chuẩn',
      value: `${formatCount(n.residential.certified)}/${formatCount(n.residential.total)}`,
      detail: withCoverage(formatPercent(n.rates.residential), n, 'residential'),
    },
    { id: 'models', label: 'Mô hình tự quản', value: formatCount(n.models), detail: withCoverage(`năm ${now.year}`, n, 'models') },
  ];
}
