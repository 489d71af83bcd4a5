import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Unit } from '../domain/types.js';
import { MIGRATIONS, migrate } from './migrations.js';
import { StoreWriteError } from './errors.js';
import { openMemoryStore, openSqliteStore, VERSION_RECHECK_MS, type SqliteStore } from './sqlite.js';
import type { BatchWrite, Reference } from './store.js';
import { sampleRow, type Row } from '../../test/support/importFixture.js';

const unit = (u: Partial<Unit> & Pick<Unit, 'vintage' | 'code' | 'level' | 'provinceCode'>): Unit => ({
  name: `U${u.code}`,
  fullName: `Unit U${u.code}`,
  type: u.level === 'province' ? 'Tỉnh' : u.level === 'district' ? 'Huyện' : 'Xã',
  districtCode: null,
  population: 1000,
  areaKm2: null,
  ...u,
});

const REF: Reference = {
  units: [
    unit({ vintage: '2025', code: '01', level: 'province', provinceCode: '01' }),
    unit({ vintage: '2025', code: '02', level: 'province', provinceCode: '02' }),
    unit({ vintage: '2025', code: '00001', level: 'commune', provinceCode: '01', areaKm2: 10 }),
    unit({ vintage: '2025', code: '00002', level: 'commune', provinceCode: '02', areaKm2: 30, population: null }),
    unit({ vintage: 'pre2025', code: '01', level: 'province', provinceCode: '01' }),
    unit({ vintage: 'pre2025', code: '001', level: 'district', provinceCode: '01' }),
    unit({ vintage: 'pre2025', code: '009', level: 'district', provinceCode: '01' }), // island district, no communes
    unit({ vintage: 'pre2025', code: '10001', level: 'commune', provinceCode: '01', districtCode: '001' }),
    unit({ vintage: 'pre2025', code: '10002', level: 'commune', provinceCode: '01', districtCode: '001' }),
    unit({ vintage: 'pre2025', code: '10003', level: 'commune', provinceCode: '01', districtCode: '001' }),
  ],
  crosswalk: [
    { oldCode: '10001', newCode: '00001', relation: 'full', weight: 1 },
    { oldCode: '10002', newCode: '00001', relation: 'partial', weight: 0.25 },
    { oldCode: '10002', newCode: '00002', relation: 'partial', weight: 0.75 },
    { oldCode: '10003', newCode: '00002', relation: 'full', weight: 1 },
    { oldCode: '009', newCode: '00002', relation: 'full', weight: 1 },
  ],
};

const row = sampleRow;
const batch = (origin: BatchWrite['origin'], assessments: Row[], provinceReturns: BatchWrite['provinceReturns'] = []): BatchWrite => ({
  origin,
  source: `${origin} test`,
  note: 'test',
  assessments,
  provinceReturns,
});

const stores: SqliteStore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function fresh(): Promise<SqliteStore> {
  const s = openMemoryStore();
  stores.push(s);
  await s.replaceReference(REF);
  return s;
}
/** Everything a failed write must leave as it was. */
async function snapshot(s: SqliteStore) {
  const years = await s.years('pre2025');
  return {
    version: await s.version(),
    counts: await s.counts(),
    batches: await s.batches(),
    rows: await Promise.all(years.map((y) => s.assessments('pre2025', y))),
    units: await s.units('pre2025'),
    crosswalk: await s.crosswalk(),
  };
}

describe('migrations', () => {
  it('creates the folder, uses WAL, records each step once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-store-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'antq.sqlite');
    const s = openSqliteStore(path);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    await s.replaceReference(REF);
    await s.close();

    const again = openSqliteStore(path);
    stores.push(again);
    const applied = again.db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
    expect(applied).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await again.units('pre2025')).toHaveLength(6);
  });

  it('applies only pending steps, and refuses a database from newer code', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(migrate(db)).toEqual([]);
    const next = MIGRATIONS.at(-1)!.id + 1;
    const extra = [...MIGRATIONS, { id: next, name: 'later', sql: 'CREATE TABLE later (id INTEGER PRIMARY KEY, batch_id INTEGER REFERENCES batches(id))' }];
    expect(migrate(db, extra)).toEqual([next]);
    expect(() => migrate(db)).toThrow(new RegExp(`migrations ${next}`));
    db.close();
  });

  it('rolls a failing step back whole', () => {
    const db = new Database(':memory:');
    const bad = [...MIGRATIONS, { id: MIGRATIONS.at(-1)!.id + 1, name: 'bad', sql: 'CREATE TABLE t2 (x); CREATE TABLE units (x);' }];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('t2', 'units')").pluck().get()).toBe(0);
    db.close();
  });
});

describe('reference', () => {
  it('stores units and crosswalk, with filters', async () => {
    const s = await fresh();
    expect((await s.units('2025')).map((u) => u.code)).toEqual(['00001', '00002', '01', '02']);
    expect((await s.units('2025', { level: 'commune' })).map((u) => u.code)).toEqual(['00001', '00002']);
    expect((await s.units('2025', { provinceCode: '02' })).map((u) => u.code)).toEqual(['00002', '02']);
    expect((await s.units('pre2025', { level: 'commune', provinceCode: '01' })).map((u) => u.code)).toEqual(['10001', '10002', '10003']);
    expect(await s.unit('2025', '00002')).toEqual(REF.units[3]);
    expect(await s.unit('pre2025', '10001')).toEqual(REF.units[7]);
    expect(await s.unit('2025', '99999')).toBeUndefined();
    expect(await s.crosswalk()).toEqual([...REF.crosswalk].sort((a, b) => (a.oldCode + a.newCode).localeCompare(b.oldCode + b.newCode)));
  });

  it('replaces the reference whole, keeps assessments, and rejects bad links', async () => {
    const s = await fresh();
    await s.writeBatch(batch('import', [row('10001', 2023)]));
    const before = await snapshot(s);
    await expect(
      s.replaceReference({ units: REF.units, crosswalk: [{ oldCode: '10001', newCode: '77777', relation: 'full', weight: 1 }] }),
    ).rejects.toThrow(/77777/);
    expect(await snapshot(s)).toEqual(before);
    const dup = { units: [...REF.units, REF.units[0]], crosswalk: [] };
    await expect(s.replaceReference(dup)).rejects.toBeInstanceOf(StoreWriteError);
    expect(await snapshot(s)).toEqual(before);

    // moving a commune to another province updates the stored province of its assessments
    const moved = REF.units.map((u) => (u.code === '10001' && u.vintage === 'pre2025' ? { ...u, provinceCode: '02' } : u));
    await s.replaceReference({ units: [...moved, unit({ vintage: 'pre2025', code: '02', level: 'province', provinceCode: '02' })], crosswalk: REF.crosswalk });
    expect(await s.assessments('pre2025', 2023, '02')).toHaveLength(1);
    expect(await s.assessments('pre2025', 2023, '01')).toHaveLength(0);
  });
});

describe('batches', () => {
  it('writes and reads assessments, history, years, returns, batches; bumps the version', async () => {
    const s = await fresh();
    const v0 = await s.version();
    const id = await s.writeBatch(
      batch('sample', [row('10001', 2023), row('10002', 2023, { status: 'chua_dat', hotSpot: true }), row('10001', 2024), row('00001', 2025)], [
        { vintage: 'pre2025', provinceCode: '01', year: 2023, bodies: { total: 213, certified: 194 } },
      ]),
    );
    expect(await s.version()).toBe(v0 + 1);
    const got = await s.assessments('pre2025', 2023);
    expect(got.map((a) => a.communeCode)).toEqual(['10001', '10002']);
    expect(got[1]).toEqual({ ...row('10002', 2023, { status: 'chua_dat', hotSpot: true }), batchId: id });
    expect(await s.assessments('pre2025', 2023, '01')).toHaveLength(2);
    expect(await s.assessments('pre2025', 2023, '02')).toHaveLength(0);
    expect(await s.years('pre2025')).toEqual([2023, 2024]);
    expect(await s.years('2025')).toEqual([2025]);
    expect((await s.history('pre2025', ['10001', '10003'])).map((a) => `${a.communeCode}/${a.year}`)).toEqual(['10001/2023', '10001/2024']);
    expect(await s.history('pre2025', [])).toEqual([]);
    expect(await s.provinceReturns('pre2025', 2023)).toEqual([
      { vintage: 'pre2025', provinceCode: '01', year: 2023, bodies: { total: 213, certified: 194 }, batchId: id },
    ]);
    const [b] = await s.batches();
    expect(b).toMatchObject({ id, origin: 'sample', source: 'sample test', note: 'test' });
    expect(new Date(b.createdAt).toISOString()).toBe(b.createdAt);
  });

  it('accepts island districts (no communes) as assessable units, not ordinary districts', async () => {
    const s = await fresh();
    await s.writeBatch(batch('import', [row('009', 2024)]));
    expect(await s.assessments('pre2025', 2024, '01')).toHaveLength(1);
    await expect(s.writeBatch(batch('import', [row('001', 2024)]))).rejects.toThrow(/001 is not a commune/);
  });

  it('later rows replace earlier rows with the same key', async () => {
    const s = await fresh();
    await s.writeBatch(batch('import', [row('10001', 2023, { models: 1 }), row('10002', 2023)]));
    const id2 = await s.writeBatch(batch('import', [row('10001', 2023, { models: 7 })]));
    const rows = await s.assessments('pre2025', 2023);
    expect(rows.find((r) => r.communeCode === '10001')).toMatchObject({ models: 7, batchId: id2 });
    expect(rows).toHaveLength(2);
  });

  it('a sample row never replaces an imported one; an import replaces a sample row', async () => {
    const s = await fresh();
    const imp = await s.writeBatch(batch('import', [row('10001', 2023, { models: 5 })], [
      { vintage: 'pre2025', provinceCode: '01', year: 2023, bodies: { total: 10, certified: 9 } },
    ]));
    const smp = await s.writeBatch(batch('sample', [row('10001', 2023, { models: 1 }), row('10002', 2023, { models: 1 })], [
      { vintage: 'pre2025', provinceCode: '01', year: 2023, bodies: { total: 99, certified: 1 } },
    ]));
    let rows = await s.assessments('pre2025', 2023);
    expect(rows.map((r) => [r.communeCode, r.models, r.batchId])).toEqual([['10001', 5, imp], ['10002', 1, smp]]);
    expect((await s.provinceReturns('pre2025', 2023))[0].bodies.total).toBe(10);
    const imp2 = await s.writeBatch(batch('import', [row('10002', 2023, { models: 9 })]));
    rows = await s.assessments('pre2025', 2023);
    expect(rows.map((r) => [r.communeCode, r.models, r.batchId])).toEqual([['10001', 5, imp], ['10002', 9, imp2]]);
  });

  it('deleteOrigin removes only that origin, with its rows', async () => {
    const s = await fresh();
    await s.writeBatch(batch('import', [row('10001', 2023)]));
    await s.writeBatch(batch('sample', [row('10002', 2023), row('10003', 2022)], [
      { vintage: 'pre2025', provinceCode: '01', year: 2022, bodies: { total: 5, certified: 5 } },
    ]));
    const v = await s.version();
    await s.deleteOrigin('sample');
    expect(await s.version()).toBe(v + 1);
    expect((await s.assessments('pre2025', 2023)).map((r) => r.communeCode)).toEqual(['10001']);
    expect(await s.years('pre2025')).toEqual([2023]);
    expect(await s.provinceReturns('pre2025', 2022)).toEqual([]);
    expect((await s.batches()).map((b) => b.origin)).toEqual(['import']);
  });

  it('replaceOrigin swaps the sample atomically', async () => {
    const s = await fresh();
    await s.writeBatch(batch('sample', [row('10002', 2023)]));
    await s.writeBatch(batch('import', [row('10001', 2023)]));
    const ids = await s.replaceOrigin('sample', [batch('sample', [row('10003', 2023)]), batch('sample', [row('10003', 2024)])]);
    expect(ids).toHaveLength(2);
    expect((await s.assessments('pre2025', 2023)).map((r) => r.communeCode)).toEqual(['10001', '10003']);
    const before = await snapshot(s);
    await expect(s.replaceOrigin('sample', [batch('sample', [row('10001', 2020)]), batch('sample', [row('nope', 2020)])])).rejects.toThrow(/nope/);
    expect(await snapshot(s)).toEqual(before);
    await expect(s.replaceOrigin('sample', [batch('import', [])])).rejects.toThrow(/origin import/);
  });

  describe('a failing write leaves the database unchanged', () => {
    const bad: [string, Row[], RegExp][] = [
      ['certified > total', [row('10001', 2023), row('10002', 2023, { residential: { total: 3, certified: 4 } })], /residential_counts/],
      ['negative count', [row('10001', 2023), row('10002', 2023, { models: -1 })], /models_count/],
      ['unknown commune', [row('10001', 2023), row('55555', 2023)], /55555 is not a commune/],
      ['province as commune', [row('10001', 2023), row('01', 2023)], /01 is not a commune/],
      ['bad status', [row('10001', 2023), row('10002', 2023, { status: 'ok' as never })], /unknown status/],
      ['year outside its vintage', [row('10001', 2023), row('10002', 2025, { vintage: 'pre2025' })], /year_in_vintage/],
      ['2025 commune on the old map', [row('00001', 2023)], /00001 is not a commune of the pre2025/],
      ['duplicate key', [row('10001', 2023), row('10001', 2023)], /twice/],
      ['fractional count', [row('10001', 2023, { models: 1.5 })], /integers/],
    ];
    it.each(bad)('%s', async (_name, rows, message) => {
      const s = await fresh();
      await s.writeBatch(batch('import', [row('10003', 2020)]));
      const before = await snapshot(s);
      const err = await s.writeBatch(batch('import', rows)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreWriteError);
      expect((err as Error).message).toMatch(message);
      expect(await snapshot(s)).toEqual(before);
    });

    it('bad province return', async () => {
      const s = await fresh();
      const before = await snapshot(s);
      await expect(
        s.writeBatch(batch('import', [row('10001', 2023)], [{ vintage: 'pre2025', provinceCode: '01', year: 2023, bodies: { total: 1, certified: 2 } }])),
      ).rejects.toThrow(/bodies_counts/);
      await expect(
        s.writeBatch(batch('import', [row('10001', 2023)], [{ vintage: 'pre2025', provinceCode: '77', year: 2023, bodies: { total: 1, certified: 1 } }])),
      ).rejects.toThrow(/77 is not a province/);
      expect(await snapshot(s)).toEqual(before);
    });
  });
});

describe('year cache', () => {
  it('sees writes made through another connection, and hands out read-only rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-store-'));
    dirs.push(dir);
    const path = join(dir, 'antq.sqlite');
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    stores.push(a, b);
    await a.replaceReference(REF);
    await a.writeBatch(batch('import', [row('10001', 2023, { models: 1 })]));
    const first = await b.assessments('pre2025', 2023);
    expect(first[0].models).toBe(1);
    expect(Object.isFrozen(first[0]) && Object.isFrozen(first[0].residential)).toBe(true);
    first.pop(); // the returned array is the caller's own
    expect(await b.assessments('pre2025', 2023)).toHaveLength(1);
    await a.writeBatch(batch('import', [row('10001', 2023, { models: 4 }), row('10002', 2023)]));
    // b reads the version at most every VERSION_RECHECK_MS (a's own reads would see it at once).
    await new Promise((r) => setTimeout(r, VERSION_RECHECK_MS + 10));
    const second = await b.assessments('pre2025', 2023);
    expect(second.map((r) => r.models)).toEqual([4, 2]);
    expect((await b.assessments('pre2025', 2023, '01')).map((r) => r.communeCode)).toEqual(['10001', '10002']);
    expect(await b.assessments('pre2025', 2023, '02')).toEqual([]);
  });
});

describe('a country-sized year', () => {
  it('reads one year of ~10,000 communes, whole or by province, the same each time', async () => {
    const s = openMemoryStore();
    stores.push(s);
    const units: Unit[] = [];
    for (let p = 0; p < 63; p++) units.push(unit({ vintage: 'pre2025', code: String(p + 10).padStart(2, '0'), level: 'province', provinceCode: String(p + 10).padStart(2, '0') }));
    for (let k = 0; k < 10_035; k++) {
      const prov = String((k % 63) + 10).padStart(2, '0');
      units.push(unit({ vintage: 'pre2025', code: String(k + 1).padStart(5, '0'), level: 'commune', provinceCode: prov, districtCode: '999' }));
    }
    units.push(unit({ vintage: 'pre2025', code: '999', level: 'district', provinceCode: '10' }));
    await s.replaceReference({ units, crosswalk: [] });
    const communes = units.filter((u) => u.level === 'commune');
    const batches = [2022, 2023, 2024].map((y) => batch('sample', communes.map((u) => row(u.code, y))));
    await s.replaceOrigin('sample', batches);
    const cold = await s.assessments('pre2025', 2023);
    expect(cold).toHaveLength(10_035);
    // Cached: the same rows again (speed is the benchmark's business, not a test's).
    expect((await s.assessments('pre2025', 2023))[5000]).toBe(cold[5000]);
    const one = await s.assessments('pre2025', 2024, '27');
    expect(one.length).toBeGreaterThan(100);
    expect(one.every((a) => a.year === 2024)).toBe(true);
    expect(await s.years('pre2025')).toEqual([2022, 2023, 2024]);
  });
});
