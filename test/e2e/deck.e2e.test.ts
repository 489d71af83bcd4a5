// Conference decks in Chromium: a deck's link opens presentation mode on its slide, the keyboard steps
// through it (as a clicker does), and each slide shows its own view, title and map position; the panel
// saves the current view, reorders, exports and imports.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { storeAdmin } from '../../server/store/sql-admin.js';
import type { Deck } from '../../server/store/decks.js';
import { copySeededDb, type TempDb } from '../support/tempDb.js';
import { skipUnlessCi } from '../support/prerequisites.js';
import { ARTIFACTS, e2eSkipReason, startPortal, waitForMap, type Portal } from './harness.js';

const db = inject('seededDb');
const skip = skipUnlessCi('the deck end-to-end tests', e2eSkipReason(db));
const PASSWORD = 'mat-khau-trinh-chieu';
/** Bounded waits for what the page shows after a click (a loaded machine can take seconds). */
const POLL = { timeout: 20_000 };

const SLIDES = [
  { title: 'Toàn quốc năm 2025', subtitle: null, view: 'year=2025&at=5.20/16.0000/106.0000', year: '2025', province: null, at: [5.2, 16, 106] },
  { title: 'Bắc Ninh năm 2023', subtitle: 'Tỉnh Bắc Ninh, trước sắp xếp', view: 'year=2023&province=24&at=8.60/21.1500/106.1000', year: '2023', province: '24', at: [8.6, 21.15, 106.1] },
  { title: 'Hà Nội năm 2024', subtitle: null, view: 'metric=rate&year=2024&province=01&at=9.10/21.0300/105.8500', year: '2024', province: '01', at: [9.1, 21.03, 105.85] },
] as const;

describe.skipIf(skip)('conference decks', { timeout: 300_000 }, () => {
  let tmp: TempDb;
  let portal: Portal;
  let csrf: string;
  let deck: Deck;

  beforeAll(async () => {
    // A private copy: these tests write decks.
    tmp = await copySeededDb(db!);
    const store = openSqliteStore(tmp.path);
    await storeAdmin(store).users.addUser({ name: 'trinhchieu', role: 'viewer', provinceCode: null, passwordHash: await hashPassword(PASSWORD) }, 'test');
    await store.close();
    portal = await startPortal(tmp.path);
    // Logged in through the page's context, so that the panel's writes carry the session cookie.
    const login = await portal.page.request.post(`${portal.url}/api/auth/login`, { data: { name: 'trinhchieu', password: PASSWORD } });
    expect(login.status()).toBe(200);
    csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const post = async (path: string, data: unknown) => {
      const res = await portal.page.request.post(`${portal.url}${path}`, { data, headers: { 'X-CSRF-Token': csrf } });
      expect(res.status(), await res.text()).toBe(201);
      return ((await res.json()) as { deck: Deck }).deck;
    };
    deck = await post('/api/decks', { name: 'Hội nghị tổng kết' });
    for (const s of SLIDES) deck = await post(`/api/decks/${deck.id}/slides`, { title: s.title, subtitle: s.subtitle, view: s.view });
  });
  afterAll(async () => {
    await portal?.close();
    tmp?.remove();
  });

  const fetchDeck = async (id: number) => ((await (await portal.page.request.get(`${portal.url}/api/decks/${id}`)).json()) as { deck: Deck }).deck;

  /** Polls until slide n (1-based) is on screen: URL, counter, title, map position, and the map coloured. */
  async function expectSlide(page: Page, n: number) {
    const s = SLIDES[n - 1];
    const param = (k: string) => new URL(page.url()).searchParams.get(k);
    const shown = async () => [
      ...['slide', 'present', 'deck', 'year', 'province'].map(param),
      await page.locator('.deck-counter').textContent(),
      await page.getByLabel('Tiêu đề trình chiếu').inputValue(),
    ];
    await expect.poll(shown, { timeout: 20_000 }).toEqual([String(n), '1', String(deck.id), s.year, s.province, `${n}/${SLIDES.length}`, s.title]);
    if (s.subtitle) expect(await page.getByLabel('Phụ đề trình chiếu').inputValue()).toBe(s.subtitle);
    const camera = () =>
      page.evaluate(() => {
        const m = window.antqMap!;
        return [m.getZoom(), m.getCenter().lat, m.getCenter().lng].map((x) => Math.round(x * 100) / 100);
      });
    await expect.poll(camera, { timeout: 30_000 }).toEqual(s.at.map((x) => Math.round(x * 100) / 100));
    await waitForMap(page);
    // Still there once the map has settled (a drill-down's fit must not move it).
    expect(await camera()).toEqual(s.at.map((x) => Math.round(x * 100) / 100));
  }

  it('opens the deck link in presentation mode and steps through it with the keyboard', async () => {
    const { page, url } = portal;
    await page.goto(`${url}/?present=1&deck=${deck.id}&slide=1`);
    await page.waitForSelector('.app.present');
    await expectSlide(page, 1);
    await page.keyboard.press('PageDown');
    await expectSlide(page, 2);
    await page.screenshot({ path: join(ARTIFACTS, 'deck-present.png') });
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 3);
    await page.screenshot({ path: join(ARTIFACTS, 'deck-present-3.png') });
    // At the end, another step stays on the last slide.
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 3);
    await page.keyboard.press('Home');
    await expectSlide(page, 1);
    await page.keyboard.press('End');
    await expectSlide(page, 3);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(page, 2);
    await page.keyboard.press('PageUp');
    await expectSlide(page, 1);
    // The counter's buttons do the same.
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await expectSlide(page, 2);

    // Editing the title keeps the arrows for the caret; Escape still leaves presentation mode.
    const title = page.getByLabel('Tiêu đề trình chiếu');
    await title.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    expect(new URL(page.url()).searchParams.get('slide')).toBe('2');
    await title.blur();
    await page.keyboard.press('Escape');
    await page.waitForSelector('.app:not(.present)');
    const after = new URL(page.url()).searchParams;
    expect([after.get('present'), after.get('deck'), after.get('slide')]).toEqual([null, null, null]);
  });

  it('saves the current view, reorders slides, exports the deck and imports it back identical', async () => {
    const { page, url } = portal;
    await page.goto(`${url}/?year=2022&province=04`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Khung nhìn đã lưu' }).click();
    const panel = page.getByRole('complementary', { name: 'Bộ trình chiếu' });
    await panel.getByRole('button', { name: /Hội nghị tổng kết/ }).click();
    await expect.poll(() => panel.locator('li[data-slide]').count(), POLL).toBe(3);

    // Export through the link, as a user downloads it.
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'Xuất JSON' }).click()]);
    const file = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number; name: string; slides: unknown[] };
    expect(exported).toMatchObject({ format: 'antq-deck', version: 1, name: 'Hội nghị tổng kết' });
    const plain = (d: { slides: { title: string; subtitle: string | null; view: string }[] }) => d.slides.map(({ title, subtitle, view }) => ({ title, subtitle, view }));
    expect(exported.slides).toEqual(plain(await fetchDeck(deck.id)));

    // Import it back: a new deck with the same slides.
    await panel.getByLabel('Nhập bộ trình chiếu từ tệp JSON').setInputFiles(file);
    await expect.poll(() => panel.getByRole('status').textContent(), POLL).toContain('Đã nhập bộ "Hội nghị tổng kết" (3 trang)');
    const list = (await (await page.request.get(`${url}/api/decks`)).json()) as { decks: Deck[] };
    const copy = list.decks.find((d) => d.id !== deck.id)!;
    expect(plain(await fetchDeck(copy.id))).toEqual(plain(await fetchDeck(deck.id)));

    // A file with an error says what and where, and adds no deck.
    await panel.getByLabel('Nhập bộ trình chiếu từ tệp JSON').setInputFiles({
      name: 'hong.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...exported, slides: [exported.slides[0], { title: 'Sai', view: 'year=20x4' }] })),
    });
    await expect.poll(() => panel.getByRole('alert').textContent(), POLL).toContain('slides[1].view.year');
    expect(((await (await page.request.get(`${url}/api/decks`)).json()) as { decks: Deck[] }).decks).toHaveLength(2);

    // The imported deck is open: save the current view (Cao Bằng, 2022) into it, then move it to the top.
    await panel.getByRole('button', { name: 'Lưu khung nhìn hiện tại' }).click();
    await expect.poll(() => panel.locator('li[data-slide]').count(), POLL).toBe(4);
    const saved = await fetchDeck(copy.id);
    expect(saved.slides[3].view).toMatch(/^year=2022&province=04&at=/);
    expect(saved.slides[3].title).toBe('Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm 2022');
    await panel.getByRole('button', { name: 'Chuyển trang 4 lên' }).click();
    await expect.poll(async () => (await fetchDeck(copy.id)).slides.map((s) => s.title), POLL).toEqual([SLIDES[0].title, SLIDES[1].title, saved.slides[3].title, SLIDES[2].title]);
    // Renaming a slide in the list, once the list shows the new order.
    const t = panel.getByLabel('Tiêu đề trang 3');
    await expect.poll(() => t.inputValue(), POLL).toBe(saved.slides[3].title);
    await t.fill('Cao Bằng năm 2022');
    await t.press('Enter');
    await expect.poll(async () => (await fetchDeck(copy.id)).slides[2].title, POLL).toBe('Cao Bằng năm 2022');
    await expect.poll(() => t.inputValue(), POLL).toBe('Cao Bằng năm 2022');
    await page.screenshot({ path: join(ARTIFACTS, 'deck-panel.png') });
    // Dragging the first slide's number onto the second row swaps them (both in view: a drag that scrolls the
    // list would start under the mouse on another row).
    await panel.locator('li[data-slide]').nth(0).locator('.deck-number').dragTo(panel.locator('li[data-slide]').nth(1));
    await expect
      .poll(async () => (await fetchDeck(copy.id)).slides.map((s) => s.title), POLL)
      .toEqual([SLIDES[1].title, SLIDES[0].title, 'Cao Bằng năm 2022', SLIDES[2].title]);

    // Play from the panel: the saved slide shows Cao Bằng in 2022.
    await panel.getByRole('button', { name: 'Trình chiếu từ trang 3' }).click();
    await page.waitForSelector('.app.present');
    await expect.poll(() => page.locator('.deck-counter').textContent(), POLL).toBe('3/4');
    const params = new URL(page.url()).searchParams;
    expect([params.get('deck'), params.get('year'), params.get('province')]).toEqual([String(copy.id), '2022', '04']);
    expect(await page.getByLabel('Tiêu đề trình chiếu').inputValue()).toBe('Cao Bằng năm 2022');
    await waitForMap(page);
  });
});
