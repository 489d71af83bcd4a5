import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPoints } from '../../shared/export/keyFigures.js';
import { formatCount, formatPercent } from '../../shared/lib/format.js';
import { NO_DATA_HATCH, STATUS_COLORS } from '../../shared/lib/statusClasses.js';
import { skipUnlessCi } from '../support/prerequisites.js';
import { countColour, distinctColours, exportPng, extent, mapFrame, textLines } from './pngExport.js';
import { ARTIFACTS, e2eSkipReason, jumpAndSettle, showInPage, startPortal, waitForMap, type Portal } from './harness.js';

const db = inject('seededDb');
const skip = skipUnlessCi('the presentation end-to-end tests', e2eSkipReason(db));


interface Total {
  communes: { total: number; certified: number };
  residential: { total: number; certified: number };
  models: number;
  rates: { communes: number; residential: number };
}


describe.skipIf(skip)('presentation mode and PNG export', { timeout: 240_000 }, () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal(db!);
  });
  afterAll(async () => {
    await portal?.close();
  });
  const total = async (year: number, query = 'level=commune') =>
    ((await (await fetch(`${portal.url}/api/stats?year=${year}&${query}`)).json()) as { total: Total }).total;

  it('enters presentation mode, edits the title, shows the key figures, leaves with Escape', async () => {
    const { page, url } = portal;
    await page.goto(`${url}/?year=2025`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Trình chiếu' }).click();
    await page.waitForSelector('.app.present');
    expect(await page.locator('.topbar').count()).toBe(0);
    expect(await page.locator('.toolbar').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('present')).toBe('1');

    const title = page.getByLabel('Tiêu đề trình chiếu');
    expect(await title.inputValue()).toBe('Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm 2025');
    await title.fill('Hội nghị tổng kết phong trào Toàn dân bảo vệ ANTQ năm 2025');
    await expect.poll(() => new URL(page.url()).searchParams.get('title')).toBe('Hội nghị tổng kết phong trào Toàn dân bảo vệ ANTQ năm 2025');

    // 2024 is before the reform: the change is against the figures reported on the old communes, not the roll-up.
    const [now, before] = [await total(2025), await total(2024, 'level=province&vintage=pre2025')];
    expect(before.communes.total).toBeGreaterThan(10_000);
    const strip = page.locator('.key-figures');
    await expect.poll(() => strip.locator('[data-figure="change"] strong').textContent()).not.toBe('–');
    const text = (id: string) => strip.locator(`[data-figure="${id}"] dd`).textContent();
    expect(await text('communes')).toBe(`${formatCount(now.communes.certified)}/${formatCount(now.communes.total)} ${formatPercent(now.rates.communes)}`);
    expect(await text('change')).toBe(`${formatPoints(now.rates.communes, before.rates.communes)} năm 2024: ${formatPercent(before.rates.communes)} (${formatCount(before.communes.total)} xã cũ, trước sắp xếp)`);
    expect(await text('residential')).toBe(`${formatCount(now.residential.certified)}/${formatCount(now.residential.total)} ${formatPercent(now.rates.residential)}`);
    expect(await text('models')).toBe(`${formatCount(now.models)} năm 2025`);
    await waitForMap(page);
    await page.screenshot({ path: join(ARTIFACTS, 'present-mode.png') });

    // A reload keeps the mode and the title.
    await page.reload();
    await waitForMap(page);
    expect(await page.getByLabel('Tiêu đề trình chiếu').inputValue()).toBe('Hội nghị tổng kết phong trào Toàn dân bảo vệ ANTQ năm 2025');
  });

  it('on a 1024 × 768 projector, fits the whole country in the map left under the key figures, clear of the legend', async () => {
    const { page, url } = portal;
    await page.setViewportSize({ width: 1024, height: 768 });
    try {
      await page.goto(`${url}/?present=1`);
      await waitForMap(page);
      // The key figures arrive after the map is made and take its top: the map is fitted again to what is left.
      const placed = () =>
        page.evaluate(() => {
          const m = window.antqMap!;
          const canvas = m.getCanvas().getBoundingClientRect();
          const legend = document.querySelector('.legend')!.getBoundingClientRect();
          // Lũng Cú (the northern tip), Phú Quốc, Mũi Cà Mau: on the page, in CSS pixels.
          const at = (lng: number, lat: number) => {
            const p = m.project([lng, lat]);
            return { x: canvas.left + p.x, y: canvas.top + p.y };
          };
          const [north, phuQuoc, caMau] = [at(105.32, 23.36), at(103.96, 10.23), at(104.72, 8.6)];
          const inMap = (p: { x: number; y: number }) => p.x >= canvas.left && p.x <= canvas.right && p.y >= canvas.top && p.y <= canvas.bottom;
          const underLegend = (p: { x: number; y: number }) => p.x >= legend.left && p.x <= legend.right && p.y >= legend.top && p.y <= legend.bottom;
          return { inMap: [north, phuQuoc, caMau].every(inMap), underLegend: [phuQuoc, caMau].some(underLegend) };
        });
      await expect.poll(placed, { timeout: 20_000 }).toEqual({ inMap: true, underLegend: false });
      await page.screenshot({ path: join(ARTIFACTS, 'present-1024.png') });
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('exports a print-ready PNG at 1× and 2×', async () => {
    const { page } = portal;
    await page.waitForSelector('.app.present');
    await waitForMap(page);
    const css = await page.evaluate(() => {
      const c = window.antqMap!.getContainer();
      return { w: c.clientWidth, h: c.clientHeight };
    });
    for (const scale of [1, 2]) {
      const png = await exportPng(page, scale, `present-export-${scale}x.png`);
      const mapArea = mapFrame(png);
      // The map as shown, at the scale, under a title band of one title and one subtitle line, over a one-line footer.
      expect(png.width).toBe(css.w * scale);
      expect(mapArea.h).toBeGreaterThanOrEqual(css.h * scale - 6 * scale);
      expect(mapArea.y).toBeGreaterThanOrEqual(96 * scale);
      expect(mapArea.y).toBeLessThan(100 * scale);
      expect(png.height - mapArea.y - mapArea.h).toBeLessThan(44 * scale);
      // Not a blank WebGL buffer: many colours, and the certified blue (opaque fills in presentation mode).
      expect(distinctColours(png, mapArea)).toBeGreaterThan(50);
      expect(countColour(png, STATUS_COLORS.dat, mapArea)).toBeGreaterThan(5000 * scale * scale);
      // Legend swatches, bottom left: the other statuses and the hatched "no data".
      const legendArea = { x: 0, y: mapArea.y + Math.round(mapArea.h / 2), w: Math.round(png.width / 3), h: Math.round(mapArea.h / 2) };
      for (const hex of [STATUS_COLORS.dat, STATUS_COLORS.chua_dat, STATUS_COLORS.chua_danh_gia]) {
        expect(countColour(png, hex, legendArea)).toBeGreaterThan(30 * 18 * scale * scale);
      }
      expect(countColour(png, NO_DATA_HATCH, legendArea, 12)).toBeGreaterThan(20 * scale * scale);
      // Title band: dark red title on white.
      expect(countColour(png, '#8b0000', { x: 0, y: 0, w: png.width, h: mapArea.y }, 10)).toBeGreaterThan(200 * scale * scale);
      expect(textLines(png, '#8b0000', { y: 0, h: mapArea.y })).toHaveLength(1);
    }
  });

  it('draws Hoàng Sa and Trường Sa in an inset when the view leaves them out, and 4× stays within 3840 × 2160', async () => {
    const { page } = portal;
    await jumpAndSettle(page, [105.85, 21.03], 8);
    await waitForMap(page);
    const png = await exportPng(page, 4, 'present-export-hanoi-4x.png');
    expect(png.width).toBeLessThanOrEqual(3840);
    expect(png.height).toBeLessThanOrEqual(2160);
    expect(Math.max(png.width / 3840, png.height / 2160)).toBeCloseTo(1, 2);
    // The inset sits top right of the map, framed in black with the sea colour inside.
    const frame = mapFrame(png);
    const corner = { x: Math.round(png.width * 0.8), y: frame.y, w: Math.round(png.width * 0.2) - frame.x, h: Math.round(frame.h * 0.5) };
    expect(countColour(png, '#dce8f0', corner, 2)).toBeGreaterThan(10_000);
    expect(countColour(png, STATUS_COLORS.dat, corner, 3) + countColour(png, STATUS_COLORS.chua_dat, corner, 3)).toBeGreaterThan(20);

    await page.keyboard.press('Escape');
    await page.waitForSelector('.topbar');
    expect(new URL(page.url()).searchParams.get('present')).toBeNull();
  });
  it('exports two compared maps side by side, each with its label, and its own legend for another metric', async () => {
    const { page } = portal;
    await showInPage(page, `${portal.url}/?year=2025&compare=2024&cmetric=density`);
    await page.waitForSelector('.map[data-map="compare"][data-map-ready="true"]', { timeout: 60_000 });
    const css = await page.evaluate(() =>
      (['main', 'compare'] as const).map((n) => {
        const c = window.antqMaps![n].getContainer();
        return { w: c.clientWidth, h: c.clientHeight };
      }),
    );
    // The second legend's colours, as the page shows them.
    const densityColours = await page.$$eval('.legend-second .swatch:not(.hatched)', (els) =>
      els.map((e) => {
        const [r, g, b] = getComputedStyle(e).backgroundColor.match(/\d+/g)!.map(Number);
        return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
      }),
    );
    expect(densityColours).toHaveLength(5);
    const png = await exportPng(page, 1, 'export-compare-1x.png');
    const frame = mapFrame(png);
    expect(png.width).toBe(css[0].w + css[1].w);
    const left = { x: 0, y: frame.y, w: css[0].w, h: frame.h };
    const right = { x: css[0].w, y: frame.y, w: png.width - css[0].w, h: frame.h };
    const lowerLeftOf = (r: typeof left) => ({ x: r.x, y: r.y + Math.round(r.h / 2), w: Math.round(r.w / 2), h: Math.round(r.h / 2) });
    for (const pane of [left, right]) {
      // Each map drawn (not a blank buffer), under its label band (white on dark blue) at the top.
      expect(distinctColours(png, pane)).toBeGreaterThan(50);
      expect(countColour(png, '#0b3d63', { x: pane.x, y: pane.y, w: pane.w, h: 60 }, 6)).toBeGreaterThan(500);
    }
    // The status legend under the first map, the density legend under the second, not the other way round.
    for (const hex of [STATUS_COLORS.dat, STATUS_COLORS.chua_dat, STATUS_COLORS.chua_danh_gia]) {
      expect(countColour(png, hex, lowerLeftOf(left))).toBeGreaterThan(30 * 18);
      expect(countColour(png, hex, lowerLeftOf(right))).toBeLessThan(30);
    }
    for (const hex of densityColours) expect(countColour(png, hex, lowerLeftOf(right))).toBeGreaterThan(30 * 18);
  });

  it("exports a phone's map readably: the badge, the title wrapped over the width, the legend under the map", async () => {
    const { page, url } = portal;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await showInPage(page, `${url}/?year=2025`);
      const png = await exportPng(page, 1, 'export-phone-1x.png');
      expect(png.width).toBe(390);
      const frame = mapFrame(png);
      const head = { y: 0, h: frame.y };
      // The badge and a title of two or three lines, as wide as the image allows (not squeezed into a corner).
      expect(countColour(png, '#fff3c4', { x: 0, ...head, w: png.width })).toBeGreaterThan(2000);
      const title = textLines(png, '#8b0000', head);
      expect(title.length).toBeGreaterThanOrEqual(2);
      expect(title.length).toBeLessThanOrEqual(3);
      for (const l of title) expect(l.bottom - l.top).toBeGreaterThanOrEqual(16);
      const [left, right] = extent(png, '#8b0000', head);
      expect(right - left).toBeGreaterThan(png.width * 0.7);
      // The legend's swatches under the map, none over its lower left (where a desktop's legend stands).
      const below = { x: 0, y: frame.y + frame.h + 4, w: png.width, h: png.height - frame.y - frame.h - 4 };
      const lowerLeft = { x: frame.x, y: frame.y + Math.round(frame.h * 0.6), w: Math.round(frame.w * 0.6), h: Math.round(frame.h * 0.4) };
      for (const hex of [STATUS_COLORS.chua_dat, STATUS_COLORS.chua_danh_gia]) {
        expect(countColour(png, hex, below)).toBeGreaterThan(30 * 18);
        expect(countColour(png, hex, lowerLeft)).toBeLessThan(30 * 18);
      }
      expect(countColour(png, NO_DATA_HATCH, below, 12)).toBeGreaterThan(20);
      // An upright image is capped at 2160 × 3840, not 3840 × 2160: 2× is twice the screen's width.
      const two = await exportPng(page, 2, 'export-phone-2x.png');
      expect([two.width, Math.abs(two.height - 2 * png.height) <= 2]).toEqual([780, true]);
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('on a phone, presentation mode shows its whole title, wrapped, and its legend folded to a title that opens it', async () => {
    // A page opened on a phone (a deck's link): its legend starts folded there.
    const page = await portal.browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    try {
      await page.goto(`${portal.url}/?year=2025&present=1`);
      await waitForMap(page);
      for (const label of ['Tiêu đề trình chiếu', 'Phụ đề trình chiếu']) {
        const box = page.getByLabel(label);
        const fit = await box.evaluate((e) => ({ lines: Math.round(e.clientHeight / parseFloat(getComputedStyle(e).lineHeight)), clipped: e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1 }));
        expect(fit.clipped, label).toBe(false);
        expect(fit.lines, label).toBeGreaterThanOrEqual(2);
      }
      const legend = page.locator('.legend');
      expect((await legend.boundingBox())!.height).toBeLessThan(60);
      expect(await legend.locator('.legend-chevron').isVisible()).toBe(true);
      await legend.locator('.legend-toggle').tap();
      await legend.locator('li').first().waitFor();
      // Enter leaves the title as it leaves a line of text: no line break in it.
      const title = page.getByLabel('Tiêu đề trình chiếu');
      await title.click();
      await title.press('End');
      await title.press('Enter');
      expect(await title.inputValue()).not.toContain('\n');
      expect(await title.evaluate((e) => e === document.activeElement)).toBe(false);
    } finally {
      await page.close();
    }
  });
});
