import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, e2eSkipReason, startPortal, waitForMap, type Portal } from './harness.js';
import { skipUnlessCi } from '../support/prerequisites.js';

const db = inject('seededDb');
const skip = skipUnlessCi('Office end-to-end tests', e2eSkipReason(db));

const texts = async (zip: JSZip, re: RegExp) =>
  (await Promise.all(Object.keys(zip.files).filter((f) => re.test(f)).map((f) => zip.file(f)!.async('string')))).join('\n').replace(/<[^>]+>/g, ' ');

describe.skipIf(skip)('Word and PowerPoint from the export menu and the deck panel', { timeout: 600_000 }, () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal(db!);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('downloads the province’s Word report and the view as a slide; the pack shows its progress and stops on Hủy', async () => {
    const { page, url } = portal;
    await page.goto(`${url}/?year=2025&province=24`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Xuất bản đồ' }).click();
    await page.screenshot({ path: join(ARTIFACTS, 'office-menu.png') });
    const [docx] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), page.getByRole('menuitem', { name: 'Báo cáo Word (của tỉnh)' }).click()]);
    expect(docx.suggestedFilename()).toBe('bao-cao-antq-2025-tinh-bac-ninh.docx');
    const docxPath = join(ARTIFACTS, 'office-report.docx');
    await docx.saveAs(docxPath);
    const doc = await texts(await JSZip.loadAsync(readFileSync(docxPath)), /^word\/(document|header\d*)\.xml$/);
    expect(doc).toContain('Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm 2025');
    expect(doc).toContain('SẮP XẾP ĐƠN VỊ HÀNH CHÍNH');
    expect(doc).toContain('Dữ liệu minh họa');

    await page.getByRole('button', { name: 'Xuất bản đồ' }).click();
    const [pptx] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), page.getByRole('menuitem', { name: 'Trang chiếu PowerPoint' }).click()]);
    expect(pptx.suggestedFilename()).toBe('trang-chieu-2025.pptx');
    const pptxPath = join(ARTIFACTS, 'office-slide.pptx');
    await pptx.saveAs(pptxPath);
    const zip = await JSZip.loadAsync(readFileSync(pptxPath));
    expect(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(1);
    const slide = await texts(zip, /^ppt\/slides\/slide1\.xml$/);
    expect(slide).toContain('Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm 2025');
    expect(slide).toContain('Tỉnh Bắc Ninh');

    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByRole('button', { name: 'Xuất bản đồ' }).click();
    await page.getByRole('menuitem', { name: /Bộ trang chiếu \(35 trang/ }).click();
    const progress = page.locator('.export-progress');
    await progress.getByText(/Đang tạo trang chiếu [2-9]\/35/).waitFor({ timeout: 240_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'office-pack-progress.png') });
    await progress.getByRole('button', { name: 'Hủy' }).click();
    await progress.waitFor({ state: 'detached', timeout: 60_000 });
    expect(downloaded).toBe(false);
  });
});
