// The Word report and a PowerPoint deck as files: parsed (OOXML is zip + XML) and rendered as a person sees them
// (LibreOffice headless → PDF → pdftoppm → PNG), with the pixels of the map and the legend checked.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copySeededDb, type TempDb } from '../../test/support/tempDb.js';
import { SLIDE_LAYOUT } from '../../shared/export/office/pptx.js';
import { formatCount } from '../../shared/lib/format.js';
import { STATUS_COLORS } from '../../shared/lib/statusClasses.js';
import { createApp } from '../app.js';
import { paths, ROOT } from '../config.js';
import type { StatsResponse } from '../services/stats.js';
import { storeAdmin } from '../store/sql-admin.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite.js';

const db = inject('seededDb');
const geoDir = join(paths().buildDir, 'geo');
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const missing = !db ? inject('seededDbSkip') : !existsSync(join(geoDir, 'manifest.json')) ? 'boundary layers not built' : !soffice ? 'LibreOffice (soffice) not installed' : null;
// Under CI a missing prerequisite fails the run; elsewhere it is said and skipped.
if (missing && process.env.CI === 'true') throw new Error(`Office tests need: ${missing}`);
if (missing) console.warn(`Office tests skipped: ${missing}`);

const work = mkdtempSync(join(tmpdir(), 'antq-office-'));
/** The rendered pages, to look at (git-ignored). */
const ARTIFACTS = join(ROOT, 'test', 'artifacts');

/** LibreOffice headless → PDF; a private profile so that parallel runs do not share one. */
function toPdf(file: string): string {
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, file], { stdio: 'ignore', timeout: 240_000 });
  const pdf = file.replace(/\.\w+$/, '.pdf');
  expect(existsSync(pdf), pdf).toBe(true);
  return pdf;
}
const pages = (pdf: string) => Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]);
const pageTexts = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, pages(pdf));
function pagePng(pdf: string, page: number, dpi: number): PNG {
  const base = join(work, `p${page}-${Date.now()}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '-png', pdf, base]);
  return PNG.sync.read(readFileSync(`${base}.png`));
}
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** Pixels within `tol` of a colour, in a box (pixels) or the whole image. */
function countNear(png: PNG, hex: string, box?: { x0: number; y0: number; x1: number; y1: number }, tol = 24): number {
  const [r, g, b] = rgb(hex);
  const { x0, y0, x1, y1 } = box ?? { x0: 0, y0: 0, x1: png.width, y1: png.height };
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(png.width, x1); x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i] - r) <= tol && Math.abs(png.data[i + 1] - g) <= tol && Math.abs(png.data[i + 2] - b) <= tol) n++;
    }
  return n;
}
/** Distinct colours of a PNG (a blank image has one). */
function distinctColours(bytes: Uint8Array): number {
  const png = PNG.sync.read(Buffer.from(bytes));
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length && seen.size < 1000; i += 4 * 7) seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
  return seen.size;
}
const xmlText = (xml: string) => [...xml.matchAll(/<(?:w|a):t(?: [^>]*)?>([^<]*)<\/(?:w|a):t>/g)].map((m) => m[1]).join(' ');
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');

describe.skipIf(missing)('Office files: the Word report and a PowerPoint deck', { timeout: 600_000 }, () => {
  let tmp: TempDb;
  let store: SqliteStore;
  let app: ReturnType<typeof createApp>;
  let deckId: number;
  beforeAll(async () => {
    tmp = await copySeededDb(db!);
    store = openSqliteStore(tmp.path);
    const admin = storeAdmin(store);
    app = createApp({ store, geoDir, admin });
    const deck = await admin.decks.createDeck(
      {
        name: 'Hội nghị tổng kết 2025',
        slides: [
          { title: 'Toàn quốc năm 2025', subtitle: null, view: 'year=2025' },
          { title: 'Bắc Ninh: tỷ lệ đạt chuẩn', subtitle: 'Năm 2024, quy đổi lên xã mới', view: 'year=2024&province=24&metric=rate' },
        ],
      },
      'test',
      'create',
    );
    deckId = deck.id;
  });
  afterAll(async () => {
    await store?.close();
    tmp?.remove();
    rmSync(work, { recursive: true, force: true });
  });
  const stats = async (q: string) => (await (await app.request(`/api/stats?${q}`)).json()) as StatsResponse;

  it('writes the report of old Bắc Ninh, 2023, with its figures, map and table, the sample mark on every page', async () => {
    const res = await app.request('/api/reports/report.docx?year=2023&province=27&date=2024-02-06');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="bao-cao-antq-2023-tinh-bac-ninh.docx"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const zip = await JSZip.loadAsync(bytes);
    const doc = unescape(xmlText(await zip.file('word/document.xml')!.async('string')));
    const s = await stats('year=2023&vintage=pre2025&level=province&province=27');
    const t = s.total;
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Bắc Ninh, ngày 06 tháng 02 năm 2024',
      'BÁO CÁO',
      'Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm 2023',
      `${t.provinceBodies!.certified}/${t.provinceBodies!.total} cơ quan, doanh nghiệp, cơ sở giáo dục do cấp tỉnh quản lý`,
      `${formatCount(t.residential.certified)}/${formatCount(t.residential.total)} khu dân cư`,
      `${t.communes.certified}/${t.communes.total - t.communes.noData} xã, phường, thị trấn`,
    ])
      expect(doc).toContain(text);
    // The table: one row per commune of the province (header and total rows besides).
    const rows = (await zip.file('word/document.xml')!.async('string')).split('<w:tr>').length - 1;
    expect(rows).toBeGreaterThanOrEqual(s.units.length + 2);
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    expect(headers.length).toBeGreaterThan(0);
    expect(xmlText(await zip.file(headers[0])!.async('string'))).toContain('Dữ liệu minh họa');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && !f.endsWith('/'));
    expect(media.length).toBe(1);
    expect(distinctColours(await zip.file(media[0])!.async('uint8array'))).toBeGreaterThan(20);

    const file = join(work, 'bao-cao.docx');
    writeFileSync(file, bytes);
    const pdf = toPdf(file);
    const texts = pageTexts(pdf);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const [i, p] of texts.entries()) expect(p, `page ${i + 1}`).toContain('Dữ liệu minh họa');
    const mapPage = texts.findIndex((p) => p.includes('Hình 1.')) + 1;
    expect(mapPage).toBeGreaterThan(0);
    const png = pagePng(pdf, mapPage, 60);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'office-docx-map-page.png'), PNG.sync.write(png));
    // The map's fills and the legend's swatches, as printed.
    expect(countNear(png, STATUS_COLORS.dat)).toBeGreaterThan(3000);
    expect(countNear(png, STATUS_COLORS.chua_dat)).toBeGreaterThan(100);
  });

  it('writes a deck as 16:9 slides: editable title, figures and legend, map, notes, source and sample mark', async () => {
    const res = await app.request(`/api/reports/deck.pptx?deck=${deckId}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const zip = await JSZip.loadAsync(bytes);
    const pres = await zip.file('ppt/presentation.xml')!.async('string');
    expect(pres).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort();
    expect(slides).toHaveLength(2);
    const [one, two] = await Promise.all(slides.map(async (f) => unescape(xmlText(await zip.file(f)!.async('string')))));
    const nat = (await stats('year=2025&level=province')).total;
    expect(one).toContain('Toàn quốc năm 2025');
    expect(one).toContain(`${formatCount(nat.communes.certified)}/${formatCount(nat.communes.total)}`);
    expect(one).toContain(`${formatCount(nat.residential.certified)}/${formatCount(nat.residential.total)}`);
    expect(one).toContain('Không có số liệu');
    expect(one).toContain('Dữ liệu minh họa');
    expect(one).toContain('Nguồn:');
    expect(two).toContain('Bắc Ninh: tỷ lệ đạt chuẩn');
    expect(two).toContain('Tỷ lệ đạt chuẩn (%)');
    const notes = Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
    expect(notes).toHaveLength(2);
    const note = unescape(xmlText(await zip.file(notes.sort()[0])!.async('string')));
    expect(note).toContain(`có ${formatCount(nat.communes.certified)}/${formatCount(nat.communes.total)} xã, phường, đặc khu đạt tiêu chuẩn`);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('ppt/media/') && !f.endsWith('/'));
    expect(media).toHaveLength(2);
    for (const m of media) expect(distinctColours(await zip.file(m)!.async('uint8array'))).toBeGreaterThan(20);

    const file = join(work, 'deck.pptx');
    writeFileSync(file, bytes);
    const pdf = toPdf(file);
    expect(pages(pdf)).toBe(2);
    const texts = pageTexts(pdf);
    expect(texts[0]).toContain('Dữ liệu minh họa');
    const dpi = 80;
    const png = pagePng(pdf, 1, dpi);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'office-pptx-slide-1.png'), PNG.sync.write(png));
    const L = SLIDE_LAYOUT;
    const inch = (v: number) => Math.round(v * dpi);
    // The map frame holds the certified blue of the communes…
    expect(countNear(png, STATUS_COLORS.dat, { x0: inch(L.map.x), y0: inch(L.map.y), x1: inch(L.map.x + L.map.w), y1: inch(L.map.y + L.map.h) }, 40)).toBeGreaterThan(1500);
    // …and the legend's first swatch (native shape, right column, below the four key figures) is "Đạt"'s colour.
    const y = L.column.y + 4 * 0.8 + 0.08 + 0.46;
    const swatch = { x0: inch(L.column.x + 0.05), y0: inch(y + 0.08), x1: inch(L.column.x + 0.37), y1: inch(y + 0.2) };
    const area = (swatch.x1 - swatch.x0) * (swatch.y1 - swatch.y0);
    expect(countNear(png, STATUS_COLORS.dat, swatch)).toBeGreaterThan(area * 0.6);
    expect(readdirSync(work).some((f) => f.endsWith('.pdf'))).toBe(true);
  });
});
