// Moving a seeded SQLite database into PostgreSQL (npm run migrate-data) keeps every answer: /api/stats is
// the same for every year and vintage, at every level; accounts and the import history come along.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../server/app.js';
import { paths } from '../server/config.js';
import { openStore, type Opened } from '../server/store/open.js';
import { migrateData } from '../scripts/migrate-data.js';
import { kindSkip, pgDatabase } from './support/databases.js';
import { copySeededDb, type TempDb } from './support/tempDb.js';

const geoDir = join(paths().buildDir, 'geo');

describe.skipIf(kindSkip('postgres', true))('migrate-data from SQLite into PostgreSQL', () => {
  let tmp: TempDb;
  let target: Awaited<ReturnType<typeof pgDatabase>>;
  let lite: Opened;
  let pgs: Opened;
  const log: string[] = [];

  beforeAll(async () => {
    tmp = await copySeededDb(inject('seededDb')!);
    lite = await openStore({ ANTQ_DB: tmp.path });
    // Something only the ledger and the accounts hold, so that they are seen to move too.
    await lite.admin.users.addUser({ name: 'quantri', role: 'admin', provinceCode: null, passwordHash: 'h' }, 'test');
    await lite.admin.decks.createDeck({ name: 'Tổng kết', slides: [{ title: 'Một', subtitle: null, view: 'year=2025' }] }, 'quantri', 'create');
    target = await pgDatabase();
    await migrateData(['--from', tmp.path], { ANTQ_DATABASE_URL: target.url }, (l) => log.push(l));
    pgs = await openStore({ ANTQ_DATABASE_URL: target.url });
  });
  afterAll(async () => {
    await lite?.store.close();
    await pgs?.store.close();
    await target?.drop();
    tmp?.remove();
  });

  it('copies every table, counts compared, and refuses a target that holds data', async () => {
    expect(log.join('\n')).toMatch(/every count matches/);
    expect(await pgs.store.counts()).toEqual(await lite.store.counts());
    expect(await pgs.admin.users.users()).toEqual(await lite.admin.users.users());
    expect(await pgs.admin.decks.decks()).toEqual(await lite.admin.decks.decks());
    expect(await pgs.admin.audit.auditEntries({ limit: 10 })).toEqual(await lite.admin.audit.auditEntries({ limit: 10 }));
    await expect(migrateData(['--from', tmp.path], { ANTQ_DATABASE_URL: target.url }, () => undefined)).rejects.toThrow(/already holds data/);
    // ids continue after the copied ones
    const deck = await pgs.admin.decks.createDeck({ name: 'Mới', slides: [] }, 'quantri', 'create');
    expect(deck.id).toBe(2);
  });

  it('gives identical /api/stats answers for every year and vintage', async () => {
    const a = createApp({ store: lite.store, geoDir });
    const b = createApp({ store: pgs.store, geoDir });
    const meta = (await (await a.request('/api/meta')).json()) as { version: number; db: string; vintages: { id: string; years: number[] }[] };
    // All but the data version, which the copy moves above the source's on purpose (caches on the target drop theirs),
    // and the identity: the target is a database of its own.
    const copied = (await (await b.request('/api/meta')).json()) as { version: number; db: string };
    expect(copied.version).toBeGreaterThan(meta.version);
    expect(copied.db).toMatch(/^[0-9a-f]{24}\.[0-9a-z]+\.[0-9a-z]+$/); // the id, the server, the database
    expect(copied.db).not.toBe(meta.db);
    expect({ ...copied, version: meta.version, db: meta.db }).toEqual(meta);
    let compared = 0;
    const all = [...new Set(meta.vintages.flatMap((v) => v.years))];
    for (const v of meta.vintages) {
      // The 2025 map shows the earlier years too, rolled up through the crosswalk.
      for (const year of v.id === '2025' ? all : v.years) {
        for (const level of ['province', 'commune']) {
          const path = `/api/stats?vintage=${v.id}&year=${year}&level=${level}`;
          const [x, y] = await Promise.all([a.request(path), b.request(path)]);
          expect(x.status, path).toBe(200);
          expect(await y.text(), path).toBe(await x.text());
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  }, 300_000); // every year of both vintages, read cold from both databases
});
