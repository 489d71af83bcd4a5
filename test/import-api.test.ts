// The import API on a copy of the seeded database: who may write (every write route), the template
// round trip into /api/stats and /api/units, rollback, the size limit.

import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../server/auth/password.js';
import { createApp } from '../server/app.js';
import { paths } from '../server/config.js';
import type { CommuneFigures } from '../shared/domain/figures.js';
import type { Store } from '../server/store/store.js';
import { KINDS, kindSkip, seededStore, type TestStore } from './support/databases.js';
import { missingSeededApi, skipUnlessCi } from './support/prerequisites.js';

const seeded = inject('seededDb');
const skip = skipUnlessCi('the import API tests', missingSeededApi(seeded, inject('seededDbSkip')));
const PASSWORD = 'mat-khau-thu-nghiem';

for (const kind of KINDS) describe.skipIf(skip || kindSkip(kind, true))(`the import API (${kind})`, () => {
  let tmp: TestStore;
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  beforeAll(async () => {
    tmp = await seededStore(kind);
    store = tmp.store;
    const admin = tmp.admin;
    const hash = await hashPassword(PASSWORD);
    await admin.users.addUser({ name: 'quantri', role: 'admin', provinceCode: null, passwordHash: hash }, 'test');
    await admin.users.addUser({ name: 'bacninh', role: 'editor', provinceCode: '24', passwordHash: hash }, 'test');
    await admin.users.addUser({ name: 'hanoi', role: 'editor', provinceCode: '01', passwordHash: hash }, 'test');
    await admin.users.addUser({ name: 'xem', role: 'viewer', provinceCode: null, passwordHash: hash }, 'test');
    app = createApp({ store, geoDir: join(paths().buildDir, 'geo'), admin, maxUploadBytes: 200_000 });
    for (const name of ['quantri', 'bacninh', 'hanoi', 'xem']) {
      const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORD }) });
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      sessions[name] = { cookie: cookie.split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    }
  });
  afterAll(async () => {
    await tmp?.remove();
  });

  const as = (who: string | null, init: RequestInit = {}, csrf = true): RequestInit => {
    const s = who ? sessions[who] : null;
    return { ...init, headers: { ...(init.headers as Record<string, string>), ...(s ? { cookie: s.cookie, ...(csrf ? { 'x-csrf-token': s.csrf } : {}) } : {}) } };
  };
  /** What any write changes: the figures' version and the admin tables (a dump of 100,000 rows would be slow). */
  const written = async () => ({
    version: await store.version(),
    tables: await Promise.all(['imports', 'assessment_history', 'users', 'audit_log'].map(async (t) => (await store.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))!.n)),
    users: await store.sql.all('SELECT * FROM users ORDER BY name'),
  });
  const json = async <T>(res: Response) => (await res.json()) as T;

  async function filledTemplate(year: number, province: string, fill: (code: string, k: number) => (string | number)[] | null): Promise<Uint8Array<ArrayBuffer>> {
    const res = await app.request(`/api/imports/template?year=${year}&province=${province}&format=xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('Số liệu')!;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const values = fill(row.getCell(1).text, n - 2);
      // status … hot spot: columns D to O
      values?.forEach((v, k) => (row.getCell(4 + k).value = v));
    });
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('refuses every write without a session (401), with the wrong role or province (403), or without the CSRF token, and writes nothing', async () => {
    const before = await written();
    const file = await filledTemplate(2025, '24', (_, k) => (k === 0 ? ['Chưa đạt', 1, 1, 0, 0, 0, 0, 0, 0, 0] : null));
    const upload = (path: string) => ({ path, init: { method: 'POST', body: file } as RequestInit });
    const routes = [
      upload('/api/imports/check?year=2025&province=24'),
      upload('/api/imports?year=2025&province=24'),
      { path: '/api/imports/1/rollback', init: { method: 'POST' } },
      { path: '/api/auth/logout', init: { method: 'POST' } },
      { path: '/api/admin/users', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'moi', role: 'viewer', password: PASSWORD }) } },
      { path: '/api/admin/users/xem', init: { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disabled: true }) } },
    ];
    for (const r of routes) {
      expect((await app.request(r.path, as(null, r.init))).status, `${r.path} without session`).toBe(401);
      expect((await app.request(r.path, as('xem', r.init, false))).status, `${r.path} without CSRF`).toBe(403);
    }
    for (const r of routes.slice(0, 2)) {
      expect((await app.request(r.path, as('hanoi', r.init))).status, `${r.path} other province`).toBe(403);
      expect((await app.request(r.path, as('xem', r.init))).status, `${r.path} viewer`).toBe(403);
    }
    for (const r of routes.slice(4)) expect((await app.request(r.path, as('bacninh', r.init))).status, `${r.path} editor`).toBe(403);
    // An editor's file holding another province's commune is refused row by row.
    const mixed = await filledTemplate(2025, '01', (_, k) => (k === 0 ? ['Đạt', 1, 1, 0, 0, 0, 0, 0, 0, 0] : null));
    expect((await app.request('/api/imports?year=2025', as('bacninh', { method: 'POST', body: mixed }))).status).toBe(422);
    // Reads that need a session
    expect((await app.request('/api/imports')).status).toBe(401);
    expect((await app.request('/api/admin/audit', as('bacninh'))).status).toBe(403);
    expect(await written()).toEqual(before);
  });

  it('round trip: the template, filled in and imported, shows on the map; rollback brings the old figures back', async () => {
    const stats = async () => json<{ units: CommuneFigures[] }>(await app.request('/api/stats?year=2025&level=commune&province=24'));
    const old = await stats();
    const target = old.units.find((u) => u.status === 'dat')!;
    const file = await filledTemplate(2025, '24', (code) => (code === target.code ? ['Chưa đạt', 40, 31, 5, 5, 9, 8, 4, 4, 17, 'x', ''] : null));
    const check = await json<{ canCommit: boolean; valid: number; unfilled: number; replaces: number }>(
      await app.request('/api/imports/check?year=2025&province=24&name=mau.xlsx', as('bacninh', { method: 'POST', body: file })),
    );
    expect(check).toMatchObject({ canCommit: true, valid: 1, replaces: 1 });
    expect(check.unfilled).toBe(old.units.length - 1);
    const res = await app.request('/api/imports?year=2025&province=24&name=mau.xlsx', as('bacninh', { method: 'POST', body: file }));
    expect(res.status).toBe(200);
    const { record } = await json<{ record: { batchId: number } }>(res);
    const now = (await stats()).units.find((u) => u.code === target.code)!;
    expect(now).toMatchObject({ status: 'chua_dat', origin: 'import', residential: { total: 40, certified: 31 }, models: 17, keyArea: true, hotSpot: false });
    const unit = await json<{ history: { year: number; figures: { status: string } }[] }>(await app.request(`/api/units/${target.code}`));
    expect(unit.history.find((h) => h.year === 2025)?.figures.status).toBe('chua_dat');
    // Others in the province unchanged
    const others = (u: { units: CommuneFigures[] }) => u.units.filter((x) => x.code !== target.code);
    expect(others(await stats())).toEqual(others(old));

    const history = await json<{ imports: { batchId: number; userName: string }[] }>(await app.request('/api/imports', as('xem')));
    expect(history.imports[0]).toMatchObject({ batchId: record.batchId, userName: 'bacninh' });
    expect((await app.request(`/api/imports/${record.batchId}/rollback`, as('hanoi', { method: 'POST' }))).status).toBe(403);
    expect((await app.request(`/api/imports/${record.batchId}/rollback`, as('bacninh', { method: 'POST' }))).status).toBe(200);
    expect((await stats()).units.find((u) => u.code === target.code)).toEqual(target);
    const audit = await json<{ entries: { action: string; userName: string; fileSha256: string | null }[] }>(await app.request('/api/admin/audit', as('quantri')));
    expect(audit.entries.slice(0, 2).map((e) => [e.action, e.userName])).toEqual([
      ['rollback', 'bacninh'],
      ['import', 'bacninh'],
    ]);
    expect(audit.entries[1].fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('imports a pre-2025 year on the old communes, and the CSV template reads back', async () => {
    const csv = await (await app.request('/api/imports/template?year=2023&province=27&format=csv')).text();
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Mã xã,"Tên xã, phường",Năm,Kết quả ANTT/);
    expect(lines).toHaveLength(1 + 121); // old Bắc Ninh: 66 xã, 50 phường, 5 thị trấn
    const first = lines[1].split(',');
    first[3] = 'chưa đạt';
    const file = Buffer.from([lines[0], first.join(',')].join('\n'), 'utf8');
    const res = await app.request('/api/imports?year=2023&province=27', as('bacninh', { method: 'POST', body: file }));
    expect(res.status).toBe(200);
    const s = await json<{ units: CommuneFigures[] }>(await app.request('/api/stats?year=2023&level=commune&vintage=pre2025&province=27'));
    expect(s.units.find((u) => u.code === first[0])).toMatchObject({ status: 'chua_dat', origin: 'import' });
    // On the 2025 map that year is still labelled sample data: one real return among sample ones does not make the
    // roll-up real. The new commune the imported one went into is sample data too, unless all its parts are real.
    const rolled = await json<{ sample: boolean; dataLabel: string | null; units: CommuneFigures[] }>(await app.request('/api/stats?year=2023'));
    expect([rolled.sample, rolled.dataLabel]).toEqual([true, 'Dữ liệu minh họa']);
    const { successors } = await json<{ successors: { code: string }[] }>(await app.request(`/api/units/${first[0]}?vintage=pre2025`));
    expect(successors.length).toBeGreaterThan(0);
    for (const { code } of successors) {
      const row = rolled.units.find((u) => u.code === code)!;
      expect(row.origin, code).toBe(row.predecessors!.total === 1 ? 'import' : 'sample');
    }
    const elsewhere = rolled.units.filter((u) => u.status !== null && !successors.some((x) => x.code === u.code));
    expect(elsewhere.every((u) => u.origin === 'sample')).toBe(true);
  });

  it('a status-only return: the figures it leaves out are unknown in /api/stats and the history, never 0, and the province says who reported', async () => {
    type Area = { code: string; residential: { total: number; certified: number }; models: number; reported: Record<string, number>; communes: { total: number; noData: number }; rates: { residential: number | null } };
    const communes = async () => (await json<{ units: CommuneFigures[] }>(await app.request('/api/stats?year=2025&level=commune&province=24'))).units;
    const province = async () => (await json<{ units: Area[] }>(await app.request('/api/stats?year=2025&level=province'))).units.find((u) => u.code === '24')!;
    const [a, b] = (await communes()).filter((u) => u.origin === 'sample');
    const before = await province();
    const file = Buffer.from(`Mã xã,Kết quả ANTT\n${a.code},Chưa đạt\n${b.code},Đạt\n`, 'utf8');
    const check = await json<{ canCommit: boolean; problems: { kind: string; message: string }[] }>(
      await app.request('/api/imports/check?year=2025&province=24&name=ket-qua.csv', as('bacninh', { method: 'POST', body: file })),
    );
    expect(check.canCommit).toBe(true);
    expect(check.problems.filter((p) => p.kind === 'not-reported').map((p) => p.message)).toContain('Không có cột "Số mô hình tự quản": để trống (chưa báo cáo), không ghi 0');
    expect((await app.request('/api/imports?year=2025&province=24&name=ket-qua.csv', as('bacninh', { method: 'POST', body: file }))).status).toBe(200);

    const now = (await communes()).find((u) => u.code === a.code)!;
    expect(now).toMatchObject({ status: 'chua_dat', origin: 'import', residential: null, agencies: null, enterprises: null, schools: null, models: null });
    const unit = await json<{ history: { year: number; figures: CommuneFigures }[] }>(await app.request(`/api/units/${a.code}`));
    expect(unit.history.find((h) => h.year === 2025)?.figures).toMatchObject({ status: 'chua_dat', residential: null, models: null });
    // The province sums the communes that reported: two fewer, and it says so.
    const p = await province();
    const withData = p.communes.total - p.communes.noData;
    expect(p.reported).toMatchObject({ residential: withData - 2, models: withData - 2, agencies: withData - 2 });
    expect(p.residential.total).toBe(before.residential.total - a.residential!.total - b.residential!.total);
    expect(p.models).toBeCloseTo(before.models - a.models! - b.models!, 6);
    expect(p.rates.residential).toBeCloseTo(p.residential.certified / p.residential.total, 9);
  });

  it('says clearly when a file is too large, and rate-limits failed log-ins', async () => {
    const res = await app.request('/api/imports/check?year=2025&province=24', as('bacninh', { method: 'POST', body: new Uint8Array(300_000).fill(65) }));
    expect(res.status).toBe(413);
    expect((await json<{ error: { message: string } }>(res)).error.message).toMatch(/Tệp quá lớn: giới hạn 0,2 MB/);
    const attempt = () => app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'quantri', password: 'sai-mat-khau' }) });
    for (let k = 0; k < 5; k++) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
  });
});
