// GET /api/version on a real (in-memory) store: what the open pages poll to learn that their figures are stale.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batch, REF, row } from '../../test/support/storeFixture.js';
import { createApp } from '../app.js';
import { paths } from '../config.js';
import { openMemoryStore } from '../store/sqlite.js';

describe('GET /api/version', () => {
  const store = openMemoryStore();
  const app = createApp({ store, geoDir: join(paths().buildDir, 'geo') });
  afterAll(() => store.close());

  it('says the data version, 304 while it holds, and moves on with each figure write', async () => {
    await store.replaceReference(REF);
    const first = await app.request('/api/version');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag')!;
    const { version, db } = (await first.json()) as { version: number; db: string };
    expect(version).toBe(await store.version());
    expect(db).toBe(await store.identity());
    expect(etag).toBe(`"${db}.${version}"`);

    const again = await app.request('/api/version', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    await store.writeBatch(batch('sample', [row('00001', 2025)]));
    const moved = await app.request('/api/version', { headers: { 'If-None-Match': etag } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
    expect(await moved.json()).toEqual({ version: version + 1, db });
  });

  it('tells a database made again from nothing from the old one at the same version', async () => {
    const old = await (await app.request('/api/version')).json();
    const remade = openMemoryStore();
    try {
      await remade.replaceReference(REF);
      await remade.writeBatch(batch('sample', [row('00001', 2025)]));
      const again = createApp({ store: remade, geoDir: join(paths().buildDir, 'geo') });
      const oldEtag = (await app.request('/api/version')).headers.get('etag')!;
      const res = await again.request('/api/version', { headers: { 'If-None-Match': oldEtag } });
      expect(res.status).toBe(200);
      const seen = (await res.json()) as { version: number; db: string };
      expect(seen.version).toBe(old.version);
      expect(seen.db).not.toBe(old.db);
    } finally {
      await remade.close();
    }
  });

  it('is the version /api/meta was read at', async () => {
    const meta = (await (await app.request('/api/meta')).json()) as { version: number; db: string };
    expect(meta.version).toBe(await store.version());
    expect(meta.db).toBe(await store.identity());
  });

  it('refuses parameters it does not take, in Vietnamese', async () => {
    const res = await app.request('/api/version?since=3');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Tham số không được hỗ trợ: since');
  });
});
