// The store contract's keyed transactions (log-in attempts, sessions), on both databases: serialised on a shared
// key, and on PostgreSQL neither behind a write transaction (an import) nor behind other keys.
import { afterEach, describe, expect, it } from 'vitest';
import { StoreWriteError } from './errors.js';
import type { Store } from './store.js';
import { REF, batch, row } from '../../test/support/storeFixture.js';
import { emptyStore, KINDS, kindSkip } from '../../test/support/databases.js';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const users = async (s: Store) => (await s.sql.all<{ name: string }>('SELECT name FROM users ORDER BY name')).map((u) => u.name);
const addUser = (tx: { run: Store['sql']['run'] }, name: string) =>
  tx.run("INSERT INTO users (name, role, province_code, password_hash, disabled, created_at) VALUES (?, 'viewer', NULL, 'h', 0, ?)", [name, new Date().toISOString()]);

for (const kind of KINDS) describe.skipIf(kindSkip(kind))(`the store contract on ${kind}`, () => {
  const fresh = async () => {
    const s = await emptyStore(kind);
    stores.push(s);
    await s.replaceReference(REF);
    return s;
  };

  describe('keyed transactions (log-in bookkeeping)', () => {
    /** A transaction of `open` held open until release() is called; resolves `held` once it is inside. */
    const holding = <T>(open: (fn: () => Promise<void>) => Promise<T>) => {
      let release!: () => void;
      let inside!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const held = new Promise<void>((r) => (inside = r));
      const done = open(async () => {
        inside();
        await gate;
      });
      return { held, release, done };
    };
    /** `p`, or a failure naming `what` if it has not settled after a (generous) bound: the proof that it did not wait. */
    const unblocked = <T>(p: Promise<T>, what: string) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} waited for another transaction`)), 20_000).unref())]);

    it('serialise on a shared key: each sees the one before it committed; the data version does not move', async () => {
      const s = await fresh();
      const v0 = await s.version();
      const next = (keys: string[]) =>
        s.withKeyedTransaction(keys, async (tx) => {
          const { n } = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM users'))!;
          await new Promise((r) => setImmediate(r));
          await addUser(tx, `u${n}`);
          return n;
        });
      // Every pair shares one key with the others ('a' or 'b' and always 'x'), listed in either order.
      const got = await Promise.all([next(['a', 'x']), next(['x', 'b']), next(['x']), next(['b', 'x', 'a'])]);
      expect([...got].sort()).toEqual([0, 1, 2, 3]);
      expect(await users(s)).toEqual(['u0', 'u1', 'u2', 'u3']);
      expect(await s.version()).toBe(v0);
      // An error rolls back whole.
      await expect(s.withKeyedTransaction(['x'], async (tx) => (await addUser(tx, 'u9'), await addUser(tx, 'u9')))).rejects.toBeInstanceOf(StoreWriteError);
      expect(await users(s)).toEqual(['u0', 'u1', 'u2', 'u3']);
    });

    // SQLite has one writer, so there everything queues by design: these two are PostgreSQL's alone.
    const onPg = kind === 'postgres' ? it : ((() => undefined) as unknown as typeof it);

    onPg('on PostgreSQL, wait neither for a write transaction (an import) nor for other keys', async () => {
      const s = await fresh();
      const write = holding((wait) => s.withTransaction(async (tx) => (await tx.insertBatch(batch('import', [row('10001', 2023)])), await wait())));
      await write.held;
      const other = holding((wait) => s.withKeyedTransaction(['b'], wait));
      await other.held;
      await unblocked(s.withKeyedTransaction(['a', 'c'], (tx) => addUser(tx, 'trong-luc-nhap')), 'a keyed transaction');
      expect(await users(s)).toEqual(['trong-luc-nhap']);
      other.release();
      write.release();
      await Promise.all([other.done, write.done]);
      expect((await s.assessments('pre2025', 2023)).map((a) => a.communeCode)).toEqual(['10001']);
    });

    onPg('on PostgreSQL, run again when PostgreSQL aborts one as a deadlock (their rows locked in opposite order)', async () => {
      const s = await fresh();
      await s.withTransaction(async (tx) => (await addUser(tx, 'r1'), await addUser(tx, 'r2')));
      let aLocked!: () => void;
      let bLocked!: () => void;
      const aFirst = new Promise<void>((r) => (aLocked = r));
      const bFirst = new Promise<void>((r) => (bLocked = r));
      const runs = { a: 0, b: 0 };
      const touch = (tx: { run: Store['sql']['run'] }, name: string) => tx.run('UPDATE users SET disabled = 1 - disabled WHERE name = ?', [name]);
      const a = s.withKeyedTransaction(['a'], async (tx) => {
        runs.a++;
        await touch(tx, 'r1');
        aLocked();
        await bFirst;
        await touch(tx, 'r2');
      });
      const b = s.withKeyedTransaction(['b'], async (tx) => {
        runs.b++;
        await touch(tx, 'r2');
        bLocked();
        await aFirst;
        await touch(tx, 'r1');
      });
      await Promise.all([a, b]);
      expect(runs.a + runs.b).toBe(3);
      // Both committed once: each row flipped twice.
      expect(await s.sql.all('SELECT name, disabled FROM users ORDER BY name')).toEqual([{ name: 'r1', disabled: 0 }, { name: 'r2', disabled: 0 }]);
    });
  });
});
