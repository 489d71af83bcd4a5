import { NOT_REPORTED } from '../domain/labels.js';
/**
 * Vietnamese number formats (1.234, 94,75 %), each made on its first use: the first one loads the locale's data
 * (30–40 ms of a page's start-up on this machine), which the map need not wait for.
 */
const formats = new Map<string, Intl.NumberFormat>();
function viNumber(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat('vi-VN', options)));
  return f;
}
const once = (options: Intl.NumberFormatOptions) => {
  let f: Intl.NumberFormat | undefined;
  return () => (f ??= viNumber(options));
};
const integer = once({ maximumFractionDigits: 0 });
const decimal = once({ maximumFractionDigits: 1 });
const percent = once({ minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A count; apportioned (fractional) counts keep one decimal. */
export function formatCount(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return Number.isInteger(x) ? integer().format(x) : decimal().format(x);
}

/** A number with up to `digits` decimals (trailing zeros dropped): 2,35; 6.000. */
export function formatDecimal(x: number, digits: number): string {
  return viNumber({ maximumFractionDigits: digits }).format(x);
}

/** A number to `digits` significant digits: 0,0043; 0,25. */
export function formatSignificant(x: number, digits: number): string {
  return viNumber({ maximumSignificantDigits: digits }).format(x);
}

/** Exactly two decimals: 94,75. */
export function formatFixed2(x: number): string {
  return percent().format(x);
}

/** A share in [0, 1] as a percentage with two decimals, as the reports print it ("94,75%"). */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return `${percent().format(share * 100)}%`;
}

/** "709/730 (97,12%)"; "0" when there are none; "chưa báo cáo" when the pair was not reported (null). */
export function formatTally(t: { total: number; certified: number } | null | undefined): string {
  if (t === null) return NOT_REPORTED;
  if (t === undefined) return '–';
  if (t.total === 0) return '0';
  return `${formatCount(t.certified)}/${formatCount(t.total)} (${formatPercent(t.certified / t.total)})`;
}

export function formatArea(km2: number | null | undefined): string {
  return km2 === null || km2 === undefined ? '–' : `${decimal().format(km2)} km²`;
}

/** A time of day on the 24-hour clock, in the reader's time zone: "15:42". */
export function formatTime(d: Date): string {
  return new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}
