import { NOT_REPORTED } from '../domain/labels.js';
import { formatNumberVi } from './viNumber.js';
/** Vietnamese number formats: 1.234, 94,75 % (shared/lib/viNumber.ts says why not Intl). */
const INTEGER = { maximumFractionDigits: 0 };
const DECIMAL = { maximumFractionDigits: 1 };
const FIXED2 = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/** A count; apportioned (fractional) counts keep one decimal. */
export function formatCount(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return Number.isInteger(x) ? formatNumberVi(x, INTEGER) : formatNumberVi(x, DECIMAL);
}

/** A number with up to `digits` decimals (trailing zeros dropped): 2,35; 6.000. */
export function formatDecimal(x: number, digits: number): string {
  return formatNumberVi(x, { maximumFractionDigits: digits });
}

/** A number to `digits` significant digits: 0,0043; 0,25. */
export function formatSignificant(x: number, digits: number): string {
  return formatNumberVi(x, { maximumSignificantDigits: digits });
}

/** Exactly two decimals: 94,75. */
export function formatFixed2(x: number): string {
  return formatNumberVi(x, FIXED2);
}

/** A share in [0, 1] as a percentage with two decimals, as the reports print it ("94,75%"). */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return `${formatNumberVi(share * 100, FIXED2)}%`;
}

/** "709/730 (97,12%)"; "0" when there are none; "chưa báo cáo" when the pair was not reported (null). */
export function formatTally(t: { total: number; certified: number } | null | undefined): string {
  if (t === null) return NOT_REPORTED;
  if (t === undefined) return '–';
  if (t.total === 0) return '0';
  return `${formatCount(t.certified)}/${formatCount(t.total)} (${formatPercent(t.certified / t.total)})`;
}

export function formatArea(km2: number | null | undefined): string {
  return km2 === null || km2 === undefined ? '–' : `${formatNumberVi(km2, DECIMAL)} km²`;
}

/** A time of day on the 24-hour clock, in the reader's time zone: "15:42". */
export function formatTime(d: Date): string {
  return new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}
