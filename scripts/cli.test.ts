// The user, import and migrate CLIs against both databases, as an operator runs them.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../server/store/open.js';
import { KINDS, kindSkip, seededStore, type TestStore } from '../test/support/databases.js';
import { filled, returnsCsv } from '../test/support/importFixture.js';
import { importCli } from './import.js';
import { migrateCli } from './migrate.js';
import { userCli } from './user.js';

for (const kind of KINDS) describe.skipIf(kindSkip(kind, true))(`the CLIs on ${kind}`, () => {
  let db: TestStore;
  let dir: string;
  beforeAll(async () => {
    db = await seededStore(kind);
    await db.store.close(); // the CLIs open it themselves
    dir = mkdtempSync(join(tmpdir(), 'antq-cli-'));
  });
  afterAll(async () => {
    await db?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('migrate says the schema is up to date', async () => {
    const lines: string[] = [];
    expect(await migrateCli(db.env, (l) => lines.push(l))).toEqual([]);
    expect(lines.at(-1)).toBe('migrate: schema up to date');
  });

  it('user: add, list, disable', async () => {
    const lines: string[] = [];
    const env = { ...db.env, ANTQ_PASSWORD: 'mat-khau-rat-dai' };
    await userCli(['add', 'bientap', '--role', 'editor', '--province', '24'], { env, log: (l) => lines.push(l) });
    await userCli(['disable', 'bientap'], { env, log: (l) => lines.push(l) });
    await userCli(['list'], { env, log: (l) => lines.push(l) });
    expect(lines).toEqual(['user: created bientap (editor, province 24)', 'user: bientap disabled', 'bientap\teditor 24\t(khóa)']);
    await expect(userCli(['add', 'bientap', '--role', 'viewer'], { env, log: () => undefined })).rejects.toThrow(/đã có/);
  });

  it('import: a dry run writes nothing, a commit writes one batch into the ledger', async () => {
    const file = join(dir, 'bac-ninh.csv');
    const { store } = await openStore(db.env);
    const codes = (await store.units('2025', { level: 'commune', provinceCode: '24' })).slice(0, 2).map((u) => u.code);
    const v = await store.version();
    await store.close();
    writeFileSync(file, returnsCsv(codes.map((c) => filled(c, { models: '33' }))));
    const lines: string[] = [];
    expect(await importCli([file, '--year', '2025', '--province', '24', '--dry-run'], { env: db.env, log: (l) => lines.push(l) })).toBe(true);
    expect(await importCli([file, '--year', '2025', '--province', '24'], { env: db.env, log: (l) => lines.push(l) })).toBe(true);
    expect(lines.at(-1)).toMatch(/^import: xong, lần nhập #\d+: 2 xã, bỏ qua 0 dòng\.$/);
    const again = await openStore(db.env);
    try {
      expect(await again.store.version()).toBe(v + 1);
      const [rec] = await again.admin.ledger.imports();
      expect(rec).toMatchObject({ rowsWritten: 2, provinceCode: '24', userName: expect.stringMatching(/^cli:/) });
      expect((await again.store.assessments('2025', 2025, '24')).filter((a) => codes.includes(a.communeCode)).map((a) => a.models)).toEqual([33, 33]);
    } finally {
      await again.store.close();
    }
  });
});
