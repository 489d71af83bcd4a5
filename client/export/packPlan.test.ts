import { describe, expect, it } from 'vitest';
import type { Symbology } from '../../shared/lib/legendModel.js';
import type { CommuneProps } from '../../shared/lib/topo.js';
import type { TotalFigures, YearTotal } from '../../shared/export/keyFigures.js';
import { mainlandBBox, planPack, type PackRow } from './packPlan.js';

const square = (code: string, province: string, x: number, y: number, size = 1) => ({
  type: 'Feature' as const,
  properties: { code, name: code, type: 'Xã', province_code: province } satisfies CommuneProps,
  geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] },
});
const communes = [square('00001', '01', 105, 21), square('00002', '01', 106, 21), square('22001', '56', 108, 12), square('22002', '56', 109, 11), square('22736', '56', 114, 8)];

const row = (code: string, provinceCode: string, certified: number): PackRow => ({
  code, provinceCode, status: certified >= 9 ? 'dat' : 'chua_dat', residential: { total: 10, certified }, models: 1, population: 1000, areaKm2: 1,
});
const rows = [row('00001', '01', 10), row('00002', '01', 9), row('22001', '56', 2), row('22002', '56', 5), row('22736', '56', 7)];
const total = (certified: number, count: number): TotalFigures => ({
  communes: { total: count, certified }, residential: { total: 10 * count, certified: 5 * count }, models: count, rates: { communes: certified / count, residential: 0.5 },
});
const at = (year: number, t: TotalFigures, basis: 'reported' | 'old-units' = 'reported'): YearTotal => ({ year, total: t, basis, oldUnits: null });
const spec: Symbology = { metric: 'rate', denominator: 'population', changeFrom: null, classing: { method: 'quantile', k: 3, breaks: [] } };

const input = {
  year: 2025,
  symbology: spec,
  rows,
  before: null,
  provinces: [{ code: '56', fullName: 'Tỉnh Khánh Hòa' }, { code: '01', fullName: 'Thành phố Hà Nội' }],
  geo: { communes: { type: 'FeatureCollection' as const, features: communes } },
  nationalBBox: [102, 7, 118, 23.4] as [number, number, number, number],
  now: { total: at(2025, total(4, 5)), provinces: new Map([['01', at(2025, total(2, 2))], ['56', at(2025, total(2, 3))]]) },
  previous: { total: at(2024, total(3, 5), 'old-units'), provinces: new Map([['01', at(2024, total(1, 2), 'old-units')]]) },
};

describe('mainlandBBox', () => {
  it("leaves out the province's archipelago", () => {
    expect(mainlandBBox(communes, '56')).toEqual([108, 11, 110, 13]);
    expect(() => mainlandBBox(communes, '99')).toThrow(/tỉnh 99/);
  });
});

describe('planPack', () => {
  const { pages, fills } = planPack(input);

  it('has the country first, then the provinces in code order', () => {
    expect(pages.map((p) => [p.province, p.place])).toEqual([[null, 'Toàn quốc'], ['01', 'Thành phố Hà Nội'], ['56', 'Tỉnh Khánh Hòa']]);
    expect(pages[0].bbox).toEqual(input.nationalBBox);
    expect(pages[2].bbox).toEqual([108, 11, 110, 13]);
  });

  it('keeps the national breaks and colours on every page; each legend counts its own communes', () => {
    const breaks = pages[0].legend.breaks;
    expect(breaks.length).toBe(2);
    for (const p of pages) {
      expect(p.legend.breaks).toEqual(breaks);
      expect(p.legend.entries.map((e) => e.color)).toEqual(pages[0].legend.entries.map((e) => e.color));
      for (const [code, color] of p.legend.colors) expect(fills.get(code)).toBe(color);
    }
    const counts = (i: number) => pages[i].legend.entries.reduce((n, e) => n + e.count, 0);
    expect([counts(0), counts(1), counts(2)]).toEqual([5, 2, 3]);
  });

  it("gives each page its key figures against the previous year, with the province's own basis", () => {
    expect(pages[0].figures.find((f) => f.id === 'change')!.detail).toBe('năm 2024: 60,00% (5 xã cũ, trước sắp xếp)');
    expect(pages[1].figures.find((f) => f.id === 'communes')!.value).toBe('2/2');
    expect(pages[1].figures.find((f) => f.id === 'change')!.detail).toBe('năm 2024: 50,00% (2 xã cũ, trước sắp xếp)');
    // No previous figures for Khánh Hòa.
    expect(pages[2].figures.find((f) => f.id === 'change')!.value).toBe('–');
  });

  it("makes one province's page alone, with the country's classes", () => {
    const one = planPack({ ...input, only: '56' });
    expect(one.pages.map((p) => p.province)).toEqual(['56']);
    expect(one.pages[0].legend.breaks).toEqual(pages[0].legend.breaks);
    expect(one.pages[0].figures).toEqual(pages[2].figures);
    expect(() => planPack({ ...input, only: '99' })).toThrow('Không có tỉnh mã 99');
  });

  it('says which province has no figures', () => {
    expect(() => planPack({ ...input, now: { ...input.now, provinces: new Map([['01', at(2025, total(2, 2))]]) } })).toThrow('Thiếu số liệu của Tỉnh Khánh Hòa năm 2025');
  });
});
