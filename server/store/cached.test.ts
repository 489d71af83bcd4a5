import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REF, batch, row } from '../../test/support/storeFixture.js';
import { cachedStore, polledVersion, type VersionSource } from './cached.js';
import { openUncachedSqliteStore } from './sqlite.js';
import type { Store, StoreReads } from './store.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** `inner` with a count of the assessments reads that reach it (the database), and their province filters. */
function counted(inner: Store) {
  const reads: (string | undefined)[] = [];
  const count =
    (r: StoreReads): StoreReads['assessments'] =>
    (...a) => (reads.push(a[2]), r.assessments(...a));
  const store: Store = Object.assign(Object.create(inner) as Store, {
    assessments: count(inner),
    snapshot: <T>(fn: (r: StoreReads) => Promise<T>) => inner.snapshot((r) => fn({ ...r, assessments: count(r) })),
  });
  return { store, reads };
}

/** A version source that moves only when told: another process's write is seen when the test says so. */
function manual(read: () => Promise<number>): VersionSource & { refresh(): Promise<void> } {
  let value = 0;
  let stale = true;
  return {
    async current() {
      if (stale) [value, stale] = [await read(), false];
      return value;
    },
    wrote() {
      stale = true;
    },
    async refresh() {
      value = await read();
    },
  };
}

/** Two stores on one file, as two processes would have: a writer, and the uncached store under test's decorator. */
function twoOnOneFile() {
  const dir = mkdtempSync(join(tmpdir(), 'antq-cached-'));
  const path = join(dir, 'antq.sqlite');
  const other = openUncachedSqliteStore(path);
  const inner = openUncachedSqliteStore(path);
  const { store: countedInner, reads } = counted(inner);
  const source = manual(() => inner.version());
  const store = cachedStore(countedInner, source);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }), () => other.close(), () => store.close());
  return { other, store, reads, source };
}

describe('cachedStore', () => {
  it('reads a whole year from the database once per version, and serves its provinces from memory', async () => {
    const { store, reads } = twoOnOneFile();
    await store.replaceReference(REF);
    await store.writeBatch(batch('import', [row('10001', 2023, { models: 1 }), row('10002', 2023)]));
    // A province first, with nothing in memory: the database filters it.
    expect((await store.assessments('pre2025', 2023, '01')).map((a) => a.communeCode)).toEqual(['10001', '10002']);
    expect(reads).toEqual(['01']);
    const whole = await store.assessments('pre2025', 2023);
    expect(whole.map((a) => a.models)).toEqual([1, 2]);
    expect(await store.assessments('pre2025', 2023)).toEqual(whole);
    expect(await store.assessments('pre2025', 2023, '01')).toEqual(whole);
    expect(await store.assessments('pre2025', 2023, '02')).toEqual([]);
    expect(reads).toEqual(['01', undefined]);
    expect(Object.isFrozen(whole[0]) && Object.isFrozen(whole[0].residential)).toBe(true);
    whole.pop(); // the caller's own array
    expect(await store.assessments('pre2025', 2023)).toHaveLength(2);
  });

  it("sees its own writes at once, another process's when the version source says so", async () => {
    const { other, store, reads, source } = twoOnOneFile();
    await store.replaceReference(REF);
    await store.writeBatch(batch('import', [row('10001', 2023, { models: 1 })]));
    expect((await store.assessments('pre2025', 2023)).map((a) => a.models)).toEqual([1]);
    await store.writeBatch(batch('import', [row('10001', 2023, { models: 2 })]));
    expect((await store.assessments('pre2025', 2023)).map((a) => a.models)).toEqual([2]);
    expect(reads).toHaveLength(2);

    await other.writeBatch(batch('import', [row('10001', 2023, { models: 3 })]));
    // Until the source learns of the other write, the year read at the last known version is served.
    expect((await store.assessments('pre2025', 2023)).map((a) => a.models)).toEqual([2]);
    await source.refresh();
    expect(await store.version()).toBe(await other.version());
    expect((await store.assessments('pre2025', 2023)).map((a) => a.models)).toEqual([3]);
    expect(reads).toHaveLength(3);
  });

  it('serves a snapshot only what is of its own version', async () => {
    const { other, store, reads } = twoOnOneFile();
    await store.replaceReference(REF);
    await store.writeBatch(batch('import', [row('10001', 2023, { models: 1 })]));
    await store.assessments('pre2025', 2023);
    // Same version inside the snapshot: from memory.
    expect(await store.snapshot(async (r) => (await r.assessments('pre2025', 2023)).map((a) => a.models))).toEqual([1]);
    expect(reads).toHaveLength(1);
    await other.writeBatch(batch('import', [row('10001', 2023, { models: 5 })]));
    // The snapshot sees the other write; the year in memory is of an older version, so it reads the database.
    expect(await store.snapshot(async (r) => (await r.assessments('pre2025', 2023)).map((a) => a.models))).toEqual([5]);
    expect(reads).toHaveLength(2);
  });

  it('tells the version source of every write, failed ones included (a rollback may still have changed nothing)', async () => {
    const { store, source } = twoOnOneFile();
    let told = 0;
    const wrote = source.wrote.bind(source);
    source.wrote = () => (told++, wrote());
    await store.replaceReference(REF);
    await store.writeBatch(batch('import', [row('10001', 2023)]));
    await expect(store.writeBatch(batch('import', [row('99999', 2023)]))).rejects.toThrow(/99999/);
    await store.withTransaction(async (tx) => tx.figuresChanged());
    await store.withKeyedTransaction(['k'], async () => undefined); // writes no figures
    expect(told).toBe(4);
  });
});

describe('polledVersion', () => {
  it('reads again after the interval, or at once after a write of this process', async () => {
    let v = 1;
    let reads = 0;
    const read = async () => (reads++, v);
    const never = polledVersion(read, Infinity);
    expect(await never.current()).toBe(1);
    v = 2;
    expect(await never.current()).toBe(1); // another process's write: not within an endless interval
    never.wrote();
    expect(await never.current()).toBe(2);
    expect(reads).toBe(2);
    const always = polledVersion(read, 0);
    v = 3;
    expect(await always.current()).toBe(3);
    v = 4;
    expect(await always.current()).toBe(4);
  });

  it('does not let a read begun before a write stand for after it', async () => {
    let v = 1;
    const pending: (() => void)[] = [];
    // Each read sees the database as it is when the read begins, and answers later.
    const source = polledVersion(() => {
      const seen = v;
      return new Promise<number>((r) => pending.push(() => r(seen)));
    }, Infinity);
    const early = source.current();
    v = 2;
    source.wrote(); // this process committed version 2 while the read was out
    pending.shift()!();
    expect(await early).toBe(1);
    const after = source.current();
    expect(pending).toHaveLength(1); // read again: the early answer does not stand for after the write
    pending.shift()!();
    expect(await after).toBe(2);
  });
});
