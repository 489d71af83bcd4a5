import { formatCount, formatPercent } from '../lib/format.js';

interface Tally {
  total: number;
  certified: number;
}
/** The part of /api/stats's `total` the key figures read. */
export interface TotalFigures {
  communes: Tally;
  residential: Tally;
  models: number;
  rates: { communes: number | null; residential: number | null };
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
  const n = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(pts));
  return `${pts > 0 ? '+' : pts < 0 ? '−' : '±'}${n} điểm %`;
}

type Basis = 'reported' | 'old-units' | 'crosswalk';

/**
 * The strip shown in presentation mode: communes certified, change on the previous year, residential areas, models.
 * `basis` tells how `before` was obtained, `nowBasis` how `now` was (see comparableTotal).
 */
export function keyFigures(now: TotalFigures, before: TotalFigures | null, year: number, basis: Basis = 'reported', nowBasis: Basis = 'reported'): KeyFigure[] {
  const how = !before || basis === 'reported' ? '' : basis === 'old-units' ? ` (${formatCount(before.communes.total)} xã cũ)` : ' (quy đổi từ xã cũ)';
  return [
    {
      id: 'communes',
      label: 'Xã, phường, đặc khu đạt chuẩn',
      value: `${formatCount(now.communes.certified)}/${formatCount(now.communes.total)}`,
      detail: `${formatPercent(now.rates.communes)}${nowBasis === 'old-units' ? ' (xã cũ, trước sắp xếp)' : ''}`,
    },
    {
      id: 'change',
      label: `So với năm ${year - 1}`,
      value: before ? formatPoints(now.rates.communes, before.rates.communes) : '–',
      detail: before ? `năm ${year - 1}: ${formatPercent(before.rates.communes)}${how}` : 'không có số liệu năm trước',
    },
    {
      id: 'residential',
      label: 'Khu dân cư đạt chuẩn',
      value: `${formatCount(now.residential.certified)}/${formatCount(now.residential.total)}`,
      detail: formatPercent(now.rates.residential),
    },
    { id: 'models', label: 'Mô hình tự quản', value: formatCount(now.models), detail: `năm ${year}` },
  ];
}
