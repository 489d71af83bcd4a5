import { afterEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/domain/types.js';
import { openMemoryStore, type SqliteStore } from '../store/sqlite.js';
import { SnapshotCache } from './snapshotCache.js';

const province = (code: string): Unit => ({ vintage: '2025', code, level: 'province', name: code, fullName: `Tỉnh ${code}`, type: 'Tỉnh', provinceCode: code, districtCode: null, population: null, areaKm2: null });
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
function setup() {
  const store = openMemoryStore();
  stores.push(store);
  let made = 0;
  const cache = new SnapshotCache(store);
  const count = () => cache.get('units', async ({ r }) => (made++, (await r.units('2025')).length));
  return { store, cache, count, made: () => made };
}

describe('the snapshot cache', () => {
  it('makes an entry once per data version, for concurrent callers too, and afresh once the store is written', async () => {
    const { store, count, made } = setup();
    expect(await Promise.all([count(), count()])).toEqual([0, 0]);
    expect(await count()).toBe(0);
    expect(made()).toBe(1);
    await store.replaceReference({ units: [province('01')], crosswalk: [] });
    expect(await count()).toBe(1);
    expect(made()).toBe(2);
  });

  it('forgets an entry whose making failed, so that the next call tries again', async () => {
    const { cache } = setup();
    let fail = true;
    const get = () => cache.get('flaky', () => (fail ? Promise.reject(new Error('boom')) : Promise.resolve('ok')));
    await expect(get()).rejects.toThrow('boom');
    fail = false;
    expect(await get()).toBe('ok');
  });

  it('reads nested entries on the caller’s snapshot and reuses those it finished', async () => {
    const { cache } = setup();
    let inner = 0;
    const nested = await cache.get('outer', async (x) => {
      const a = await cache.get('inner', () => Promise.resolve(++inner), x);
      const b = await cache.get('inner', () => Promise.resolve(++inner), x);
      return [a, b];
    });
    expect(nested).toEqual([1, 1]);
    expect(await cache.get('inner', () => Promise.resolve(++inner))).toBe(1);
  });
});
