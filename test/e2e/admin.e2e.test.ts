// The admin area in Chromium on a private copy of the seeded database: log in, take the CSV template of
// Bắc Ninh (24) for 2025, mark one certified commune "Chưa đạt", upload it, dry run, commit, and read it
// back from /api/stats and the import history.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import type { CommuneFigures } from '../../server/domain/figures.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { storeAdmin } from '../../server/store/sql-admin.js';
import { copySeededDb, type TempDb } from '../support/tempDb.js';
import { ARTIFACTS, e2eSkipReason, startPortal, type Portal } from './harness.js';

const seeded = inject('seededDb');
const skip = e2eSkipReason(seeded);
if (skip) console.warn(`admin end-to-end tests skipped: ${skip}`);

const NAME = 'quantri';
const PASSWORD = 'mat-khau-thu-nghiem-e2e';

describe.skipIf(skip)('the admin area in Chromium', { timeout: 180_000 }, () => {
  let tmp: TempDb;
  let portal: Portal;
  const api = async <T>(path: string) => (await (await fetch(`${portal.url}${path}`)).json()) as T;

  beforeAll(async () => {
    tmp = await copySeededDb(seeded!);
    // The first admin, created as `npm run user -- add` does: straight into the user store.
    const store = openSqliteStore(tmp.path);
    await storeAdmin(store).users.addUser({ name: NAME, role: 'admin', provinceCode: null, passwordHash: await hashPassword(PASSWORD) }, 'test');
    await store.close();
    portal = await startPortal(tmp.path);
  });
  afterAll(async () => {
    await portal?.close();
    tmp?.remove();
  });

  it('logs in, checks and commits a filled-in template, and lists the import', async () => {
    const { page, url } = portal;
    await page.goto(`${url}/quan-tri`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

    // A wrong password: the server's message, and no session.
    await page.getByLabel('Tên đăng nhập').fill(NAME);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.locator('.admin-login .admin-error').textContent()).toBe('Sai tên đăng nhập hoặc mật khẩu');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('tab', { name: 'Nhập số liệu' }).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Nhập số liệu', 'Lịch sử nhập', 'Nhật ký', 'Người dùng']);
    expect(await page.locator('.admin-who').textContent()).toContain('Quản trị viên');

    // The template, with one certified commune turned "Chưa đạt" (counts to match: not all certified).
    const before = await api<{ units: CommuneFigures[] }>('/api/stats?year=2025&level=commune&province=24');
    const target = before.units.find((u) => u.status === 'dat')!;
    expect(target).toBeDefined();
    const res = await fetch(`${portal.url}/api/imports/template?year=2025&province=24&format=csv`);
    expect(res.status).toBe(200);
    const csv = await res.text();
    const lines = csv.split('\r\n');
    const k = lines.findIndex((l) => l.startsWith(`${target.code},`));
    expect(k).toBeGreaterThan(0);
    // Code, name, year filled in; the 14 figure columns blank (status … note).
    expect(lines[k]).toMatch(/,2025,{14}$/);
    lines[k] = lines[k].replace(/,{14}$/, ',Chưa đạt,40,31,5,5,9,8,4,4,17,x,,,Thử nghiệm e2e');
    const fileName = 'so-lieu-bac-ninh-2025.csv';

    await page.locator('select[name="year"]').selectOption('2025');
    await expect.poll(() => page.locator('select[name="province"] option').count()).toBe(34);
    await page.locator('select[name="province"]').selectOption('24');
    expect(await page.locator('.admin-template a').first().getAttribute('href')).toBe('/api/imports/template?year=2025&province=24&format=xlsx');
    const upload = (name: string, rows: string[]) => page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n'), 'utf8') });

    // First a file with mistakes in another commune's row: the problems by row and column, no plain commit.
    const bad = [...lines];
    const j = bad.findIndex((l, n) => n > 0 && n !== k && /,2025,{14}$/.test(l));
    bad[j] = bad[j].replace(/,{14}$/, ',Đạt rồi,12,abc,0,0,0,0,0,0,3,,,,');
    await upload('co-loi.csv', bad);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('.admin-problems').waitFor();
    expect(await page.locator('[data-count="invalid"]').textContent()).toBe('1');
    const lineNos = await page.locator('.admin-problems tbody td:first-child').allTextContents();
    expect(new Set(lineNos)).toEqual(new Set([String(j + 1)]));
    expect((await page.locator('.admin-problems tbody td:nth-child(2)').allTextContents()).join(' | ')).toMatch(/D · Kết quả ANTT.*F · Khu dân cư đạt|F · Khu dân cư đạt.*D · Kết quả ANTT/);
    expect(await page.getByRole('button', { name: 'Ghi vào CSDL' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ghi, bỏ qua các dòng lỗi' }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-import-errors.png'), fullPage: true });

    await upload(fileName, lines);
    await expect.poll(() => page.locator('.admin-report').count()).toBe(0);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('.admin-report').waitFor();
    expect(await page.locator('.admin-report .badge').textContent()).toBe('Không có lỗi');
    expect(await page.locator('[data-count="valid"]').textContent()).toBe('1');
    expect(await page.locator('[data-count="invalid"]').textContent()).toBe('0');
    expect(await page.getByRole('button', { name: 'Ghi, bỏ qua các dòng lỗi' }).count()).toBe(0);
    // Nothing written by the dry run.
    expect((await api<{ units: CommuneFigures[] }>('/api/stats?year=2025&level=commune&province=24')).units.find((u) => u.code === target.code)?.status).toBe('dat');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-import.png'), fullPage: true });

    await page.getByRole('button', { name: 'Ghi vào CSDL' }).click();
    await expect.poll(() => page.locator('.admin-success').textContent(), { timeout: 30_000 }).toMatch(/^Đã ghi lần nhập #\d+: 1 dòng \(1 thay số liệu cũ\)/);

    const after = await api<{ units: CommuneFigures[] }>('/api/stats?year=2025&level=commune&province=24');
    expect(after.units.find((u) => u.code === target.code)).toMatchObject({ status: 'chua_dat', origin: 'import', residential: { total: 40, certified: 31 }, models: 17 });

    await page.getByRole('tab', { name: 'Lịch sử nhập' }).click();
    const row = page.locator('.admin-history tbody tr').first();
    await row.waitFor();
    expect(await row.locator('td').nth(2).textContent()).toBe(NAME);
    expect(await row.locator('td.file').textContent()).toBe(fileName);
    expect(await row.getByRole('button', { name: 'Hoàn tác' }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-history.png'), fullPage: true });
  });
});
