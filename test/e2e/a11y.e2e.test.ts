// Every leader's screen, in Chromium: axe-core (WCAG 2.2 AA) on the map, a province, the table, the worklist,
// presentation mode and the admin pages at desktop and phone sizes; the keyboard alone from the search to the panel
// and the table; and a phone's screen: the map's share, no sideways scrolling, touch targets, a tap and a pinch.

import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyWithAdmin, type TempDb } from '../support/tempDb.js';
import { ARTIFACTS, e2eSkipReason, showInPage, startPortal, waitForMap, type Portal } from './harness.js';
import { skipUnlessCi } from '../support/prerequisites.js';

const seeded = inject('seededDb');
const skip = skipUnlessCi('accessibility end-to-end tests', e2eSkipReason(seeded));

const NAME = 'kiemtra';
const PASSWORD = 'mat-khau-kiem-tra-a11y';
const PHONE = { width: 390, height: 844 };

/** The serious and critical WCAG 2.x A/AA violations on the page as it is, one line each. */
async function violations(page: Page): Promise<string[]> {
  // Legacy mode runs in the page itself: the default opens a page of its own, which a page made by browser.newPage cannot.
  const r = await new AxeBuilder({ page: page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`);
}

/** Adds the page's violations, if any, to `found` under `key`. */
async function record(found: Record<string, string[]>, key: string, page: Page): Promise<void> {
  const v = await violations(page);
  if (v.length) found[key] = v;
}

describe.skipIf(skip)('every leader’s screen in Chromium', { timeout: 480_000 }, () => {
  let tmp: TempDb;
  let portal: Portal;
  let phone: Page;

  beforeAll(async () => {
    tmp = await copyWithAdmin(seeded!, NAME, PASSWORD);
    portal = await startPortal(tmp.path);
    phone = await portal.browser.newPage({ viewport: PHONE, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
    await phone.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' || !/^https?:/.test(route.request().url()) ? route.continue() : route.abort()));
  });
  afterAll(async () => {
    await portal?.close();
    tmp?.remove();
  });

  /** Opens a control of the top bar: in the sheet on a phone. */
  async function press(page: Page, selector: string) {
    if (await page.locator('.menu-button').isVisible()) {
      await page.locator('.menu-button').click();
      await page.locator(`.sheet ${selector}`).click();
    } else await page.locator(selector).first().click();
  }

  it('the map, a province, the table, the worklist and presentation mode: no serious or critical violation, at desktop size and on a phone', async () => {
    const found: Record<string, string[]> = {};
    for (const [size, page] of [['desktop', portal.page], ['phone', phone]] as const) {
      const check = (what: string) => record(found, `${size}: ${what}`, page);
      // One page load for each size: every other screen is reached in it (by its controls, or as Back brings a view).
      await page.goto(portal.url);
      await waitForMap(page);
      await check('national map');
      if (size === 'phone') {
        await page.locator('.menu-button').click();
        await page.locator('#controls-sheet').waitFor();
        await check('the controls sheet');
        await page.keyboard.press('Escape');
        await page.locator('#controls-sheet').waitFor({ state: 'hidden' });
      }
      await press(page, '.plan-toggle');
      await page.locator('.wl-row').first().waitFor({ timeout: 30_000 });
      await check('the worklist');
      if (size === 'phone') {
        // The worklist's legend folded to its title, so that the map above the list's sheet is seen; a tap opens it.
        const legend = page.locator('.plan-legend');
        expect((await legend.boundingBox())!.height).toBeLessThan(60);
        await legend.locator('.legend-toggle').click();
        await legend.locator('.bv-grid').waitFor();
        await check('the worklist with its legend open');
      }
      await press(page, '.plan-toggle');
      await page.locator('.worklist').waitFor({ state: 'detached' });

      await showInPage(page, `${portal.url}/?province=01&unit=01`);
      await expect.poll(() => page.locator('.panel h2').textContent(), { timeout: 20_000 }).toBe('Thành phố Hà Nội');
      await check('a province with its unit open');
      // The unit's panel closed, the province's table opened.
      await page.locator('.panel .close').click();
      await page.locator('.panel').waitFor({ state: 'detached' });
      await press(page, '.table-toggle');
      await page.locator('.datatable tbody tr').first().waitFor();
      await check('the table of a province');

      // The provinces' level (the table stays open, now of the 34 provinces).
      await showInPage(page, `${portal.url}/?level=province&metric=rate`);
      await page.locator('.datatable tbody tr').nth(33).waitFor();
      await check('the table of the provinces');
      // Presentation mode from its button, as a presenter enters it.
      await press(page, '.present-toggle[title^="Trình chiếu toàn màn hình"]');
      await page.locator('.app.present').waitFor();
      await waitForMap(page);
      await check('presentation mode');
    }
    expect(found).toEqual({});
  });

  it('the admin pages: no serious or critical violation, at desktop size and on a phone', async () => {
    const found: Record<string, string[]> = {};
    for (const [size, page] of [['desktop', portal.page], ['phone', phone]] as const) {
      const check = (what: string) => record(found, `${size}: ${what}`, page);
      await page.goto(`${portal.url}/quan-tri`);
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await check('log-in');
      await page.getByLabel('Tên đăng nhập').fill(NAME);
      await page.getByLabel('Mật khẩu').fill(PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      for (const tab of ['Nhập số liệu', 'Lịch sử nhập', 'Nhật ký', 'Người dùng']) {
        await page.getByRole('tab', { name: tab }).click();
        await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected'), { timeout: 20_000 }).toBe('true');
        await page.waitForLoadState('networkidle');
        await check(tab);
      }
    }
    expect(found).toEqual({});
  });

  it('with the keyboard alone: skip link, search, the panel read and closed with Escape, the map moved with keys, the table sorted', async () => {
    const page = portal.page;
    // Less motion asked for: the map jumps where it would fly.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(portal.url);
    await waitForMap(page);
    const focused = () => page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.trim().slice(0, 40), label: document.activeElement?.getAttribute('aria-label'), role: document.activeElement?.getAttribute('role') }));

    // The first stop is the skip link to the map, shown while focused.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Đến bản đồ' });
    expect(await page.locator('.skip-links a').first().evaluate((a) => a.getBoundingClientRect().top >= 0)).toBe(true);

    // Tab on to the search box; type without diacritics; Enter takes the first result.
    for (let i = 0; i < 40 && (await focused()).role !== 'combobox'; i++) await page.keyboard.press('Tab');
    expect((await focused()).role).toBe('combobox');
    await page.keyboard.type('dong ngan', { delay: 20 });
    await expect.poll(() => page.getByRole('listbox', { name: 'Kết quả tìm kiếm' }).getByRole('option').first().textContent(), { timeout: 20_000 }).toContain('Phường Từ Sơn');
    await page.keyboard.press('Enter');
    // The panel opens and takes the focus, named after the unit, so that a screen reader reads it at once.
    await expect.poll(() => page.locator('.panel h2').textContent(), { timeout: 20_000 }).toBe('Phường Từ Sơn');
    await expect.poll(focused, { timeout: 20_000 }).toMatchObject({ tag: 'ASIDE', label: 'Thông tin đơn vị: Phường Từ Sơn' });
    // Reduced motion: the map is already there, no fly-over under way.
    await expect.poll(() => page.evaluate(() => window.antqMap!.getZoom()), { timeout: 20_000 }).toBeGreaterThan(9);
    expect(await page.evaluate(() => window.antqMap!.isMoving())).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'keyboard-panel.png') });

    // Escape closes it and gives the focus back to the search box.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.panel').count(), { timeout: 20_000 }).toBe(0);
    expect(new URL(page.url()).searchParams.get('unit')).toBeNull();
    expect((await focused()).role).toBe('combobox');

    // The map region is named with what it shows, and follows the metric.
    const canvas = page.locator('canvas.maplibregl-canvas').first();
    expect(await canvas.getAttribute('aria-label')).toMatch(/^Bản đồ năm 2025, toàn quốc: [\d.]+\/3\.321 xã, phường đạt chuẩn/);

    // The skip link to the map, then keys move and zoom it; Enter opens the unit under its centre (Lào Cai's hills).
    await page.goto(`${portal.url}/?at=7/22/104`);
    await waitForMap(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ tag: 'CANVAS', role: 'region' });
    const camera = () => page.evaluate(() => [window.antqMap!.getZoom(), window.antqMap!.getCenter().lng]);
    const [z0, lng0] = await camera();
    await page.keyboard.press('=');
    await expect.poll(async () => (await camera())[0], { timeout: 20_000 }).toBeGreaterThan(z0 + 0.5);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await camera())[1], { timeout: 20_000 }).toBeGreaterThan(lng0);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('unit'), { timeout: 20_000 }).toMatch(/^\d{5}$/);
    await expect.poll(() => page.locator('.panel h2').count(), { timeout: 20_000 }).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.panel').count(), { timeout: 20_000 }).toBe(0);

    // The skip link to the table opens it with the focus in it; its headers sort.
    await page.goto(`${portal.url}/?province=01`);
    await waitForMap(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Đến bảng số liệu' });
    await page.keyboard.press('Enter');
    await page.locator('.datatable tbody tr').first().waitFor();
    expect(await focused()).toMatchObject({ tag: 'SECTION' });
    for (let i = 0; i < 10 && (await focused()).text !== 'Xã, phường'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'BUTTON', text: 'Xã, phường' });
    const nameHeader = page.locator('.datatable th[data-key="name"]');
    const names = () => page.locator('.datatable tbody th').allTextContents();
    await page.keyboard.press('Enter');
    await expect.poll(() => nameHeader.getAttribute('aria-sort'), { timeout: 20_000 }).toBe('ascending');
    const asc = await names();
    expect(asc.length).toBeGreaterThan(50);
    expect(asc).toEqual([...asc].sort(new Intl.Collator('vi', { sensitivity: 'base', numeric: true }).compare));
    await page.keyboard.press('Enter');
    await expect.poll(() => nameHeader.getAttribute('aria-sort'), { timeout: 20_000 }).toBe('descending');
    expect(await names()).toEqual([...asc].reverse());
    await page.screenshot({ path: join(ARTIFACTS, 'keyboard-table.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.datatable').count(), { timeout: 20_000 }).toBe(0);
    await page.emulateMedia({ reducedMotion: null });
  });

  it('on a phone: the map has the screen, nothing scrolls sideways, the controls are in a sheet, a tap on a commune too small for a finger zooms in, a tap opens a commune, a pinch zooms', async () => {
    const page = phone;
    const measure = () =>
      page.evaluate(() => ({
        map: document.querySelector('.map')!.getBoundingClientRect().height / window.innerHeight,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
    for (const size of [PHONE, { width: 360, height: 740 }]) {
      await page.setViewportSize(size);
      await page.goto(portal.url);
      await waitForMap(page);
      const m = await measure();
      expect(m.map).toBeGreaterThanOrEqual(0.65);
      expect(m.overflow).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, `phone-${size.width}-map.png`) });
    }
    // The bar is one short row; the sample label is on it.
    expect(await page.locator('.topbar').evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(60);
    expect(await page.locator('.topbar .sample-badge').isVisible()).toBe(true);

    // The controls: in the sheet, each at least 44 px high.
    await page.locator('.menu-button').click();
    const sheet = page.locator('#controls-sheet');
    await sheet.waitFor();
    const small = await sheet.evaluate((s) =>
      [...s.querySelectorAll<HTMLElement>('button, select, input, a')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => [e.textContent?.trim() || e.getAttribute('aria-label'), e.getBoundingClientRect().height] as const)
        .filter(([, h]) => h < 44),
    );
    expect(small).toEqual([]);
    expect((await measure()).overflow).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'phone-360-menu.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.isVisible(), { timeout: 20_000 }).toBe(false);

    // A tap on a commune too small for a finger (every commune is a few pixels at the national zoom) zooms in
    // around it and selects nothing; the next tap on it, now large enough, opens its sheet at the bottom.
    const laoCai = () =>
      page.evaluate(() => {
        const m = window.antqMap!;
        const p = m.project([104, 22]);
        const r = m.getCanvas().getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
      });
    const nationalZoom = await page.evaluate(() => window.antqMap!.getZoom());
    // The same on Hà Nội's centre, where a point query finds no ward at this zoom: the wards under the fingertip count.
    const national = await page.evaluate(() => ({ center: window.antqMap!.getCenter().toArray(), zoom: window.antqMap!.getZoom() }));
    const haNoi = await page.evaluate(() => {
      const m = window.antqMap!;
      const p = m.project([105.8, 21.0]);
      const r = m.getCanvas().getBoundingClientRect();
      return [r.left + p.x, r.top + p.y, m.queryRenderedFeatures(p, { layers: ['communes-fill'] }).length];
    });
    expect(haNoi[2]).toBe(0);
    await page.touchscreen.tap(haNoi[0], haNoi[1]);
    await expect.poll(() => page.evaluate(() => window.antqMap!.getZoom()), { timeout: 20_000 }).toBeGreaterThan(nationalZoom + 2.5);
    await expect.poll(() => page.evaluate(() => !window.antqMap!.isMoving()), { timeout: 20_000 }).toBe(true);
    expect(new URL(page.url()).searchParams.get('unit')).toBeNull();
    await page.evaluate((v) => window.antqMap!.jumpTo(v), national);
    let spot = await laoCai();
    await page.touchscreen.tap(spot[0], spot[1]);
    await expect.poll(() => page.evaluate(() => window.antqMap!.getZoom()), { timeout: 20_000 }).toBeGreaterThan(nationalZoom + 2.5);
    await expect.poll(() => page.evaluate(() => !window.antqMap!.isMoving()), { timeout: 20_000 }).toBe(true);
    expect(new URL(page.url()).searchParams.get('unit')).toBeNull();
    spot = await laoCai();
    await page.touchscreen.tap(spot[0], spot[1]);
    await expect.poll(() => new URL(page.url()).searchParams.get('unit'), { timeout: 20_000 }).toMatch(/^\d{5}$/);
    const panel = page.locator('.panel');
    await expect.poll(() => panel.locator('h2').count(), { timeout: 20_000 }).toBe(1);
    const box = (await panel.boundingBox())!;
    expect(box.y).toBeGreaterThan(740 * 0.3);
    expect(box.y + box.height).toBeCloseTo(740, 0);
    // The commune tapped comes above the sheet (the map's centre is that of the part still seen), not under it.
    await expect.poll(async () => (await laoCai())[1], { timeout: 20_000 }).toBeLessThan(box.y - 40);
    await expect.poll(() => page.evaluate(() => window.antqMap!.getPadding().bottom), { timeout: 20_000 }).toBeCloseTo(740 - box.y, 0);
    expect((await measure()).overflow).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'phone-360-panel.png') });
    await panel.locator('.close').click();

    // Two fingers spread apart zoom the map in.
    const zoom = () => page.evaluate(() => window.antqMap!.getZoom());
    const z0 = await zoom();
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', d: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: 180 - d, y: 400, id: 1 }, { x: 180 + d, y: 400, id: 2 }],
      });
    await touch('touchStart', 20);
    for (let d = 30; d <= 120; d += 10) await touch('touchMove', d);
    await touch('touchEnd', 0);
    await expect.poll(zoom, { timeout: 20_000 }).toBeGreaterThan(z0 + 0.5);

    // The table as a bottom sheet: it fits the phone's width (neither the page nor the table scrolls sideways), its
    // long headings abbreviated with their full words in <abbr title>; the province rides under the name nationally.
    const tableOverflow = () => page.locator('.dt-scroll').evaluate((s) => s.scrollWidth - s.clientWidth);
    for (const query of ['?province=01', '?metric=rate']) {
      // The second view in the same page, its table still open.
      if (query === '?province=01') {
        await page.goto(`${portal.url}/${query}`);
        await waitForMap(page);
        await press(page, '.table-toggle');
      } else await showInPage(page, `${portal.url}/${query}`);
      await page.locator('.datatable tbody tr').first().waitFor();
      if (query === '?province=01') {
        // The province is fitted into the part of the map above the sheet, all of it seen.
        const top = (await page.locator('.datatable').boundingBox())!.y;
        const southWest = () =>
          page.evaluate(async () => {
            const { provinces } = (await (await fetch('/api/boundaries')).json()) as { provinces: Record<string, { bbox: [number, number, number, number] }> };
            const [w, s] = provinces['01'].bbox;
            const m = window.antqMap!;
            return m.isMoving() ? Infinity : m.project([w, s]).y + m.getCanvas().getBoundingClientRect().top;
          });
        await expect.poll(southWest, { timeout: 20_000 }).toBeLessThan(top);
      }
      for (const size of [{ width: 360, height: 740 }, PHONE]) {
        await page.setViewportSize(size);
        await expect.poll(tableOverflow, { timeout: 20_000 }).toBeLessThanOrEqual(0);
        expect((await measure()).overflow).toBe(0);
        await page.screenshot({ path: join(ARTIFACTS, `phone-${size.width}-table${query === '?metric=rate' ? '-national' : ''}.png`) });
      }
      expect(await page.locator('.datatable thead abbr[title]').evaluateAll((a) => a.filter((e) => e.checkVisibility()).map((e) => e.getAttribute('title')))).toEqual(['Khu dân cư đạt', 'Mô hình tự quản']);
      await page.setViewportSize({ width: 360, height: 740 });
    }
    await expect.poll(() => page.locator('.datatable tbody th .dt-sub').first().isVisible(), { timeout: 20_000 }).toBe(true);
  });

  it('at desktop sizes the table shows every column without scrolling sideways, sortable, before and after presentation mode', async () => {
    const page = portal.page;
    const sideways = () => page.locator('.dt-scroll').evaluate((s) => s.scrollWidth - s.clientWidth);
    const headings = () => page.locator('.datatable thead th').evaluateAll((ths) => ths.map((th) => (th.checkVisibility() ? th.getAttribute('data-key') : null)));
    const abbreviated = () => page.locator('.datatable thead abbr[title]').evaluateAll((a) => a.filter((e) => e.checkVisibility()).map((e) => e.getAttribute('title')));
    const views = [
      { name: 'province', query: '?province=01', keys: ['name', 'value', 'residential', 'models', 'population'], short: ['Khu dân cư đạt', 'Mô hình tự quản'] },
      { name: 'national', query: '?metric=rate', keys: ['name', 'value', 'province', 'residential', 'models', 'population'], short: ['Khu dân cư đạt', 'Mô hình tự quản'] },
      { name: 'provinces', query: '?level=province&metric=rate', keys: ['name', 'value', 'communes', 'residential', 'models', 'population'], short: ['Xã, phường đạt chuẩn', 'Khu dân cư đạt', 'Mô hình tự quản'] },
    ];
    for (const v of views) {
      await page.setViewportSize({ width: 1400, height: 900 });
      // The first view loaded with its table opened; the others in the same page, the table still open.
      if (v === views[0]) {
        await page.goto(`${portal.url}/${v.query}`);
        await waitForMap(page);
        await page.locator('.table-toggle').click();
      } else await showInPage(page, `${portal.url}/${v.query}`);
      await page.locator('.datatable tbody tr').first().waitFor();
      for (const size of [{ width: 1400, height: 900 }, { width: 1024, height: 768 }]) {
        await page.setViewportSize(size);
        // Half of a 1024 px screen: the long headings give way to their abbreviations (full words in the title).
        await expect.poll(abbreviated, { timeout: 20_000 }).toEqual(size.width === 1024 ? v.short : []);
        await expect.poll(sideways, { timeout: 20_000 }).toBeLessThanOrEqual(0);
        expect(await headings()).toEqual(v.keys);
        await page.screenshot({ path: join(ARTIFACTS, `desktop-${size.width}-table-${v.name}.png`) });
      }
    }
    // Still sortable by an abbreviated heading.
    const models = page.locator('.datatable th[data-key="models"]');
    await models.locator('button').click();
    await expect.poll(() => models.getAttribute('aria-sort'), { timeout: 20_000 }).toBe('descending');
    const counts = await page.locator('.datatable tbody td:nth-child(5)').allTextContents();
    const n = counts.map((t) => Number(t.split(' ')[0].replace(/\./g, '')));
    expect(n.every(Number.isFinite)).toBe(true);
    expect(n).toEqual([...n].sort((a, b) => b - a));

    // Presentation mode hides the table; back from it, the table fits as before.
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByRole('button', { name: 'Trình chiếu', exact: true }).click();
    await page.waitForSelector('.app.present');
    expect(await page.locator('.datatable').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.topbar');
    if ((await page.locator('.datatable').count()) === 0) await page.locator('.table-toggle').click();
    await page.locator('.datatable tbody tr').first().waitFor();
    await expect.poll(sideways, { timeout: 20_000 }).toBeLessThanOrEqual(0);
    expect(await headings()).toEqual(views[2].keys);
  });
});
