import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../server/config.js';
import { openSqliteStore } from '../server/store/sqlite.js';
import { seed } from './seed.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'reference');
const figures = { entries: [] };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'antq-seed-'));
  dirs.push(dir);
  const db = join(dir, 'db', 'antq.sqlite');
  const lines: string[] = [];
  const run = (argv: string[] = [], sourceDir = FIXTURE) => seed(argv, { env: { ANTQ_DB: db, ANTQ_SOURCE_DIR: sourceDir }, figures, log: (l) => lines.push(l) });
  return { db, lines, run };
}

describe('seed CLI', () => {
  it('loads the reference and the sample into an empty database', async () => {
    const { db, lines, run } = setup();
    await run();
    const store = openSqliteStore(db);
    const c = await store.counts();
    await store.close();
    expect(c).toMatchObject({ units: 13 + 8, crosswalk: 10, batches: 9, assessments: 8 * 8 + 5, provinceReturns: 3 * 8 + 3 });
    expect(lines.join('\n')).toMatch(/totals: 21 units, 10 crosswalk links, 9 batches, 69 assessments \(69 sample, 0 imported\)/);
    expect(lines.at(-1)).toMatch(/^seed: done in \d+\.\d\d s$/);
  });

  it('replaces the sample but never touches imported data', async () => {
    const { db, run, lines } = setup();
    await run();
    let store = openSqliteStore(db);
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
    store = openSqliteStore(db);
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
    const { db, run, lines } = setup();
    await run(['--if-empty']); // empty: seeds
    let store = openSqliteStore(db);
    const v = await store.version();
    await store.close();
    lines.length = 0;
    await run(['--if-empty']);
    store = openSqliteStore(db);
    expect(await store.version()).toBe(v);
    await store.close();
    expect(lines).toEqual([expect.stringMatching(/already has reference data \(21 units\) and 9 batches; nothing to do \(--if-empty\)/)]);
  });

  it('rejects unknown arguments and a missing source dir without writing', async () => {
    const { db, run } = setup();
    await expect(run(['--force'])).rejects.toThrow(/unknown argument --force/);
    await expect(run([], join(FIXTURE, 'nope'))).rejects.toThrow(/does not exist/);
    const store = openSqliteStore(db);
    expect((await store.counts()).units).toBe(0);
    await store.close();
  });
});
