// After the rows exist: single units added or removed, certified or un-certified, until a place's sums are
// exactly the published figures.

import { realSize } from './draws.js';
import { tallyTarget, type TallyKey } from './figures.js';
import { CERTIFIED_SHARE_FOR_SUMS, MIN_TOTAL, type Context, type Metric, type Place, type SampleRow } from './model.js';

/** Makes the place's sums exact; `rows` are the place's rows in the seed's year, in the order of `place.list`. */
export function fixCounts(ctx: Context, { entry: e, list }: Place, rows: SampleRow[]) {
  const size = (k: Metric) => list.reduce((t, c) => t + realSize(c, k, e.year, ctx.cal), 0);
  // how close each row's dithered rounding was to going up
  const fracs = (m: Metric) =>
    list.map((c) => {
      const v = realSize(c, m, e.year, ctx.cal) + c.u[m];
      return v - Math.floor(v);
    });
  for (const f of e.figures) {
    if (f.kind === 'tally') {
      fixTotals(rows, f.tally, fracs(f.tally), tallyTarget(f).total);
      fixCertified(rows, [f.tally], f.count);
    } else if (f.kind === 'models') {
      fixTotals(rows, 'models', fracs('models'), f.count);
    } else if (f.kind === 'tally_certified_sum') {
      // totals: ~2.5 % above the certified count, shared as the sizes are; then the certified sum
      const target = Math.ceil(f.count / CERTIFIED_SHARE_FOR_SUMS);
      const sizes = f.tallies.map(size);
      const all = sizes.reduce((a, b) => a + b, 0);
      let left = target;
      f.tallies.forEach((k, i) => {
        const t = i === f.tallies.length - 1 ? left : Math.round((target * sizes[i]) / all);
        left -= t;
        fixTotals(rows, k, fracs(k), t);
      });
      fixCertified(rows, f.tallies, f.count);
    }
  }
}

/**
 * Brings the sum of `m` over `rows` to `target` by single units: added where the dithered rounding (`fracs[i]`,
 * the fractional part of row i's real size) was closest to going up, removed where it was closest to going down,
 * never below the minimum. A lowered total lowers its certified count with it.
 */
export function fixTotals(rows: SampleRow[], m: Metric, fracs: number[], target: number) {
  const get = (r: SampleRow) => (m === 'models' ? r.models : r[m].total);
  const set = (r: SampleRow, v: number) => {
    if (m === 'models') r.models = v;
    else r[m] = { total: v, certified: Math.min(r[m].certified, v) };
  };
  let diff = target - rows.reduce((s, r) => s + get(r), 0);
  const order = rows.map((_, i) => i).sort((a, b) => (diff > 0 ? fracs[b] - fracs[a] : fracs[a] - fracs[b]) || rows[a].communeCode.localeCompare(rows[b].communeCode));
  while (diff !== 0) {
    let moved = false;
    for (const i of order) {
      if (diff === 0) break;
      const v = get(rows[i]);
      if (diff > 0) {
        set(rows[i], v + 1);
        diff--;
        moved = true;
      } else if (v > MIN_TOTAL[m]) {
        set(rows[i], v - 1);
        diff++;
        moved = true;
      }
    }
    if (!moved) throw new Error(`sample: cannot bring ${m} to ${target}`);
  }
}

/** Certifies or un-certifies single units: certified communes gain first, uncertified ones lose first. */
export function fixCertified(rows: SampleRow[], tallies: TallyKey[], target: number) {
  let diff = target - rows.reduce((s, r) => s + tallies.reduce((t, k) => t + r[k].certified, 0), 0);
  const cells = rows.flatMap((r) => tallies.map((k) => ({ r, k })));
  const good = (r: SampleRow) => (r.status === 'dat' ? 0 : 1);
  if (diff > 0) {
    cells.sort((a, b) => good(a.r) - good(b.r) || (b.r[b.k].total - b.r[b.k].certified) - (a.r[a.k].total - a.r[a.k].certified) || a.r.communeCode.localeCompare(b.r.communeCode));
  } else {
    const share = (x: { r: SampleRow; k: TallyKey }) => x.r[x.k].certified / Math.max(1, x.r[x.k].total);
    cells.sort((a, b) => good(b.r) - good(a.r) || share(b) - share(a) || b.r[b.k].certified - a.r[a.k].certified || a.r.communeCode.localeCompare(b.r.communeCode));
  }
  while (diff !== 0) {
    let moved = false;
    for (const { r, k } of cells) {
      if (diff === 0) break;
      const t = r[k];
      if (diff > 0 && t.certified < t.total) {
        r[k] = { total: t.total, certified: t.certified + 1 };
        diff--;
        moved = true;
      } else if (diff < 0 && t.certified > 0) {
        r[k] = { total: t.total, certified: t.certified - 1 };
        diff++;
        moved = true;
      }
    }
    if (!moved) throw new Error(`sample: cannot bring certified ${tallies.join('+')} to ${target}`);
  }
}
