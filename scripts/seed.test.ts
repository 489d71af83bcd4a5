import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KINDS, kindSkip, pgDatabase, type Kind } from '../test/support/databases.js';
import { ROOT } from '../server/config.js';
import { openStore } from '../server/store/open.js';
import { seed } from './seed.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'reference');
const figures = { entries: [] };

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});
/** The database's environment (a SQLite file in a new folder, or a new PostgreSQL database) and the CLI on it. */
async function cliDatabase(kind: Kind): Promise<NodeJS.ProcessEnv> {
  if (kind === 'postgres') {
    const db = await pgDatabase();
    cleanup.push(db.drop);
    return { ANTQ_DATABASE_URL: db.url };
  }
  const dir = mkdtempSync(join(tmpdir(), 'antq-seed-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return { ANTQ_DB: join(dir, 'db', 'antq.sqlite'), ANTQ_DATABASE_URL: '' };
}

for (const kind of KINDS) describe.skipIf(kindSkip(kind))(`seed CLI (${kind})`, () => {
  async function setup() {
    const env = await cliDatabase(kind);
    const lines: string[] = [];
    const run = (argv: string[] = [], sourceDir = FIXTURE) => seed(argv, { env: { ...env, ANTQ_SOURCE_DIR: sourceDir }, figures, log: (l) => lines.push(l) });
    return { db: env, lines, run };
  }

  it('loads the reference and the sample into an empty database', async () => {
    const { db, lines, run } = await setup();
    await run();
    const { store } = await openStore(db);
    const c = await store.counts();
    await store.close();
    expect(c).toMatchObject({ units: 13 + 8, crosswalk: 10, batches: 9, assessments: 8 * 8 + 5, provinceReturns: 3 * 8 + 3 });
    expect(lines.join('\n')).toMatch(/totals: 21 units, 10 crosswalk links, 9 batches, 69 assessments \(69 sample, 0 imported\)/);
    expect(lines.at(-1)).toMatch(/^seed: done in \d+\.\d\d s$/);
  });

  it('replaces the sample but never touches imported data', async () => {
    const { db, run, lines } = await setup();
    await run();
    let { store } = await openStore(db);
    const importId = await store.writeBatch({
      origin: 'import',
      source: 'bao-cao-2023.xlsx sha256=…',
      note: '',
      assessments: [
        {
          vintage: 'pre2025', communeCode: '09169', year: 2023, status: 'chua_dat', exemplary: false,
          residential: { total: 99, certified: 1 }, agencies: { total: 1, certified: 1 }, enterprises: { total: 0, certified: 0 },
          schools: { total: 1, certified: 1 }, models: 42, keyArea: true, hotSpot: false,
        },
      ],
      provinceReturns: [{ vintage: 'pre2025', provinceCode: '27', year: 2023, bodies: { total: 7, certified: 7 } }],
    });
    const sampleIds = (await store.batches()).filter((b) => b.origin === 'sample').map((b) => b.id);
    await store.close();

    await run();
    ({ store } = await openStore(db));
    const batches = await store.batches();
    const row = (await store.assessments('pre2025', 2023)).find((a) => a.communeCode === '09169');
    const ret = (await store.provinceReturns('pre2025', 2023)).find((r) => r.provinceCode === '27');
    const c = await store.counts();
    await store.close();
    expect(batches.filter((b) => b.origin === 'import').map((b) => b.id)).toEqual([importId]);
    const newSample = batches.filter((b) => b.origin === 'sample').map((b) => b.id);
    expect(newSample).toHaveLength(9);
    expect(newSample.some((id) => sampleIds.includes(id))).toBe(false);
    expect(row).toMatchObject({ batchId: importId, models: 42, residential: { total: 99, certified: 1 } });
    expect(ret).toMatchObject({ batchId: importId, bodies: { total: 7, certified: 7 } });
    expect(c.assessmentsByOrigin).toEqual({ sample: 68, import: 1 });
    expect(lines.join('\n')).toMatch(/1 generated sample rows were not written: imported rows exist for them/);
  });

  it('--if-empty does nothing once there is data', async () => {
    const { db, run, lines } = await setup();
    await run(['--if-empty']); // empty: seeds
    let { store } = await openStore(db);
    const v = await store.version();
    await store.close();
    lines.length = 0;
    await run(['--if-empty']);
    ({ store } = await openStore(db));
    expect(await store.version()).toBe(v);
    await store.close();
    expect(lines).toEqual([expect.stringMatching(/already has reference data \(21 units\) and 9 batches; nothing to do \(--if-empty\)/)]);
  });

  it('rejects unknown arguments and a missing source dir without writing', async () => {
    const { db, run } = await setup();
    await expect(run(['--force'])).rejects.toThrow(/unknown argument --force/);
    await expect(run([], join(FIXTURE, 'nope'))).rejects.toThrow(/does not exist/);
    const { store } = await openStore(db);
    expect((await store.counts()).units).toBe(0);
    await store.close();
  });
});
