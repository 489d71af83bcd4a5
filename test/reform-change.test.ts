// Every change across 1 July 2025 compares like with like: for each of the 34 provinces, the key figures
// (presentation mode, PDF, pack) and the province change map give 2025 against 2024 as reported on the province's
// old communes, read back independently from /api/stats?vintage=pre2025.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keyFigures, yearTotalOf, type TotalFigures } from '../shared/export/keyFigures.js';
import { planPack, provinceTotals, type PackRow, type ProvinceStats } from '../client/export/packPlan.js';
import { buildLegend, type Row } from '../shared/lib/legendModel.js';
import { previousYear } from '../shared/domain/previousYear.js';
import { createApp } from '../server/app.js';
import { paths } from '../server/config.js';
import { openSqliteStore } from '../server/store/sqlite.js';
import { skipUnlessCi } from './support/prerequisites.js';

const db = inject('seededDb');
const geoDir = join(paths().buildDir, 'geo');
const skip = skipUnlessCi('reform change tests', !db ? inject('seededDbSkip') : !existsSync(join(geoDir, 'manifest.json')) ? 'boundary layers not built' : null);

interface Commune { code: string; provinceCode: string; status: string | null }
interface Stats extends ProvinceStats {
  total: TotalFigures;
  oldUnits: { communes: number; split: number } | null;
  units: (ProvinceStats['units'][number] & Commune & { fullName: string })[];
}

/** "+3,23 điểm %" → 3.23 */
const points = (s: string) => Number(s.replace('−', '-').replace('±', '').replace(/ điểm %$/, '').replace(',', '.'));

describe.skipIf(skip)('2025 against 2024 in every province: its old communes as reported', () => {
  const store = openSqliteStore(db!);
  const app = createApp({ store, geoDir });
  const json = async <T>(path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  /** Each province's 2024 rate in points from the old communes as reported, grouped through the crosswalk here. */
  const expected = new Map<string, { certified: number; assessed: number; pct: number }>();
  let years: number[];
  let provinces: { code: string; fullName: string }[];
  let p2025: Stats;
  let p2024: Stats;
  afterAll(() => store.close());

  beforeAll(async () => {
    const meta = await json<{ vintages: { id: string; years: number[] }[]; provinces: { code: string; fullName: string }[] }>('/api/meta');
    years = meta.vintages.find((v) => v.id === '2025')!.years;
    provinces = meta.provinces;
    const [old, now, links] = await Promise.all([
      json<Stats>('/api/stats?year=2024&level=commune&vintage=pre2025'),
      json<Stats>('/api/stats?year=2025&level=commune'),
      store.crosswalk(),
    ]);
    const provinceOfNew = new Map(now.units.map((u) => [u.code, u.provinceCode]));
    const target = new Map<string, Set<string>>();
    for (const l of links) target.set(l.oldCode, (target.get(l.oldCode) ?? new Set()).add(provinceOfNew.get(l.newCode)!));
    for (const c of old.units) {
      const to = target.get(c.code)!;
      // No old commune of the sample's crosswalk is split between provinces: each counts whole.
      expect(to.size, c.code).toBe(1);
      const p = [...to][0];
      const e = expected.get(p) ?? { certified: 0, assessed: 0, pct: 0 };
      if (c.status !== null) e.assessed++;
      if (c.status === 'dat') e.certified++;
      expected.set(p, e);
    }
    for (const e of expected.values()) e.pct = (e.certified / e.assessed) * 100;
    [p2025, p2024] = await Promise.all([json<Stats>('/api/stats?year=2025&level=province'), json<Stats>('/api/stats?year=2024&level=province')]);
  });

  it('Lai Châu: 97/106 old communes (91,51 %) in 2024, so +3,23 points, not the roll-up', async () => {
    expect(expected.get('12')).toMatchObject({ certified: 97, assessed: 106 });
    const s = await json<Stats>('/api/stats?year=2024&level=commune&province=12');
    expect(s.areaBasis).toBe('old-units');
    expect(s.oldUnits).toMatchObject({ communes: 106, split: 0 });
    expect(s.total.communes).toMatchObject({ total: 106, certified: 97 });
    // The communes themselves stay rolled up: far fewer are certified that way.
    const rolled = s.units.filter((u) => u.status === 'dat').length / s.units.length;
    expect(rolled).toBeLessThan(0.8);
  });

  it("the target panel states Lai Châu's 2024 on its old communes", async () => {
    const t = await json<{ message: string; previous: { year: number; rate: number; label: string } }>('/api/targets?province=12&year=2025&target=99');
    expect(t.previous).toEqual({ year: 2024, rate: 97 / 106, label: '106 xã cũ, trước sắp xếp' });
    expect(t.message).toContain('Năm 2024: 91,51% (106 xã cũ, trước sắp xếp).');
  });

  it('the key figures of presentation mode and of a PDF page, for each province', async () => {
    expect(provinces).toHaveLength(34);
    for (const p of provinces) {
      const { now, before } = previousYear('province', 2025, years);
      const [a, b] = await Promise.all([
        json<Stats>(`/api/stats?year=${now.year}&level=commune&province=${p.code}`),
        json<Stats>(`/api/stats?year=${before!.year}&level=commune&province=${p.code}`),
      ]);
      expect(b.areaBasis).toBe(before!.basis);
      const [, change] = keyFigures(yearTotalOf(a, a), yearTotalOf(b, b));
      const e = expected.get(p.code)!;
      const want = (a.total.rates.communes ?? 0) * 100 - e.pct;
      expect(Math.abs(points(change.value) - want), `${p.fullName}: ${change.value} vs ${want.toFixed(2)}`).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(change.detail).toBe(`năm 2024: ${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(e.pct)}% (${e.assessed} xã cũ, trước sắp xếp)`);
    }
  });

  it('the conference pack, for each province', () => {
    const rows = p2025.units as unknown as PackRow[];
    const { pages } = planPack({
      year: 2025,
      symbology: { metric: 'rate', denominator: 'population', changeFrom: null, classing: { method: 'quantile', k: 5, breaks: [] } },
      rows: rows.map((r) => ({ ...r, provinceCode: r.code })),
      before: null,
      provinces,
      geo: { communes: { type: 'FeatureCollection', features: provinces.map((p) => ({ type: 'Feature', properties: { code: p.code, name: p.code, type: 'Xã', province_code: p.code }, geometry: { type: 'Polygon' as const, coordinates: [[[105, 20], [106, 20], [106, 21], [105, 20]]] } })) } },
      nationalBBox: [102, 8, 110, 23],
      now: { total: yearTotalOf(p2025, p2025), provinces: provinceTotals(p2025) },
      previous: { total: yearTotalOf(p2024, p2024), provinces: provinceTotals(p2024) },
    });
    expect(pages).toHaveLength(35);
    for (const page of pages.slice(1)) {
      const e = expected.get(page.province!)!;
      const now = p2025.units.find((u) => u.code === page.province)!.rates.communes! * 100;
      const change = page.figures.find((f) => f.id === 'change')!;
      expect(Math.abs(points(change.value) - (now - e.pct)), `${page.place}: ${change.value}`).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(change.detail).toContain('xã cũ, trước sắp xếp');
    }
  });

  it('matches the old provinces as reported where a province is made of whole old provinces', async () => {
    const old = await json<Stats>('/api/stats?year=2024&level=province&vintage=pre2025');
    const links = await store.crosswalk();
    const units = await store.units('pre2025');
    const oldProvinceOf = new Map(units.map((u) => [u.code, u.provinceCode]));
    const newOf = new Map((await store.units('2025')).map((u) => [u.code, u.provinceCode]));
    const targets = new Map<string, Set<string>>();
    for (const l of links) targets.set(oldProvinceOf.get(l.oldCode)!, (targets.get(oldProvinceOf.get(l.oldCode)!) ?? new Set()).add(newOf.get(l.newCode)!));
    let compared = 0;
    for (const p of p2024.units) {
      const whole = [...targets].filter(([, to]) => to.size === 1 && to.has(p.code)).map(([op]) => op);
      const mixed = [...targets].some(([, to]) => to.size > 1 && to.has(p.code));
      if (mixed) continue;
      const sum = old.units.filter((u) => whole.includes(u.code)).reduce((t, u) => ({ c: t.c + u.communes.certified, n: t.n + u.communes.total }), { c: 0, n: 0 });
      expect(p.communes, p.code).toMatchObject({ certified: sum.c, total: sum.n });
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(32);
  });

  it('the province change map classes the same differences, in a legend never inverted', () => {
    const legend = buildLegend(p2025.units as unknown as Row[], { metric: 'rate', denominator: 'population', changeFrom: 2024, classing: { method: 'quantile', k: 5, breaks: [] } }, p2024.units as unknown as Row[]);
    expect(legend.values.size).toBe(34);
    for (const [code, v] of legend.values) {
      const now = p2025.units.find((u) => u.code === code)!.rates.communes! * 100;
      expect(Math.abs(v * 100 - (now - expected.get(code)!.pct)), code).toBeLessThan(1e-9);
    }
    // Changes fall on both sides of zero now (a roll-up made every province "rise" by +3,8 to +42,1).
    const vs = [...legend.values.values()];
    expect(Math.min(...vs)).toBeLessThan(0);
    expect(Math.max(...vs)).toBeLessThan(0.1);
    const counts = legend.entries.filter((e) => e.id !== 'no_data');
    expect(counts.reduce((n, e) => n + e.count, 0)).toBe(34);
    const lo = Math.min(...vs);
    const hi = Math.max(...vs);
    for (let i = 1; i < legend.breaks.length; i++) expect(legend.breaks[i]).toBeGreaterThan(legend.breaks[i - 1]);
    expect(lo).toBeLessThan(legend.breaks[0]);
    expect(hi).toBeGreaterThanOrEqual(legend.breaks.at(-1)!);
  });
});
