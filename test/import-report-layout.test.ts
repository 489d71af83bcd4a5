// The web dry run (the API the import page calls) on a provincial return in report layout (issue #12,
// "done when"): the first check asks about one column and the spellings; the page's one confirmation
// (choices) makes it clean; the commit puts every row on its own commune, seen in /api/stats and in the
// commune's history; no other commune changes.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../server/auth/password.js';
import { createApp } from '../server/app.js';
import { paths } from '../server/config.js';
import type { CommuneFigures } from '../shared/domain/figures.js';
import type { ImportReport } from '../server/services/importReport.js';
import { kindSkip, seededStore, type TestStore } from './support/databases.js';
import { missingSeededApi, skipUnlessCi } from './support/prerequisites.js';
import { provincialReturn } from './support/returnLayouts.js';

const skip = skipUnlessCi('the report-layout import test', missingSeededApi(inject('seededDb'), inject('seededDbSkip')));
const PASSWORD = 'mat-khau-thu-nghiem';

describe.skipIf(skip || kindSkip('sqlite', true))('a report-layout return through the import API', () => {
  let db: TestStore;
  let app: ReturnType<typeof createApp>;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    db = await seededStore('sqlite');
    await db.admin.users.addUser({ name: 'bacninh', role: 'editor', provinceCode: '24', passwordHash: await hashPassword(PASSWORD) }, 'test');
    app = createApp({ store: db.store, geoDir: join(paths().buildDir, 'geo'), admin: db.admin });
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bacninh', password: PASSWORD }) });
    session = { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  });
  afterAll(async () => {
    await db?.remove();
  });

  it('asks once, then imports every row on its own commune and nothing else', async () => {
    const communes = (await db.store.units('2025', { level: 'commune', provinceCode: '24' })).slice(0, 40);
    const ret = await provincialReturn(communes, () => '', 2025);
    const post = (path: string, choices?: object) =>
      app.request(`${path}?year=2025&province=24&name=bieu-01.xlsx${choices ? `&choices=${encodeURIComponent(JSON.stringify(choices))}` : ''}`, {
        method: 'POST',
        body: new Uint8Array(ret.bytes),
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      });
    const stats = async () => ((await (await app.request('/api/stats?year=2025&level=commune&province=24')).json()) as { units: CommuneFigures[] }).units;
    const before = await stats();

    const first = (await (await post('/api/imports/check')).json()) as ImportReport;
    expect(first.canCommit).toBe(false);
    expect(first.columns.filter((c) => c.source === 'unknown').map((c) => c.letter)).toEqual(['F']);
    expect(Object.fromEntries(first.questions.map((q) => [q.id, q.suggested]))).toEqual(ret.confirmation.answers);
    expect(first.skipped.map((s) => s.kind)).toEqual(['total', 'note', 'note', 'note', 'note']);
    expect(first.preview[0]).toMatchObject({ line: 7 });

    const checked = (await (await post('/api/imports/check', ret.confirmation)).json()) as ImportReport;
    expect(checked).toMatchObject({ canCommit: true, errors: 0, valid: ret.lines.size, matchedByName: ret.lines.size });
    expect(checked.questions.every((q) => q.answer !== null)).toBe(true);

    const res = await post('/api/imports', ret.confirmation);
    expect(res.status).toBe(200);
    const after = await stats();
    for (const u of after) {
      const f = ret.figures.get(u.code);
      if (!f) expect(u, u.code).toEqual(before.find((b) => b.code === u.code));
      else expect({ status: u.status, residential: u.residential, models: u.models, origin: u.origin }, u.code).toEqual({ status: f.status, residential: { total: f.total, certified: f.certified }, models: f.models, origin: 'import' });
    }
    const [code, f] = [...ret.figures][1];
    const unit = (await (await app.request(`/api/units/${code}`)).json()) as { history: { year: number; figures: { status: string; models: number } }[] };
    expect(unit.history.find((h) => h.year === 2025)?.figures).toMatchObject({ status: f.status, models: f.models });
  });
});
