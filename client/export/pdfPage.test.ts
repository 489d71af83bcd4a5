import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { missingPoppler, skipUnlessCi } from '../../test/support/prerequisites.js';
import { buildLegend, type Row } from '../../shared/lib/legendModel.js';
import { STATUS_COLORS } from '../../shared/lib/statusClasses.js';
import { keyFigures } from '../../shared/export/keyFigures.js';
import { embedFonts } from './pdfFont.js';
import { pdfPageLayout } from './pdfLayout.js';
import { addMapPage, type MapShot } from './pdfPage.js';

const FONTS = join(import.meta.dirname, '..', '..', 'node_modules', '@expo-google-fonts', 'noto-sans');
const skip = skipUnlessCi('the PDF page tests', missingPoppler(['pdftotext', 'pdftoppm']));

/** A stand-in for the captured map: a 40 × 30 PNG in one colour (the drawing of the page is what is tested). */
function mapPng(hex: string): Uint8Array {
  const png = new PNG({ width: 40, height: 30 });
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let i = 0; i < png.data.length; i += 4) png.data.set([r, g, b, 255], i);
  return PNG.sync.write(png);
}

const rows = (['dat', 'dat', 'chua_dat', 'chua_danh_gia', null] as const).map((status, i): Row => ({ code: `0000${i}`, status, residential: { total: 1, certified: 1 }, models: 1, population: 1, areaKm2: 1 }));
const legend = buildLegend(rows, { metric: 'status', denominator: 'population', changeFrom: null, classing: { method: 'quantile', k: 5, breaks: [] } });
const tally = (c: number, t: number) => ({ communes: { total: t, certified: c }, residential: { total: 200, certified: 190 }, models: 31_020, rates: { communes: c / t, residential: 0.95 } });

async function page(paper: 'A4' | 'A3', orientation: 'landscape' | 'portrait'): Promise<{ file: string; layout: ReturnType<typeof pdfPageLayout> }> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc, {
    regular: readFileSync(join(FONTS, '400Regular', 'NotoSans_400Regular.ttf')),
    bold: readFileSync(join(FONTS, '700Bold', 'NotoSans_700Bold.ttf')),
  });
  const layout = pdfPageLayout(paper, orientation);
  const shot: MapShot = { image: { bytes: mapPng(STATUS_COLORS.dat), type: 'png' }, metresPerPoint: 2000, inset: null };
  await addMapPage(
    doc,
    fonts,
    layout,
    {
      title: 'Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm 2025',
      subtitle: 'Tỉnh Quảng Ngãi',
      sampleLabel: 'Dữ liệu minh họa',
      asOf: '23/11/2026',
      source: 'Nguồn: Dữ liệu minh họa. Ranh giới: sapnhap.bando.com.vn',
      legendTitle: 'Công nhận "An toàn về ANTT" năm 2025',
      figuresTitle: 'Số liệu chính – Tỉnh Quảng Ngãi',
    },
    legend,
    keyFigures({ year: 2025, total: tally(3131, 3321), basis: 'reported' }, { year: 2024, total: tally(3000, 3321), basis: 'reported' }),
    shot,
  );
  const dir = mkdtempSync(join(tmpdir(), 'antq-page-'));
  const file = join(dir, 'page.pdf');
  writeFileSync(file, await doc.save());
  return { file, layout };
}

describe.skipIf(skip)('a PDF map page', () => {
  it('carries the title, the date, the legend with "no data", the key figures, the scale bar and the sample mark as text', async () => {
    const { file } = await page('A4', 'landscape');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const s of ['Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm 2025', 'Số liệu đến ngày 23/11/2026', 'DỮ LIỆU MINH HỌA', 'Không có số liệu', 'Chưa đánh giá', '3.131/3.321', 'So với năm 2024', '31.020', 'tại tâm bản đồ', 'Nguồn: Dữ liệu minh họa']) {
      expect(text).toContain(s);
    }
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28 pts/);
  });

  it('draws the map in its box and the legend swatches beside it (A3 portrait)', async () => {
    const { file, layout: L } = await page('A3', 'portrait');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 1190\.55 pts/);
    // 36 dpi: one pixel per two points.
    const png = PNG.sync.read(execFileSync('pdftoppm', ['-r', '36', '-png', '-singlefile', file], { maxBuffer: 1 << 26 }));
    const at = (x: number, y: number) => {
      const i = (Math.round(y / 2) * png.width + Math.round(x / 2)) * 4;
      return `#${[0, 1, 2].map((c) => png.data[i + c].toString(16).padStart(2, '0')).join('')}`;
    };
    expect(at(L.map.x + L.map.width / 2, L.map.y + L.map.height / 2)).toBe(STATUS_COLORS.dat.toLowerCase());
    const count = (hex: string, b: { x: number; y: number; width: number; height: number }) => {
      let n = 0;
      for (let y = b.y; y < b.y + b.height; y += 2) for (let x = b.x; x < b.x + b.width; x += 2) if (at(x, y) === hex.toLowerCase()) n++;
      return n;
    };
    expect(count(STATUS_COLORS.chua_dat, L.legend)).toBeGreaterThan(20);
    expect(count(STATUS_COLORS.chua_danh_gia, L.legend)).toBeGreaterThan(20);
  });
});
