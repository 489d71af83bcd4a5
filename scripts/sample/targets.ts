// The seed figures as targets on our units: which communes a figure's place covers, the size and status
// calibration that brings the place near its published figures, and the statuses decided exactly for its year.

import { natural, realSize } from './draws.js';
import { communeTarget, tallyTarget, type SeedEntry } from './figures.js';
import { byCode } from './helpers.js';
import { CERTIFIED_SHARE_FOR_SUMS, ofTypes, overrideKey, type Commune, type Context, type Metric, type Override, type Place } from './model.js';
import { bodiesReal } from './returns.js';

/** The communes of the entry's place; throws naming the entry when the place or year is not ours. */
export function placeCommunes(ctx: Context, e: SeedEntry): Commune[] {
  const p = e.place;
  if (p.vintage !== 'pre2025') throw new Error(`seed figures: ${e.seed}: only pre-2025 places are supported (${p.name})`);
  const unit = ctx.ref.units.find((u) => u.vintage === p.vintage && u.code === p.code && u.level === p.level);
  if (!unit) throw new Error(`seed figures: ${e.seed}: place ${p.level} ${p.code} (${p.name}) is not in the reference`);
  if (!ctx.years.includes(e.year)) throw new Error(`seed figures: ${e.seed}: year ${e.year} is outside the generated years`);
  const list = [...ctx.communes.values()].filter((c) =>
    p.level === 'province'
      ? c.unit.provinceCode === p.code
      : p.level === 'district'
        ? c.unit.districtCode === p.code || c.unit.code === p.code // an island district is its own commune
        : c.unit.code === p.code,
  );
  if (list.length === 0) throw new Error(`seed figures: ${e.seed}: place ${p.code} has no communes`);
  return list;
}

function setFactor(ctx: Context, list: Commune[], m: Metric, year: number, target: number, e: SeedEntry) {
  const sum = list.reduce((s, c) => s + realSize(c, m, year, ctx.cal), 0);
  if (!(sum > 0)) throw new Error(`seed figures: ${e.seed}: cannot scale ${m} (no base)`);
  const f = target / sum;
  for (const c of list) {
    const fs = ctx.cal.factors.get(c.unit.code) ?? {};
    fs[m] = (fs[m] ?? 1) * f;
    ctx.cal.factors.set(c.unit.code, fs);
  }
}

/** Scales the place's sizes (all years, so the series stays smooth) towards the published totals. */
export function calibrate(ctx: Context, { entry: e, list }: Place) {
  const size = (k: Metric) => list.reduce((t, c) => t + realSize(c, k, e.year, ctx.cal), 0);
  for (const f of e.figures) {
    if (f.kind === 'tally') setFactor(ctx, list, f.tally, e.year, tallyTarget(f).total, e);
    else if (f.kind === 'models') setFactor(ctx, list, 'models', e.year, f.count, e);
    else if (f.kind === 'tally_certified_sum') {
      const sum = f.tallies.reduce((s, k) => s + size(k), 0);
      const target = Math.ceil(f.count / CERTIFIED_SHARE_FOR_SUMS);
      for (const k of f.tallies) setFactor(ctx, list, k, e.year, (target * size(k)) / sum, e);
    } else if (f.kind === 'communes_certified') {
      // shift the group's status scores (all years) so that about the published share is certified
      // naturally around the seed's year; decideStatuses then makes the year exact
      const group = ofTypes(list, f.unitTypes);
      const k = communeTarget(f, group.length);
      const margins = group.map((c) => {
        const n = natural(ctx.settings, c, e.year, ctx.cal);
        return n.z - n.threshold;
      });
      margins.sort((a, b) => b - a);
      const delta = k === 0 ? -margins[0] - 0.3 : k === group.length ? Math.max(0, 0.3 - margins[k - 1]) : -(margins[k - 1] + margins[k]) / 2;
      for (const c of group) ctx.cal.zOffset.set(c.unit.code, (ctx.cal.zOffset.get(c.unit.code) ?? 0) + delta);
    } else if (f.kind === 'province_bodies') {
      if (e.place.level !== 'province') throw new Error(`seed figures: ${e.seed}: province_bodies needs a province`);
      const x = bodiesReal(ctx, e.place.code, e.year);
      ctx.cal.bodiesFactor.set(e.place.code, f.total / x);
    }
  }
}

/** Which communes are certified, hot spots, exemplary in the seed's place and year. */
export function decideStatuses(ctx: Context, { entry: e, list }: Place) {
  const override = (code: string, o: Override) => {
    const key = overrideKey(code, e.year);
    ctx.cal.overrides.set(key, { ...(ctx.cal.overrides.get(key) ?? {}), ...o });
  };
  const nat = new Map(list.map((c) => [c.unit.code, natural(ctx.settings, c, e.year, ctx.cal)]));
  // most certifiable first; a natural hot spot goes last
  const rank = (a: Commune, b: Commune) => {
    const na = nat.get(a.unit.code)!;
    const nb = nat.get(b.unit.code)!;
    return Number(na.hotSpot) - Number(nb.hotSpot) || nb.z - na.z || byCode(a.unit, b.unit);
  };
  for (const f of e.figures) {
    if (f.kind === 'communes_certified') {
      const group = ofTypes(list, f.unitTypes).sort(rank);
      const k = communeTarget(f, group.length);
      group.forEach((c, i) => {
        if (i < k) override(c.unit.code, { status: 'dat', ...(nat.get(c.unit.code)!.hotSpot ? { hotSpot: false } : {}) });
        else override(c.unit.code, { status: 'chua_dat' });
      });
    } else if (f.kind === 'hot_spots') {
      const sorted = [...list].sort(rank).reverse(); // least certifiable first
      sorted.forEach((c, i) => override(c.unit.code, { hotSpot: i < f.count }));
    } else if (f.kind === 'exemplary') {
      const sorted = [...list].sort(rank);
      sorted.forEach((c, i) => override(c.unit.code, i < f.count ? { exemplary: true, status: 'dat', hotSpot: false } : { exemplary: false }));
    }
  }
}
