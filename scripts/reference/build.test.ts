import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config.js';
import { buildReference, SOURCE_FILES } from './build.js';
import { checkPopulations2025 } from './crosswalk.js';
import { normaliseName, splitTypePrefix } from './fields.js';
import type { CrosswalkLink, Unit } from '../../shared/domain/types.js';
import { CsvError } from '../../shared/lib/csv.js';
import { loadReference, readSourceTexts, SourceFileError } from './load.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'reference');

describe('names', () => {
  it('splits the unit type off a name, case-insensitively', () => {
    const types = ['Thị trấn', 'Phường', 'Xã'];
    expect(splitTypePrefix('Phường Phúc Xá', types)).toEqual({ type: 'Phường', name: 'Phúc Xá', fullName: 'Phường Phúc Xá' });
    expect(splitTypePrefix('Thị Trấn Ái Tử', types)).toEqual({ type: 'Thị trấn', name: 'Ái Tử', fullName: 'Thị trấn Ái Tử' });
    expect(splitTypePrefix('Xã  Hòa   Long ', types)).toEqual({ type: 'Xã', name: 'Hòa Long', fullName: 'Xã Hòa Long' });
    expect(splitTypePrefix('Phường 5', types)).toEqual({ type: 'Phường', name: 'Phường 5', fullName: 'Phường 5' });
    expect(splitTypePrefix('Thành Phố Bắc Kạn', ['Thành phố', 'Huyện'])?.fullName).toBe('Thành phố Bắc Kạn');
    expect(splitTypePrefix('Huyện', ['Huyện'])).toBeUndefined();
    expect(splitTypePrefix('Làng X', types)).toBeUndefined();
  });

  it('normalises names for matching', () => {
    expect(normaliseName('ThừaThiênHuế')).toBe('thuathienhue');
    expect(normaliseName('Bà Rịa - Vũng Tàu')).toBe('bariavungtau');
    expect(normaliseName('Đắk Lắk')).toBe('daklak');
  });
});

describe('buildReference on the fixture', () => {
  const { reference, notes } = loadReference(FIXTURE);
  const unit = (vintage: string, code: string) => reference.units.find((u) => u.vintage === vintage && u.code === code);

  it('reads the 2025 units', () => {
    expect(unit('2025', '24')).toEqual({
      vintage: '2025', code: '24', level: 'province', name: 'Bắc Ninh', fullName: 'Tỉnh Bắc Ninh', type: 'Tỉnh',
      provinceCode: '24', districtCode: null, population: 300000, areaKm2: 90.25,
    });
    expect(unit('2025', '09998')).toEqual({
      vintage: '2025', code: '09998', level: 'commune', name: 'Tiên Du', fullName: 'Xã Tiên Du', type: 'Xã',
      provinceCode: '24', districtCode: null, population: null, areaKm2: 60,
    });
    expect(unit('2025', '26732')?.type).toBe('Đặc khu');
    expect(reference.units.filter((u) => u.vintage === '2025')).toHaveLength(3 + 5);
  });

  it('reads the pre-2025 units, stripping the type prefix', () => {
    expect(unit('pre2025', '01')).toMatchObject({ name: 'Hà Nội', fullName: 'Thành phố Hà Nội', type: 'Thành phố', level: 'province' });
    expect(unit('pre2025', '27')).toMatchObject({ name: 'Bắc Ninh', fullName: 'Tỉnh Bắc Ninh', type: 'Tỉnh' });
    expect(unit('pre2025', '256')).toMatchObject({ name: 'Bắc Ninh', fullName: 'Thành phố Bắc Ninh', type: 'Thành phố', level: 'district', provinceCode: '27', districtCode: null });
    expect(unit('pre2025', '00001')).toEqual({
      vintage: 'pre2025', code: '00001', level: 'commune', name: 'Phúc Xá', fullName: 'Phường Phúc Xá', type: 'Phường',
      provinceCode: '01', districtCode: '001', population: 21946, areaKm2: null,
    });
    expect(unit('pre2025', '09172')).toMatchObject({ name: 'Lim', fullName: 'Thị trấn Lim', type: 'Thị trấn' });
    // the name says Phường, the type column Xã: the name wins, and it is noted
    expect(unit('pre2025', '00006')).toMatchObject({ name: 'Phường 5', fullName: 'Phường 5', type: 'Phường' });
    expect(notes.some((n) => n.includes('00006 "Phường 5" typed Xã'))).toBe(true);
  });

  it('derives populations: census by code, districts when complete, provinces from census totals', () => {
    expect(unit('pre2025', '09178')?.population).toBeNull(); // no census row
    expect(unit('pre2025', '001')?.population).toBe(21946 + 8000 + 12000);
    expect(unit('pre2025', '256')?.population).toBeNull(); // Kim Chân unknown
    expect(unit('pre2025', '755')?.population).toBeNull(); // island district: no communes
    expect(unit('pre2025', '01')?.population).toBe(21946 + 8000 + 12000 + 500); // incl. the unmatched census ward
    expect(unit('pre2025', '27')?.population).toBe(15000 + 11000 + 9000);
    expect(unit('pre2025', '77')?.population).toBe(8827); // matched by name only
    expect(notes.some((n) => n.includes('"BàRịa-VũngTàu" has no matched commune; matched to 77'))).toBe(true);
  });

  it('builds the crosswalk: re-codes, area weights, drops obsolete codes, keeps island districts', () => {
    const links = reference.crosswalk;
    expect(links.find((l) => l.oldCode === '09172')).toEqual({ oldCode: '09172', newCode: '09998', relation: 'full', weight: 1 });
    const split = links.filter((l) => l.oldCode === '00006');
    expect(split.map((l) => l.newCode)).toEqual(['00004', '00008']);
    expect(split[0].weight).toBeCloseTo(10.5 / 30.5, 12);
    expect(split[1].weight).toBeCloseTo(20 / 30.5, 12);
    const hoaLong = links.filter((l) => l.oldCode === '09175');
    expect(hoaLong.map((l) => [l.newCode, l.relation])).toEqual([['09187', 'partial'], ['09998', 'partial']]);
    expect(hoaLong[0].weight).toBeCloseTo(30.25 / 90.25, 12);
    expect(links.some((l) => l.oldCode === '07693')).toBe(false);
    expect(links.find((l) => l.oldCode === '755')).toEqual({ oldCode: '755', newCode: '26732', relation: 'full', weight: 1 });
    const sums = new Map<string, number>();
    for (const l of links) sums.set(l.oldCode, (sums.get(l.oldCode) ?? 0) + l.weight);
    for (const s of sums.values()) expect(s).toBeCloseTo(1, 12);
    expect(notes.some((n) => n.includes('dropped the links of 1 old codes') && n.includes('07693'))).toBe(true);
  });
});

describe('checkPopulations2025', () => {
  const commune = (vintage: Unit['vintage'], code: string, population: number | null): Unit => ({
    vintage, code, level: 'commune', name: code, fullName: `Xã ${code}`, type: 'Xã', provinceCode: '01', districtCode: null, population, areaKm2: 100,
  });
  const old = [commune('pre2025', '00001', 6000), commune('pre2025', '00002', 4000), commune('pre2025', '00003', null), commune('pre2025', '00004', 8000)];
  const links: CrosswalkLink[] = [
    { oldCode: '00001', newCode: '10001', relation: 'full', weight: 1 },
    { oldCode: '00002', newCode: '10001', relation: 'partial', weight: 0.5 },
    { oldCode: '00002', newCode: '10002', relation: 'partial', weight: 0.5 },
    { oldCode: '00003', newCode: '10003', relation: 'full', weight: 1 },
    { oldCode: '00004', newCode: '10003', relation: 'full', weight: 1 },
  ];

  it('replaces a slip by the census count of the same land, drops one it cannot estimate, keeps the rest', () => {
    const notes: string[] = [];
    // 10001: census 6,000 + half of 4,000 = 8,000; 5 residents is a slip. 10002: 2,000 → 1,900 is plausible.
    // 10003: one predecessor unknown, the known one alone has 8,000: 40 is dropped.
    const out = checkPopulations2025([commune('2025', '10001', 5), commune('2025', '10002', 1900), commune('2025', '10003', 40), commune('2025', '10004', 7)], old, links, notes);
    expect(out.map((u) => u.population)).toEqual([8000, 1900, null, 7]);
    expect(notes).toEqual([
      '2025 commune population: 1 figures under 25 % of the 2019 census count of their land replaced by that count, e.g. Xã 10001 (10001) 5 → 8000',
      '2025 commune population: 1 figures under 25 % of the census count of their known predecessors alone dropped (no data), e.g. Xã 10003 (10003) 40 (census ≥ 8000)',
    ]);
  });

  it('keeps a figure at a quarter of the census count or more', () => {
    const notes: string[] = [];
    expect(checkPopulations2025([commune('2025', '10001', 2000)], old, links, notes)[0].population).toBe(2000);
    expect(notes).toEqual([]);
  });
});

describe('errors name the file and the line', () => {
  const texts = readSourceTexts(FIXTURE);
  const withText = (key: keyof typeof SOURCE_FILES, edit: (s: string) => string) => () => buildReference({ ...texts, [key]: edit(texts[key]) });

  it.each([
    ['a type the official list does not give', 'communes2025', (s: string) => s.replace('00004,Ba Đình,Phường Ba Đình,Phường', '00004,Ba Đình,Xã Ba Đình,Xã'), /unit types: .*commune 00004 \(Xã Ba Đình\) is typed "Xã", but 1027\/CTK-CSCL lists "Phường Ba Đình"/],
    ['a bad quote', 'communes2025', (s: string) => s.replace('"Số 2,', '"Số 2"x,'), /units\/2025\/communes\.csv line 2: unexpected character/],
    ['a missing column', 'communesPre2025', (s: string) => s.replace('district_code', 'district'), /units\/pre2025\/communes\.csv line 1: missing column "district_code"/],
    ['a bad code', 'communesPre2025', (s: string) => s.replace('09178,', '9178,'), /units\/pre2025\/communes\.csv line 8: column "code": "9178" is not a 5-digit code/],
    ['a bad number', 'communes2025', (s: string) => s.replace(',60,60.1,', ',sixty,60.1,'), /units\/2025\/communes\.csv line 6: column "area_km2_polygon_geodesic": "sixty"/],
    ['an unknown district', 'communesPre2025', (s: string) => s.replace('09178,Xã Kim Chân,Xã,256', '09178,Xã Kim Chân,Xã,257'), /line 8: district_code 257 is not in units\/pre2025\/districts\.csv/],
    ['a duplicate code', 'districtsPre2025', (s: string) => s + '001,Quận Hai,Quận,01,x,,1,yes\n', /districts\.csv line 5: duplicate code 001 \(first on line 2\)/],
    ['a name without type', 'provincesPre2025', (s: string) => s.replace('Tỉnh Bắc Ninh,Tỉnh', 'Bắc Ninh,Tỉnh'), /provinces\.csv line 3: name "Bắc Ninh" does not start/],
    ['a link to no 2025 commune', 'crosswalk', (s: string) => s.replace('09178,Xã Kim Chân,27,256,09187', '09178,Xã Kim Chân,27,256,09186'), /communes_old_to_new\.csv line 10: new_code 09186 is not a 2025 commune/],
    ['a commune without link', 'crosswalk', (s: string) => s.split('\n').filter((l) => !l.startsWith('09178')).join('\n'), /communes_old_to_new\.csv: 1 communes of the 30\/06\/2025 list have no link \(09178\)/],
    ['a bad relation', 'crosswalk', (s: string) => s.replace('09178,Xã Kim Chân,27,256,09187,Phường Kinh Bắc,24,full', '09178,Xã Kim Chân,27,256,09187,Phường Kinh Bắc,24,whole'), /line 10: relation "whole"/],
  ] as const)('%s', (_name, key, edit, message) => {
    const run = withText(key, edit);
    expect(run).toThrow(CsvError);
    expect(run).toThrow(message);
  });

  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('a missing file or source dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-ref-'));
    dirs.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    unlinkSync(join(dir, SOURCE_FILES.census2019));
    expect(() => loadReference(dir)).toThrow(SourceFileError);
    expect(() => loadReference(dir)).toThrow(/missing source file .*population\/2019\/census2019_ward_population\.csv/);
    expect(() => loadReference(join(dir, 'nope'))).toThrow(/source dir .*nope does not exist/);
  });

  it('a malformed file on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-ref-'));
    dirs.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    const path = join(dir, SOURCE_FILES.districtsPre2025);
    writeFileSync(path, readFileSync(path, 'utf8') + '999,"Huyện X\n');
    expect(() => loadReference(dir)).toThrow(/units\/pre2025\/districts\.csv line 5: unterminated quoted field/);
  });
});
