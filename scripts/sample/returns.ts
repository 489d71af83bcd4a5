// Province returns: the province-managed bodies (agencies, enterprises, schools under the province) each
// province reports, before 2025 from draws calibrated to the published figures, in 2025 shared out from the
// old provinces as their communes were.

import { rng } from '../../shared/lib/prng.js';
import type { SeedEntry } from './figures.js';
import { byCode, clamp } from './helpers.js';
import { BASE_YEAR, type Context, type ReturnRow } from './model.js';

/** The province's bodies in `year`, before rounding. */
export function bodiesReal(ctx: Context, provinceCode: string, year: number): number {
  const p = ctx.provincesPre.find((u) => u.code === provinceCode);
  const r = rng(ctx.settings.seed, 'bodies', `pre2025:${provinceCode}`);
  const pop = p?.population ?? 1_000_000;
  const base = (pop / 10_000) * r.range(1.2, 2.5);
  const g = r.range(0, 0.03);
  return base * (1 + g) ** (year - BASE_YEAR) * (ctx.cal.bodiesFactor.get(provinceCode) ?? 1);
}

/** The certified share of a province's bodies: rising slowly from the first year, with a little noise. */
function bodiesShare(ctx: Context, key: string, year: number): number {
  const r = rng(ctx.settings.seed, 'bodies-share', key);
  const p0 = r.range(0.86, 0.95);
  const drift = r.range(0.002, 0.006);
  const y = rng(ctx.settings.seed, 'bodies-year', key, year);
  return clamp(p0 + drift * (year - ctx.years[0]) + 0.01 * y.normal(), 0.8, 0.995);
}

export function provinceReturnsPre(ctx: Context): ReturnRow[] {
  const out: ReturnRow[] = [];
  for (const p of ctx.provincesPre) {
    const u = rng(ctx.settings.seed, 'bodies-dither', p.code).next();
    for (const y of ctx.years) {
      const total = Math.max(1, Math.floor(bodiesReal(ctx, p.code, y) + u));
      const certified = Math.round(total * bodiesShare(ctx, `pre2025:${p.code}`, y));
      out.push({ vintage: 'pre2025', provinceCode: p.code, year: y, bodies: { total, certified } });
    }
  }
  return out;
}

/** Writes the published province-bodies figures over the drawn ones. */
export function fixReturns(e: SeedEntry, returns: ReturnRow[]) {
  for (const f of e.figures) {
    if (f.kind !== 'province_bodies') continue;
    const r = returns.find((x) => x.provinceCode === e.place.code && x.year === e.year)!;
    r.bodies = { total: f.total, certified: f.count };
  }
}

/** New provinces: the old provinces' last bodies, shared out as their communes were. */
export function provinceReturns2025(ctx: Context, returns: ReturnRow[]): ReturnRow[] {
  const year = ctx.settings.year2025;
  const last = ctx.years[ctx.years.length - 1];
  const newProvince = new Map(ctx.ref.units.filter((u) => u.vintage === '2025' && u.level === 'commune').map((u) => [u.code, u.provinceCode]));
  const oldCount = new Map<string, number>();
  for (const c of ctx.communes.values()) oldCount.set(c.unit.provinceCode, (oldCount.get(c.unit.provinceCode) ?? 0) + 1);
  const share = new Map<string, Map<string, number>>(); // new province → old province → share
  for (const l of ctx.ref.crosswalk) {
    const c = ctx.communes.get(l.oldCode);
    const np = newProvince.get(l.newCode);
    if (!c || !np) continue;
    const m = share.get(np) ?? new Map<string, number>();
    m.set(c.unit.provinceCode, (m.get(c.unit.provinceCode) ?? 0) + l.weight / oldCount.get(c.unit.provinceCode)!);
    share.set(np, m);
  }
  const provinces = ctx.ref.units.filter((u) => u.vintage === '2025' && u.level === 'province').sort(byCode);
  return provinces.map((p) => {
    let total = 0;
    let certified = 0;
    for (const [op, s] of share.get(p.code) ?? []) {
      const r = returns.find((x) => x.provinceCode === op && x.year === last);
      if (!r) continue;
      total += r.bodies.total * s;
      certified += r.bodies.certified * s;
    }
    const rr = rng(ctx.settings.seed, 'bodies-2025', p.code);
    if (total === 0) total = ((p.population ?? 1_000_000) / 10_000) * rr.range(1.2, 2.5);
    const t = Math.max(1, Math.round(total * rr.range(0.97, 1.05)));
    const rate = certified > 0 ? certified / (total || 1) : bodiesShare(ctx, `2025:${p.code}`, year);
    const c = clamp(Math.round(t * clamp(rate + rr.range(0, 0.01), 0, 0.995)), 0, t);
    return { vintage: '2025' as const, provinceCode: p.code, year, bodies: { total: t, certified: c } };
  });
}
