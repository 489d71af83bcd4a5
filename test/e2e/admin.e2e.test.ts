// The admin area in Chromium on a private copy of the seeded database: log in, take the CSV template of
// Bắc Ninh (24) for 2025, mark one certified commune "Chưa đạt", upload it, dry run, commit, and read it
// back from /api/stats and the import history.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import { copyWithAdmin, type TempDb } from '../support/tempDb.js';
import { skipUnlessCi } from '../support/prerequisites.js';
import { signatureBlock, titleBlock, workbook, type Cell } from '../support/returnLayouts.js';
import { ARTIFACTS, e2eSkipReason, startPortal, type Portal } from './harness.js';

const seeded = inject('seededDb');
const skip = skipUnlessCi('the admin end-to-end tests', e2eSkipReason(seeded));

const NAME = 'quantri';
const PASSWORD = 'mat-khau-thu-nghiem-e2e';

describe.skipIf(skip)('the admin area in Chromium', { timeout: 180_000 }, () => {
  let tmp: TempDb;
  let portal: Portal;
  const api = async <T>(path: string) => (await (await fetch(`${portal.url}${path}`)).json()) as T;

  beforeAll(async () => {
    tmp = await copyWithAdmin(seeded!, NAME, PASSWORD);
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

  it('imports a provincial report as sent: one column mapped, one spelling confirmed, the figures on the map and in the history', async () => {
    const { page, url } = portal;
    // A Bắc Ninh return in report layout: title block, merged two-row header, names without codes,
    // a column the dictionary does not know, a spelling to confirm, a total row and a signature block.
    const t = titleBlock(7, 2025);
    const rows: Cell[][] = [
      ...t.rows,
      ['STT', 'Tên đơn vị', 'Kết quả phân loại', 'Khu dân cư', null, 'Số tổ tự quản về ANTT', 'Ghi chú'],
      [null, null, null, 'Tổng số', 'Đạt chuẩn'],
      [1, 'Phường Phượng Sơn', 'K.Đạt', 41, 37, 23, ''],
      [2, 'Phường Phương Liễu', 'Đạt', 30, 30, 12, ''],
      [3, 'Xã Đồng Kỳ', 'Đạt', 18, 17, 9, ''],
      [null, 'Tổng cộng', '2/3', 89, 84, 44],
    ];
    const sig = signatureBlock(rows.length + 1, 7);
    const file = await workbook([{ name: 'Biểu 01', rows: [...rows, ...sig.rows], merges: [...t.merges, 'A5:A6', 'B5:B6', 'C5:C6', 'D5:E5', 'F5:F6', 'G5:G6', ...sig.merges] }]);
    const upload = () =>
      page.locator('input[type="file"]').setInputFiles({ name: 'bieu-tong-hop-2025.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });

    await page.getByRole('tab', { name: 'Nhập số liệu' }).click();
    await page.locator('select[name="year"]').selectOption('2025');
    await expect.poll(() => page.locator('select[name="province"] option').count()).toBe(34);
    await page.locator('select[name="province"]').selectOption('24');
    await upload();
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('.admin-mapping').waitFor();
    expect(await page.locator('.admin-mapping h3').first().textContent()).toContain('tiêu đề dòng 5–6');
    // The question and the unknown column are offered; nothing imports before they are answered.
    expect(await page.locator('.admin-questions li').allTextContents()).toEqual([expect.stringContaining('1 dòng ghi "K.Đạt": hiểu là Chưa đạt?')]);
    expect(await page.locator('.admin-skipped').textContent()).toMatch(/dòng tổng cộng: dòng 10/);
    expect(await page.locator('[data-count="valid"]').textContent()).toBe('2');

    await page.locator('select[name="map-F"]').selectOption('models');
    await expect.poll(() => page.locator('.admin-live').textContent(), { timeout: 30_000 }).toBe('Sẽ nhập 2 dòng; 1 dòng có lỗi; bỏ qua 5 dòng không phải xã.');
    await page.locator('select[name="answer-status:k dat"]').selectOption('chua_dat');
    await expect.poll(() => page.locator('.admin-live').textContent(), { timeout: 30_000 }).toBe('Sẽ nhập 3 dòng; 0 dòng có lỗi; bỏ qua 5 dòng không phải xã.');
    expect(await page.locator('.admin-report .badge').textContent()).toBe('Không có lỗi');
    expect(await page.locator('.admin-warnings summary').allTextContents()).toContain('3 dòng không có mã, khớp theo tên (dòng 7–9)');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-import-mapping.png'), fullPage: true });

    await page.getByRole('button', { name: 'Ghi vào CSDL' }).click();
    await expect.poll(() => page.locator('.admin-success').textContent(), { timeout: 30_000 }).toMatch(/^Đã ghi lần nhập #\d+: 3 dòng/);

    // The mapping and the answer are remembered for the province: the same file checks clean at once.
    await upload();
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('.admin-mapping [role="note"]').waitFor();
    expect(await page.locator('.admin-mapping [role="note"]').textContent()).toMatch(/1 cột, 1 cách ghi/);
    expect(await page.locator('[data-count="valid"]').textContent()).toBe('3');

    // On the map: the commune's new figures, and this year in its history.
    await page.goto(`${url}/?year=2025&level=commune&province=24&unit=07612`);
    await expect.poll(() => page.locator('.panel h2').textContent(), { timeout: 60_000 }).toBe('Phường Phượng Sơn');
    await expect.poll(() => page.locator('.panel .chip').first().textContent()).toBe('Chưa đạt');
    const figures = await page.locator('.panel table.figures tbody').textContent();
    expect(figures).toContain('37/41');
    expect(figures).toContain('23');
    // The return has no agencies column: not reported, never 0.
    expect(figures).toContain('Cơ quanchưa báo cáo');
    // Nor has it the yes/no flags: unknown, named as such, never "no".
    expect(await page.locator('.panel').textContent()).toContain('Địa bàn trọng điểm, điểm nóng, điển hình: chưa báo cáo');
    const current = await page.locator('.panel table.history tr.current').textContent();
    expect(current).toMatch(/^2025Chưa đạt90,2.*23$/);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-import-on-map.png') });
  });
});
