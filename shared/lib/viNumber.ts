/**
 * Vietnamese number formatting (thousands grouped by ".", decimal ","), without Intl: a page's first
 * Intl.NumberFormat loads the locale's data, 30–40 ms of the map page's first render on this machine, before
 * the map can be made. Rounds as Intl (ICU) does: the number's shortest decimal form (String(x): 94.745, not the
 * double's exact 94.74499…), to the nearest, ties away from zero. The test beside it checks it against Intl.
 */
export interface NumberOptions {
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  /** When given, the fraction digits are not (as in Intl, which rounds to these then). */
  maximumSignificantDigits?: number;
}

const group = (int: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** String(x) of a non-negative x as plain digits, from its exponent notation too ("1.2e+21", "1.2e-7"). */
function plain(s: string): string {
  const e = s.indexOf('e');
  if (e < 0) return s;
  const exp = Number(s.slice(e + 1));
  const digits = s.slice(0, e).replace('.', '');
  if (exp >= 0) return digits.length > exp + 1 ? `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}` : digits.padEnd(exp + 1, '0');
  return `0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** The digits of `s` (plain, non-negative) rounded to `keep` digits from the left, ties up; the integer part's rest zeros. */
function roundDigits(s: string, keep: (digits: number[], point: number) => number): { int: string; frac: string } {
  const [i, f = ''] = s.split('.');
  // A leading zero takes the carry of 9.99 → 10.0.
  const digits = [0, ...i, ...f].map(Number);
  const point = i.length + 1;
  const k = Math.max(0, keep(digits, point));
  if (k < digits.length) {
    const up = digits[k] >= 5;
    digits.length = k;
    for (let j = k - 1; up && j >= 0; j--) {
      if (digits[j] < 9) {
        digits[j]++;
        break;
      }
      digits[j] = 0;
    }
  }
  const int = digits.slice(0, point).join('').padEnd(point, '0').replace(/^0+(?=\d)/, '');
  return { int, frac: digits.slice(point).join('') };
}

export function formatNumberVi(x: number, o: NumberOptions = {}): string {
  if (Number.isNaN(x)) return 'NaN';
  // Intl's default sign display shows the sign of negative zero too.
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const abs = Math.abs(x);
  if (abs === Infinity) return `${sign}∞`;
  const s = plain(String(abs));
  let int: string;
  let frac: string;
  let min: number;
  if (o.maximumSignificantDigits !== undefined) {
    const p = o.maximumSignificantDigits;
    ({ int, frac } = roundDigits(s, (d) => {
      const first = d.findIndex((v) => v !== 0);
      return first < 0 ? d.length : first + p;
    }));
    min = 0;
  } else {
    min = o.minimumFractionDigits ?? 0;
    const max = o.maximumFractionDigits ?? Math.max(min, 3);
    ({ int, frac } = roundDigits(s, (_, point) => point + max));
  }
  frac = frac.replace(/0+$/, '').padEnd(min, '0');
  return `${sign}${group(int)}${frac ? `,${frac}` : ''}`;
}
