// 2025 on the new communes: each continues from its predecessors' last rows, weighted by the crosswalk; a
// commune without predecessor figures is drawn afresh from its population.

import type { CrosswalkLink, Status } from '../../shared/domain/types.js';
import { rng } from '../../shared/lib/prng.js';
import { certifiedCount, makeCommune, natural, provinceParams } from './draws.js';
import { TALLY_KEYS, type TallyKey } from './figures.js';
import { byCode, clamp } from './helpers.js';
import { MIN_TOTAL, type Context, type Metric, type ProvinceParams, type SampleRow } from './model.js';
import { isNotAssessed, notAssessedRow } from './notAssessed.js';
import { communeRow } from './rows.js';

/** `prev`: the last pre-2025 year's rows by code. `fresh`: the communes drawn from their population. */
export function rows2025(ctx: Context, prev: Map<string, SampleRow>): { rows: SampleRow[]; fresh: string[] } {
  const s = ctx.settings;
  const year = s.year2025;
  const links = new Map<string, CrosswalkLink[]>();
  for (const l of ctx.ref.crosswalk) {
    const list = links.get(l.newCode) ?? [];
    list.push(l);
    links.set(l.newCode, list);
  }
  const units = ctx.ref.units.filter((u) => u.vintage === '2025' && u.level === 'commune').sort(byCode);
  const provinces = new Map<string, ProvinceParams>();
  const params = (code: string) => {
    if (!provinces.has(code)) provinces.set(code, provinceParams(s, `2025:${code}`, year));
    return provinces.get(code)!;
  };
  const out: SampleRow[] = [];
  const fresh: string[] = [];
  for (const u of units) {
    const key = `2025:${u.code}`;
    if (isNotAssessed(s, '2025', u.code)) {
      out.push(notAssessedRow('2025', u.code, year));
      continue;
    }
    const preds = (links.get(u.code) ?? []).flatMap((l) => {
      const row = prev.get(l.oldCode);
      const c = ctx.communes.get(l.oldCode);
      return row && c ? [{ l, row, c }] : [];
    });
    const w = preds.reduce((t, p) => t + p.l.weight, 0);
    if (w === 0) {
      // no predecessor with figures (đặc khu formed from an island district): generate from population
      fresh.push(u.code);
      const c = makeCommune(s, u, u.population ?? 5000, key, params(u.provinceCode));
      const n = natural(s, c, year, ctx.cal, key);
      out.push(communeRow(s.seed, ctx.cal, c, year, key, n));
      continue;
    }
    const r = rng(s.seed, 'year', key, year);
    const share = (f: (row: SampleRow) => boolean | null) => preds.reduce((t, p) => t + (f(p.row) ? p.l.weight : 0), 0) / w;
    const certifiedShare = share((row) => row.status === 'dat');
    const keyShare = share((row) => row.keyArea);
    const hotShare = share((row) => row.hotSpot);
    const exemplaryShare = share((row) => row.exemplary);
    const keyArea = keyShare >= 0.5 || r.next() < keyShare * 0.6;
    const hotSpot = r.next() < (keyArea ? s.hotSpot.inKeyArea * 0.7 : s.hotSpot.elsewhere) + hotShare * 0.3;
    const p = clamp(0.55 + 0.43 * certifiedShare, 0, s.certification.max);
    let status: Status = r.next() < p ? 'dat' : 'chua_dat';
    if (hotSpot && status === 'dat' && r.next() >= s.hotSpot.certifiedAnyway) status = 'chua_dat';
    if (!hotSpot && r.next() < params(u.provinceCode).notAssessed * 0.8) status = 'chua_danh_gia';
    const exemplary = status === 'dat' && exemplaryShare >= 0.5;
    const growth = r.range(0.98, 1.04);
    const sizes = (m: Metric) => preds.reduce((t, p) => t + p.l.weight * (m === 'models' ? p.row.models : p.row[m].total), 0);
    // certified counts follow the same rule as before 2025, with the predecessors' usual deficits
    const deficit = { residential: 0, agencies: 0, enterprises: 0, schools: 0 };
    for (const p of preds) for (const k of TALLY_KEYS) deficit[k] += (p.l.weight * p.c.deficit[k]) / w;
    const tallies = {} as Record<TallyKey, { total: number; certified: number }>;
    for (const k of TALLY_KEYS) {
      const total = Math.max(MIN_TOTAL[k], Math.floor(sizes(k) * growth + r.next()));
      tallies[k] = { total, certified: certifiedCount(s.seed, deficit, k, total, status, hotSpot, year, key) };
    }
    out.push({
      vintage: '2025',
      communeCode: u.code,
      year,
      status,
      exemplary,
      ...tallies,
      models: Math.floor(sizes('models') * r.range(1.0, 1.08) + r.next()),
      keyArea,
      hotSpot,
    });
  }
  return { rows: out, fresh };
}
