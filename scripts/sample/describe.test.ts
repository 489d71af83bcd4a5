import { describe as suite, expect, it } from 'vitest';
import type { Status, Unit } from '../../shared/domain/types.js';
import { describe, reportEntry } from './describe.js';
import { makeCommune, provinceParams } from './draws.js';
import { loadSampleSettings, type SeedEntry, type SeedFigure } from './figures.js';
import type { Place, ReturnRow, SampleRow } from './model.js';

const unit = (code: string, type: string): Unit => ({
  vintage: 'pre2025', code, level: 'commune', name: code, fullName: `${type} ${code}`, type, provinceCode: '27', districtCode: '256', population: 8000, areaKm2: null,
});
const s = loadSampleSettings();
const commune = (code: string, type: string) => makeCommune(s, unit(code, type), 8000, code, provinceParams(s, '27', 2017));

const row = (communeCode: string, status: Status, residential: [number, number], extra: Partial<SampleRow> = {}): SampleRow => ({
  vintage: 'pre2025', communeCode, year: 2023, status, exemplary: false,
  residential: { total: residential[1], certified: residential[0] },
  agencies: { total: 2, certified: 2 }, enterprises: { total: 4, certified: 3 }, schools: { total: 3, certified: 3 },
  models: 2, keyArea: false, hotSpot: false, ...extra,
});

const entry: SeedEntry = {
  seed: '002-bac-ninh.md',
  place: { name: 'Bắc Ninh', vintage: 'pre2025', level: 'province', code: '27', provinceCode: '27' },
  year: 2023,
  figures: [],
};
const place: Place = { entry, list: [commune('09169', 'Xã'), commune('09172', 'Phường'), commune('09175', 'Xã')] };
const rows = [
  row('09169', 'dat', [9, 10], { exemplary: true, models: 3 }),
  row('09172', 'chua_dat', [4, 6], { hotSpot: true }),
  row('09175', 'dat', [7, 7]),
];
const returns: ReturnRow[] = [{ vintage: 'pre2025', provinceCode: '27', year: 2023, bodies: { total: 55, certified: 50 } }];
const say = (f: SeedFigure) => describe(f, place, rows, returns);

suite('describe', () => {
  it('says how the certified communes meet the published count or rate', () => {
    expect(say({ kind: 'communes_certified', unitTypes: ['Xã'], published: '2/2 xã', count: 2, total: 2 })).toBe('exact count 2/2');
    expect(say({ kind: 'communes_certified', published: '69/70', count: 69, total: 70 })).toBe(
      'rate 66,67 % (2/3 xã, phường, thị trấn) for published 69/70 = 98,57 % (3 xã, phường, thị trấn in the list, 70 in the report)',
    );
    expect(say({ kind: 'communes_certified', unitTypes: ['Phường'], published: '97,4 %', count: 38, rate: 97.4, rateDecimals: 1 })).toBe(
      'rate 0,00 % (0/1 phường) for published 97,4 % (1 phường in the list, ~39 implied by the report)',
    );
  });

  it('says whether a tally prints as published, and the gap when no total can', () => {
    expect(say({ kind: 'tally', tally: 'residential', published: '20/23', count: 20, total: 23 })).toBe('exact count 20/23 khu dân cư');
    expect(say({ kind: 'tally', tally: 'residential', published: '86,96 %', count: 20, rate: 86.96 })).toBe(
      'exact count 20 of 23 khu dân cư = 86,96 %, as published',
    );
    expect(say({ kind: 'tally', tally: 'enterprises', published: '92,25 %', count: 9, rate: 92.25 })).toBe(
      'exact count 9 of 12 doanh nghiệp = 75,00 %: no integer total gives 92,25 %; closest, gap 17,25 pp',
    );
  });

  it('sums the other figures over the place', () => {
    expect(say({ kind: 'tally_certified_sum', tallies: ['agencies', 'schools'], published: '15', count: 15 })).toBe(
      'exact count 15 certified (cơ quan 6/6 = 100,00 %, nhà trường 9/9 = 100,00 %)',
    );
    expect(say({ kind: 'province_bodies', published: '50/55', count: 50, total: 55 })).toBe('exact count 50/55 in the province return');
    expect(say({ kind: 'models', published: '7', count: 7 })).toBe('exact count 7 models summed over 3 communes');
    expect(say({ kind: 'hot_spots', published: '1', count: 1 })).toBe('exact count 1 hot spots in 3 communes');
    expect(say({ kind: 'exemplary', published: '1', count: 1 })).toBe('exact count 1 exemplary (09169, certified)');
    expect(say({ kind: 'unit_count', unitTypes: ['Xã'], published: '2 xã', count: 2 })).toBe('the list has the same 2 communes');
    expect(say({ kind: 'unit_count', published: '4', count: 4 })).toBe('the list has 3 communes, not 4');
    expect(say({ kind: 'not_modelled', published: '12 nguồn tin', reason: 'tips are not in the schema' })).toBe('not modelled: tips are not in the schema');
  });

  it('heads each line with the seed, the place and the year', () => {
    const figures: SeedFigure[] = [{ kind: 'models', published: '7 mô hình', count: 7 }];
    expect(reportEntry({ ...place, entry: { ...entry, figures } }, rows, returns)).toEqual([
      '002 Bắc Ninh (province 27) 2023 · 7 mô hình → exact count 7 models summed over 3 communes',
    ]);
  });
});
