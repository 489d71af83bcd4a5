// Figures that know when they are stale, in Chromium on a private copy of the seeded database: the national map is
// open; an import is committed through the API (a provincial office's return); the page, once looked at again,
// recolours the commune, updates its panel and the key figures and says so, without reloading the page or any
// geometry. Then the import is rolled back from the admin pages in another tab, which tells the map tab at once.
// Last, new reference data rename a ward: the open page's search box finds it by its new name, its index loaded once
// more after the change and never at a check that found nothing new.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import { STATUS_COLORS } from '../../shared/lib/statusClasses.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { asUser, logIn, type TestSession } from '../support/sessions.js';
import { skipUnlessCi } from '../support/prerequisites.js';
import { copyWithAdmin, type TempDb } from '../support/tempDb.js';
import { ARTIFACTS, e2eSkipReason, startPortal, waitForMap, type Portal } from './harness.js';

const seeded = inject('seededDb');
const skip = skipUnlessCi('the stale-figures end-to-end test', e2eSkipReason(seeded));

const NAME = 'quantri';
const PASSWORD = 'mat-khau-thu-nghiem-e2e';

describe.skipIf(skip)('figures that know when they are stale, in Chromium', { timeout: 180_000 }, () => {
  let tmp: TempDb;
  let portal: Portal;
  let session: TestSession;
  const request = (path: string, init?: RequestInit) => fetch(`${portal.url}${path}`, init);

  beforeAll(async () => {
    tmp = await copyWithAdmin(seeded!, NAME, PASSWORD);
    portal = await startPortal(tmp.path);
    ({ [NAME]: session } = await logIn({ request }, [NAME], PASSWORD));
  });
  afterAll(async () => {
    await portal?.close();
    tmp?.remove();
  });

  it('recolours an imported commune, refreshes its panel and the key figures, and says so; then follows a rollback made in the admin tab', async () => {
    const { page, url } = portal;
    const province = async () => ((await (await request('/api/stats?year=2025&level=commune&province=24')).json()) as { units: CommuneFigures[] }).units;
    const target = (await province()).find((u) => u.status === 'dat')!;
    const national = (await (await request('/api/stats?year=2025&level=commune')).json()) as { total: { communes: { certified: number } } };
    const certified = national.total.communes.certified;

    // What the page asks for from now on: the version checks, and never a boundary again.
    const versions: number[] = [];
    const geometry: string[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path === '/api/version') versions.push(r.status());
      if (path.startsWith('/api/boundaries')) geometry.push(path);
    });

    await page.goto(`${url}/?year=2025&unit=${target.code}`);
    await waitForMap(page);
    const fill = () => page.evaluate((code) => window.antqMap!.getFeatureState({ source: 'communes', sourceLayer: 'communes', id: code }).fill as string | undefined, target.code);
    const chip = page.locator('aside.panel .chip').first();
    const headline = page.locator('.headline strong');
    const notice = page.locator('.data-updated');
    await expect.poll(fill).toBe(STATUS_COLORS.dat);
    await expect.poll(() => chip.textContent()).toBe('Đạt');
    await expect.poll(() => headline.textContent()).toMatch(new RegExp(`^${certified.toLocaleString('de-DE')}/`));
    expect(await notice.textContent()).toBe('');
    // The national polygons come once the map is coloured: counted from then on.
    await expect.poll(() => geometry.includes('/api/boundaries/national.topo.json')).toBe(true);
    const loaded = geometry.length;

    // Looked at again with nothing changed: a conditional request (answered 304), and nothing else happens.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => versions.length).toBeGreaterThan(0);
    // A focus while the first check is still being read joins it (no second request): looked at again until one is made.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.dispatchEvent(new Event('focus')));
        return versions.includes(304);
      })
      .toBe(true);
    expect(versions.slice(1).every((status) => status === 304)).toBe(true);
    expect(await notice.textContent()).toBe('');

    // Bắc Ninh's office sends its return: the commune is no longer certified.
    const file = `Mã xã,Kết quả ANTT\r\n${target.code},Chưa đạt\r\n`;
    const res = await request('/api/imports?year=2025&province=24&name=ket-qua-e2e.csv', asUser(session, { method: 'POST', body: file }));
    expect(res.status).toBe(200);
    const { record } = (await res.json()) as { record: { batchId: number } };
    expect((await province()).find((u) => u.code === target.code)?.status).toBe('chua_dat');

    // The phone is picked up again: the tab shows.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(fill, { timeout: 20_000 }).toBe(STATUS_COLORS.chua_dat);
    await expect.poll(() => chip.textContent()).toBe('Chưa đạt');
    await expect.poll(() => headline.textContent()).toMatch(new RegExp(`^${(certified - 1).toLocaleString('de-DE')}/`));
    await expect.poll(() => notice.textContent()).toMatch(/^Số liệu đã được cập nhật lúc \d{2}:\d{2}$/);
    expect(await notice.getAttribute('aria-live')).toBe('polite');
    await page.screenshot({ path: join(ARTIFACTS, 'fresh-updated.png') });
    expect(geometry.length).toBe(loaded);

    // The admin rolls the import back in another tab of the same browser: the map tab hears it and recolours.
    const [admin] = await Promise.all([page.waitForEvent('popup'), page.evaluate((href) => void window.open(href), `${url}/quan-tri`)]);
    admin.on('dialog', (d) => void d.accept());
    await admin.getByLabel('Tên đăng nhập').fill(NAME);
    await admin.getByLabel('Mật khẩu').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Đăng nhập' }).click();
    await admin.getByRole('tab', { name: 'Lịch sử nhập' }).click();
    const seen = versions.length;
    await admin.locator(`tr[data-batch="${record.batchId}"]`).getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => admin.locator('.admin-success').textContent()).toContain(`Đã hoàn tác lần nhập #${record.batchId}`);
    await expect.poll(fill, { timeout: 20_000 }).toBe(STATUS_COLORS.dat);
    await expect.poll(() => chip.textContent()).toBe('Đạt');
    expect(versions.length).toBeGreaterThan(seen);
    expect(geometry.length).toBe(loaded);
    await admin.close();
    // The notice, said again for the rollback, on a phone: a picture to look at (it shows for 10 s only, so no
    // assertion on it; the resize may load tiles, so after the geometry count).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'fresh-updated-phone.png') });
  });

  it('finds a ward by the name new reference data gave it, loading the search index again only after the change', async () => {
    const { page, url } = portal;
    await page.setViewportSize({ width: 1400, height: 900 });
    const indexLoads: number[] = [];
    const checks: number[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path === '/api/search-index') indexLoads.push(r.status());
      if (path === '/api/version') checks.push(r.status());
    });
    const lookAgain = () => page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.goto(`${url}/?year=2025`);
    await waitForMap(page);
    const box = page.locator('[role=combobox]');
    const first = page.getByRole('listbox', { name: 'Kết quả tìm kiếm' }).getByRole('option').first();
    const find = async (text: string) => {
      await box.fill('');
      await box.pressSequentially(text, { delay: 10 });
    };
    await box.click();
    await find('dong ngan');
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toContain('Phường Đông Ngàn');
    expect(indexLoads).toEqual([200]);
    // Looked at again with nothing new (the first check learns the version, the next ones are answered 304): the
    // index is not asked for again.
    await expect.poll(async () => (await lookAgain(), checks.includes(304)), { timeout: 20_000 }).toBe(true);
    expect(indexLoads).toEqual([200]);

    // New reference data: Phường Từ Sơn (09367) is renamed.
    const store = openSqliteStore(tmp.path);
    try {
      const [now, old, crosswalk] = await Promise.all([store.units('2025'), store.units('pre2025'), store.crosswalk()]);
      const units = [...now, ...old].map((u) => (u.vintage === '2025' && u.code === '09367' ? { ...u, name: 'Thử Nghiệm Mới', fullName: 'Phường Thử Nghiệm Mới' } : u));
      await store.replaceReference({ units, crosswalk });
    } finally {
      await store.close();
    }
    // The server sees another process's write within a quarter of a second: the page looks again until it learns of it.
    await expect.poll(async () => (await lookAgain(), indexLoads.length), { timeout: 20_000 }).toBe(2);
    await box.click();
    await find('thu nghiem moi');
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toContain('Phường Thử Nghiệm Mới');
    await page.screenshot({ path: join(ARTIFACTS, 'fresh-search-renamed.png') });
    // Once more with nothing new: still two loads.
    const seen = checks.length;
    await lookAgain();
    await expect.poll(() => checks.length, { timeout: 20_000 }).toBeGreaterThan(seen);
    expect(checks.at(-1)).toBe(304);
    expect(indexLoads).toHaveLength(2);
  });
});
