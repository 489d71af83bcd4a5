import { afterEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/domain/types.js';
import { StoreWriteError } from './errors.js';
import type { Store } from './store.js';
import type { Row } from '../../test/support/importFixture.js';
import { REF, batch, row, unit } from '../../test/support/storeFixture.js';
import { emptyStore, KINDS, kindSkip, type Kind } from '../../test/support/databases.js';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
async function empty(kind: Kind): Promise<Store> {
  const s = await emptyStore(kind);
  stores.push(s);
  return s;
}
async function freshOf(kind: Kind): Promise<Store> {
  const s = await empty(kind);
  await s.replaceReference(REF);
  return s;
}
/** Everything a failed write must leave as it was. */
async function snapshot(s: Store) {
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

for (const kind of KINDS) describe.skipIf(kindSkip(kind))(`the store contract on ${kind}`, () => {
  const fresh = () => freshOf(kind);

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

  describe('identity', () => {
    it('is given to each new database, is not the version, and holds across writes', async () => {
      const [s, t] = [await fresh(), await fresh()];
      const id = await s.identity();
      // A random id (for a file, with the file it is in: server/store/sqlite.test.ts).
      expect(id).toMatch(/^[0-9a-f]{24}(\.[0-9a-z]+\.[0-9a-z]+)?$/);
      // Two databases made from nothing count the same versions: only the identity tells them apart.
      expect(await t.version()).toBe(await s.version());
      expect(await t.identity()).not.toBe(id);
      await s.writeBatch(batch('sample', [row('10001', 2023)]));
      await s.replaceOrigin('sample', [batch('sample', [row('10001', 2024)])]);
      expect(await s.identity()).toBe(id);
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

    it('stores a figure not reported as null and reads it back as null, never 0 (rows, history, year cache)', async () => {
      const s = await fresh();
      const partial = row('10001', 2023, { residential: null, agencies: null, enterprises: { total: 0, certified: 0 }, schools: null, models: null, keyArea: null, hotSpot: null, exemplary: null });
      await s.writeBatch(batch('import', [partial, row('10002', 2023, { models: 0, keyArea: true })]));
      const [a, b] = await s.assessments('pre2025', 2023);
      expect(a).toMatchObject({ residential: null, agencies: null, enterprises: { total: 0, certified: 0 }, schools: null, models: null, keyArea: null, hotSpot: null, exemplary: null });
      expect(b).toMatchObject({ models: 0, keyArea: true, hotSpot: false, exemplary: false });
      expect((await s.assessments('pre2025', 2023, '01'))[0]).toEqual(a);
      expect((await s.history('pre2025', ['10001']))[0]).toEqual(a);
      const raw = await s.sql.get<Record<string, unknown>>("SELECT rd_total, rd_certified, models, key_area FROM assessments WHERE commune_code = '10001'");
      expect(raw).toEqual({ rd_total: null, rd_certified: null, models: null, key_area: null });
      // A pair is reported whole or not at all.
      await expect(s.sql.run("UPDATE assessments SET rd_total = 5 WHERE commune_code = '10001'")).rejects.toThrow(/residential_(counts|reported)/);
      const notAPair = row('10003', 2023, { schools: { total: null, certified: 1 } as never });
      await expect(s.writeBatch(batch('import', [notAPair]))).rejects.toBeInstanceOf(StoreWriteError);
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

  describe('a country-sized year', () => {
    it('reads one year of ~10,000 communes, whole or by province, the same each time', async () => {
      const s = await empty(kind);
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

  describe('transactions', () => {
    const users = async (s: Store) => (await s.sql.all<{ name: string }>('SELECT name FROM users ORDER BY name')).map((u) => u.name);
    const addUser = (tx: { run: Store['sql']['run'] }, name: string) =>
      tx.run("INSERT INTO users (name, role, province_code, password_hash, disabled, created_at) VALUES (?, 'viewer', NULL, 'h', 0, ?)", [name, new Date().toISOString()]);

    it('commits figures and other tables together, bumping the version only when figures changed', async () => {
      const s = await fresh();
      const v0 = await s.version();
      const id = await s.withTransaction(async (tx) => {
        const batchId = await tx.insertBatch(batch('import', [row('10001', 2023)]));
        await addUser(tx, 'mot');
        return batchId;
      });
      expect(await s.version()).toBe(v0 + 1);
      expect((await s.assessments('pre2025', 2023))[0].batchId).toBe(id);
      await s.withTransaction((tx) => addUser(tx, 'hai'));
      expect(await s.version()).toBe(v0 + 1);
      expect(await users(s)).toEqual(['hai', 'mot']);
      // figures changed by plain SQL count too
      await s.withTransaction(async (tx) => {
        await tx.run('UPDATE assessments SET models = models + 1 WHERE batch_id = ?', [id]);
        tx.figuresChanged();
      });
      expect(await s.version()).toBe(v0 + 2);
      expect((await s.assessments('pre2025', 2023))[0].models).toBe(row('10001', 2023).models! + 1);
    });

    it('rolls back whole on any error, and passes the error on (store errors as StoreWriteError)', async () => {
      const s = await fresh();
      const before = { ...(await snapshot(s)), users: await users(s) };
      class Refused extends Error {}
      await expect(
        s.withTransaction(async (tx) => {
          await tx.insertBatch(batch('import', [row('10001', 2023)]));
          await addUser(tx, 'mot');
          throw new Refused('no');
        }),
      ).rejects.toBeInstanceOf(Refused);
      expect({ ...(await snapshot(s)), users: await users(s) }).toEqual(before);
      const err = await s
        .withTransaction(async (tx) => {
          await addUser(tx, 'mot');
          await addUser(tx, 'mot');
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreWriteError);
      await expect(s.withTransaction((tx) => tx.insertBatch(batch('import', [row('55555', 2023)])))).rejects.toThrow(/55555 is not a commune/);
      expect({ ...(await snapshot(s)), users: await users(s) }).toEqual(before);
      // the store still works after a failed transaction
      await s.withTransaction((tx) => addUser(tx, 'ba'));
      expect(await users(s)).toEqual(['ba']);
    });

    it('serialises concurrent transactions: each sees the one before it committed', async () => {
      const s = await fresh();
      // Each reads how many users there are and adds the next: interleaved, two would pick the same name.
      const next = () =>
        s.withTransaction(async (tx) => {
          const { n } = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM users'))!;
          await new Promise((r) => setImmediate(r));
          await addUser(tx, `u${n}`);
          return n;
        });
      const got = await Promise.all([next(), next(), next(), next()]);
      expect([...got].sort()).toEqual([0, 1, 2, 3]);
      expect(await users(s)).toEqual(['u0', 'u1', 'u2', 'u3']);
    });

    it('reads in one snapshot agree, whatever commits meanwhile', async () => {
      const s = await fresh();
      await s.writeBatch(batch('sample', [row('10001', 2023)]));
      let write: Promise<number> | undefined;
      const seen = await s.snapshot(async (r) => {
        const v = await r.version();
        const before = await r.assessments('pre2025', 2023);
        write = s.writeBatch(batch('import', [row('10001', 2023, { models: 9 }), row('10002', 2023)]));
        // On PostgreSQL the write commits beside the snapshot; SQLite queues it after the snapshot.
        if (s.dialect === 'postgres') await write;
        return { v, before, after: await r.assessments('pre2025', 2023), batches: (await r.batches()).length, v2: await r.version() };
      });
      await write;
      expect(seen.after).toEqual(seen.before);
      expect(seen.v2).toBe(seen.v);
      expect(seen.batches).toBe(1);
      expect(await s.version()).toBe(seen.v + 1);
      expect((await s.assessments('pre2025', 2023)).map((a) => a.models)).toEqual([9, 2]);
    });

    it('runs the same SQL on both: named rows, RETURNING, counts as numbers', async () => {
      const s = await fresh();
      const got = await s.withTransaction((tx) => tx.get<{ id: number; name: string }>("INSERT INTO decks (name, owner, created_at, updated_at) VALUES (?, 'a', 'x', 'x') RETURNING id, name", ['Bộ “một”']));
      expect(got).toEqual({ id: expect.any(Number), name: 'Bộ “một”' });
      expect(await s.sql.get('SELECT count(*) AS n FROM decks')).toEqual({ n: 1 });
      expect(await s.sql.run('UPDATE decks SET name = ? WHERE id = ?', ['hai', got!.id])).toBe(1);
      expect(await s.sql.all("SELECT name FROM decks WHERE name = '?'")).toEqual([]);
    });
  });
});
