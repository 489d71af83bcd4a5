import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfPageLayout, type Box, type Orientation, type Paper } from '../../client/export/pdfLayout.js';
import { formatDate } from '../../shared/lib/format.js';
import { NO_DATA_HATCH, STATUS_COLORS } from '../../shared/lib/statusClasses.js';
import { missingPoppler, skipUnlessCi } from '../support/prerequisites.js';
import { ARTIFACTS, e2eSkipReason, showInPage, startPortal, waitForMap, type Portal } from './harness.js';

const db = inject('seededDb');
const skip = skipUnlessCi('the PDF end-to-end tests', e2eSkipReason(db) ?? missingPoppler());

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** Pixels of a box (PDF points; the page is rendered at 72 dpi, one pixel per point) within `tol` of a colour. */
function countColour(png: PNG, hex: string, box: Box, tol: number): number {
  const [r, g, b] = rgb(hex);
  let n = 0;
  for (let y = Math.ceil(box.y); y < Math.floor(box.y + box.height); y++)
    for (let x = Math.ceil(box.x); x < Math.floor(box.x + box.width); x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i] - r) <= tol && Math.abs(png.data[i + 1] - g) <= tol && Math.abs(png.data[i + 2] - b) <= tol) n++;
    }
  return n;
}
function distinctColours(png: PNG, box: Box): number {
  const seen = new Set<number>();
  for (let y = Math.ceil(box.y); y < box.y + box.height; y += 2)
    for (let x = Math.ceil(box.x); x < box.x + box.width; x += 2) {
      const i = (y * png.width + x) * 4;
      seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    }
  return seen.size;
}

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pdftext = (file: string, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });
/** One page rendered at 72 dpi (one pixel per point). */
function renderPage(file: string, page: number): PNG {
  const dir = mkdtempSync(join(tmpdir(), 'antq-pdf-'));
  execFileSync('pdftoppm', ['-r', '72', '-png', '-f', String(page), '-l', String(page), file, join(dir, 'p')]);
  return PNG.sync.read(readFileSync(join(dir, readdirSync(dir)[0])));
}

/** The map's camera, to show that exporting never moves it. */
const camera = (page: Page) =>
  page.evaluate(() => {
    const m = window.antqMap!;
    return { ...m.getCenter(), zoom: m.getZoom() };
  });

async function choosePaper(page: Page, paper: Paper, orientation: Orientation) {
  await page.getByRole('button', { name: 'Xuất bản đồ' }).click();
  await page.getByLabel('Khổ giấy').selectOption(paper);
  await page.getByLabel('Hướng giấy').selectOption(orientation);
}

async function exportPdf(page: Page, paper: Paper, orientation: Orientation, name: string): Promise<string> {
  await choosePaper(page, paper, orientation);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('menuitem', { name: 'Xuất PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`ban-do-antt-toan-quoc-2025-${paper}-${orientation === 'landscape' ? 'ngang' : 'doc'}.pdf`);
  const path = join(ARTIFACTS, name);
  await download.saveAs(path);
  return path;
}

describe.skipIf(skip)('PDF export and the conference pack', { timeout: 600_000 }, () => {
  let portal: Portal;
  let meta: { dataAsOf: string; provinces: { code: string; fullName: string }[] };
  beforeAll(async () => {
    portal = await startPortal(db!);
    meta = (await (await fetch(`${portal.url}/api/meta`)).json()) as typeof meta;
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('exports the view as an A4 landscape page: the map in colour, the legend, the title and the date as text', async () => {
    const { page, url } = portal;
    await page.goto(`${url}/?year=2025`);
    await waitForMap(page);
    const before = await camera(page);
    const file = await exportPdf(page, 'A4', 'landscape', 'export-a4-landscape.pdf');
    expect(pdfinfo(file)).toMatch(/Pages:\s+1\n/);
    expect(pdfinfo(file)).toMatch(/Page size:\s+841\.89 x 595\.28 pts/);

    const text = pdftext(file);
    expect(text).toContain('Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm 2025');
    expect(text).toContain(`Số liệu đến ngày ${formatDate(meta.dataAsOf)}`);
    expect(text).toContain('DỮ LIỆU MINH HỌA');
    expect(text).toContain('Không có số liệu');
    expect(text).toContain('Nguồn: Dữ liệu minh họa. Ranh giới: sapnhap.bando.com.vn');
    expect(text).toContain('Số liệu chính – Toàn quốc, năm 2025');

    const L = pdfPageLayout('A4', 'landscape');
    const png = renderPage(file, 1);
    expect([png.width, png.height]).toEqual([Math.ceil(L.width), Math.ceil(L.height)]);
    // The map is drawn, not a blank buffer: many colours, and plenty of the certified blue (JPEG: a tolerance).
    expect(distinctColours(png, L.map)).toBeGreaterThan(100);
    expect(countColour(png, STATUS_COLORS.dat, L.map, 30)).toBeGreaterThan(2_000);
    expect(countColour(png, STATUS_COLORS.chua_dat, L.map, 30)).toBeGreaterThan(20);
    // The legend's swatches (vector, exact colours), with the hatched "no data".
    for (const hex of [STATUS_COLORS.dat, STATUS_COLORS.chua_dat, STATUS_COLORS.chua_danh_gia]) expect(countColour(png, hex, L.legend, 2)).toBeGreaterThan(60);
    expect(countColour(png, NO_DATA_HATCH, L.legend, 40)).toBeGreaterThan(8);
    // The map on screen did not move, and the off-screen print map is gone.
    expect(await camera(page)).toEqual(before);
    expect(await page.locator('.print-map').count()).toBe(0);
  });

  it('exports A3 portrait at the right size, from presentation mode too', async () => {
    const { page } = portal;
    // Each view in the page the test before left (the views are in the URL; no page load needed).
    await showInPage(page, `${portal.url}/?year=2025&present=1&title=${encodeURIComponent('Hội nghị tổng kết năm 2025')}`);
    await choosePaper(page, 'A3', 'portrait');
    await page.screenshot({ path: join(ARTIFACTS, 'pdf-menu-present.png') });
    await page.getByRole('button', { name: 'Xuất bản đồ' }).click();
    const file = await exportPdf(page, 'A3', 'portrait', 'export-a3-portrait.pdf');
    expect(pdftext(file)).toContain('Hội nghị tổng kết năm 2025');
    expect(pdfinfo(file)).toMatch(/Page size:\s+841\.89 x 1190\.55 pts/);
    const L = pdfPageLayout('A3', 'portrait');
    const png = renderPage(file, 1);
    expect(distinctColours(png, L.map)).toBeGreaterThan(100);
    expect(countColour(png, STATUS_COLORS.chua_danh_gia, L.legend, 2)).toBeGreaterThan(100);
  });

  it('exports a comparison as two pages in the same frame, each map with its label, legend and figures', async () => {
    const { page } = portal;
    await showInPage(page, `${portal.url}/?year=2025&compare=2024&cmetric=density`);
    await page.waitForSelector('.map[data-map="compare"][data-map-ready="true"]', { timeout: 60_000 });
    await waitForMap(page);
    const densityColours = await page.$$eval('.legend-second .swatch:not(.hatched)', (els) =>
      els.map((e) => `#${getComputedStyle(e).backgroundColor.match(/\d+/g)!.slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`),
    );
    const file = await exportPdf(page, 'A4', 'landscape', 'export-compare-a4.pdf');
    expect(pdfinfo(file)).toMatch(/Pages:\s+2\n/);
    const [first, second] = [pdftext(file, 1), pdftext(file, 2)];
    expect(first).toContain('Năm 2025 · Tình trạng công nhận');
    expect(first).toContain('Số liệu chính – Toàn quốc, năm 2025');
    expect(second).toContain('Năm 2024 · Mật độ mô hình tự quản trên 10.000 dân');
    expect(second).toContain('Số liệu chính – Toàn quốc, năm 2024');
    expect(second).toContain('Không có số liệu');
    const L = pdfPageLayout('A4', 'landscape');
    const [p1, p2] = [renderPage(file, 1), renderPage(file, 2)];
    expect(distinctColours(p2, L.map)).toBeGreaterThan(100);
    // Each page's legend is its map's: status on the first, the density classes on the second.
    for (const hex of [STATUS_COLORS.dat, STATUS_COLORS.chua_dat]) {
      expect(countColour(p1, hex, L.legend, 2)).toBeGreaterThan(60);
      expect(countColour(p2, hex, L.legend, 2)).toBeLessThan(10);
    }
    for (const hex of densityColours) expect(countColour(p2, hex, L.legend, 2)).toBeGreaterThan(60);
    expect(await page.locator('.print-map').count()).toBe(0);
  });

  it('cancels the conference pack from presentation mode: no download, the map on screen as it was, the next export works', async () => {
    const { page } = portal;
    await showInPage(page, `${portal.url}/?year=2025&present=1`);
    const before = await camera(page);
    let downloads = 0;
    const count = () => downloads++;
    page.on('download', count);
    await choosePaper(page, 'A4', 'landscape');
    await page.getByRole('menuitem', { name: 'Bộ bản đồ hội nghị (35 trang)' }).click();
    const progress = page.locator('.export-progress');
    await expect.poll(async () => (await progress.textContent()) ?? '', { timeout: 120_000, interval: 200 }).toMatch(/Đang tạo trang [3-9]\/35 …/);
    await page.screenshot({ path: join(ARTIFACTS, 'pdf-pack-progress.png') });
    await progress.getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => progress.count(), { timeout: 30_000 }).toBe(0);
    expect(await page.locator('.print-map').count()).toBe(0);
    expect(downloads).toBe(0);
    // The next export runs to its download: a pack that was not really stopped would have drawn on, or downloaded, meanwhile.
    await exportPdf(page, 'A4', 'landscape', 'export-after-cancel.pdf');
    page.off('download', count);
    expect(downloads).toBe(1);
    expect(await camera(page)).toEqual(before);
    expect(await page.locator('.map[data-map="main"]').getAttribute('data-map-ready')).toBe('true');
  });

  it('builds the conference pack: the country and 34 provinces on 35 pages, with the same classes', async () => {
    const { page } = portal;
    await choosePaper(page, 'A4', 'landscape');
    const progress = page.locator('.export-progress');
    const seen = new Set<string>();
    const [download] = await Promise.all([
      // 5–9 s a page with software WebGL on a busy 2-core machine.
      page.waitForEvent('download', { timeout: 540_000 }),
      (async () => {
        await page.getByRole('menuitem', { name: 'Bộ bản đồ hội nghị (35 trang)' }).click();
        // The progress line counts the pages (sampled while the pack builds).
        for (let i = 0; i < 1_200 && seen.size < 3; i++) {
          const t = await progress.textContent({ timeout: 1_000 }).catch(() => null);
          const m = t?.match(/Đang tạo trang (\d+)\/35 …/);
          if (m) seen.add(m[1]);
          await page.waitForTimeout(100);
        }
      })(),
    ]);
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(download.suggestedFilename()).toBe('bo-ban-do-hoi-nghi-2025-A4.pdf');
    const file = join(ARTIFACTS, 'bo-ban-do-hoi-nghi-2025-A4.pdf');
    await download.saveAs(file);
    expect(pdfinfo(file)).toMatch(/Pages:\s+35\n/);

    const provinces = [...meta.provinces].sort((a, b) => a.code.localeCompare(b.code));
    expect(provinces).toHaveLength(34);
    // The text of all pages in one pass: pdftotext ends each page with a form feed.
    const pages = pdftext(file).split('\f');
    expect(pages[0]).toContain('– Toàn quốc');
    for (const [i, p] of provinces.entries()) {
      // Long lines wrap: compare with the spaces and line breaks made one.
      const text = pages[i + 1].replace(/\s+/g, ' ');
      expect(text).toContain(`Số liệu chính – ${p.fullName}, năm 2025`);
      expect(text).toContain('Số liệu đến ngày');
      expect(text).toContain('Xã, phường, đặc khu đạt chuẩn');
    }
    // Every page's map is drawn and coloured; the legends share the status colours.
    const L = pdfPageLayout('A4', 'landscape');
    for (const n of [1, 2, 35]) {
      const png = renderPage(file, n);
      expect(distinctColours(png, L.map)).toBeGreaterThan(100);
      expect(countColour(png, STATUS_COLORS.dat, L.map, 30)).toBeGreaterThan(2_000);
      expect(countColour(png, STATUS_COLORS.dat, L.legend, 2)).toBeGreaterThan(60);
    }
  });
});
