import { describe, expect, it } from 'vitest';
import { exportLayout, type ExportTexts } from './layout.js';
import type { Measure } from '../../shared/export/legendLayout.js';

// Noto Sans runs about 0.55 em a character (0.6 bold): close enough to lay out as the canvas would.
const measure: Measure = (text, px, bold) => text.length * px * (bold ? 0.6 : 0.55);
const texts: ExportTexts = {
  title: 'Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm 2025',
  subtitle: 'Xã, phường, đặc khu đạt tiêu chuẩn "An toàn về an ninh, trật tự" – Toàn quốc',
  badge: 'DỮ LIỆU MINH HỌA',
  asOf: 'Số liệu đến ngày 02/12/2026',
  source: 'Nguồn: Dữ liệu minh họa. Ranh giới: sapnhap.bando.com.vn (NXB Tài nguyên – Môi trường và Bản đồ Việt Nam), qua thanglequoc/vietnamese-provinces-database',
};
const legend = { width: 310, height: 170 };
const byRole = (L: ReturnType<typeof exportLayout>, role: string) => L.lines.filter((l) => l.role === role);

describe('export layout', () => {
  it('a desktop map at 1× and 2×: title band, the map, footer; legend over the map; every text on one line', () => {
    const one = exportLayout([{ width: 1400, legend }], 700, 1, texts, measure);
    expect(one).toMatchObject({ ratio: 1, width: 1400, height: 96 + 700 + 40, legends: 'over', band: { height: 0 } });
    expect(one.map).toEqual({ x: 0, y: 96, width: 1400, height: 700 });
    expect(byRole(one, 'title')).toEqual([{ role: 'title', text: texts.title, x: 24, y: 44, px: 30, bold: true }]);
    expect(byRole(one, 'subtitle').map((l) => [l.y, l.px])).toEqual([[76, 18]]);
    // Badge top right; the date and the source on one baseline, 25 px into the footer.
    expect(one.badge).toMatchObject({ x: 1400 - 24 - one.badge!.w, y: 26, h: 40 });
    const [asOf, source] = [byRole(one, 'asOf'), byRole(one, 'source')];
    expect([asOf.length, source.length, asOf[0].y, source[0].y]).toEqual([1, 1, 796 + 25, 796 + 25]);
    expect(source[0].x).toBeCloseTo(24 + measure(texts.asOf, 14, true) + 20);
    const two = exportLayout([{ width: 1400, legend }], 700, 2, texts, measure);
    expect([two.width, two.height, two.map.y, byRole(two, 'title')[0].px]).toEqual([2800, 2 * 836, 192, 60]);
  });

  it('a title too long for its room takes a size smaller before it wraps', () => {
    const L = exportLayout([{ width: 1200, legend }], 700, 1, texts, measure);
    expect(byRole(L, 'title').map((l) => [l.text, l.px])).toEqual([[texts.title, 27]]);
    expect(L.map.y).toBe(96);
    expect(byRole(exportLayout([{ width: 1100, legend }], 700, 1, texts, measure), 'title').map((l) => l.px)).toEqual([24]);
    const narrower = byRole(exportLayout([{ width: 800, legend }], 700, 1, texts, measure), 'title');
    expect(narrower.map((l) => l.px)).toEqual([24, 24]);
  });

  it('4× is capped at 3840 × 2160, keeping the proportions', () => {
    const four = exportLayout([{ width: 1400, legend }], 700, 4, texts, measure);
    expect(four.ratio).toBeCloseTo(Math.min(3840 / 1400, 2160 / 836));
    expect(four.height).toBe(2160);
    expect(four.width).toBeLessThanOrEqual(3840);
    expect(exportLayout([{ width: 1920, legend }], 600, 4, texts, measure).width).toBe(3840);
  });

  it("an upright image (a phone's) is capped at 2160 × 3840: 2× is twice the screen, 4× more again", () => {
    const [one, two, four] = [1, 2, 4].map((k) => exportLayout([{ width: 390, legend }], 700, k, texts, measure));
    expect(one.height).toBeGreaterThan(one.width);
    expect([two.ratio, two.width]).toEqual([2, 780]);
    expect(Math.abs(two.height - 2 * one.height)).toBeLessThanOrEqual(2); // its parts rounded one by one
    expect(four.ratio).toBeCloseTo(3840 / one.height);
    expect(four.height).toBe(3840);
    expect(four.width).toBeLessThanOrEqual(2160);
    expect(four.width).toBeGreaterThan(two.width);
  });

  it("a phone's map: badge on its own row, title and source wrapped within the width, the legend under the map", () => {
    const L = exportLayout([{ width: 390, legend }], 600, 1, texts, measure);
    expect(L.width).toBe(390);
    expect(L.badge).toMatchObject({ x: 24, y: 16 });
    const title = byRole(L, 'title');
    expect(title.length).toBeGreaterThan(1);
    expect(title.map((l) => l.text).join(' ')).toBe(texts.title);
    expect(title[0].y).toBeGreaterThan(L.badge!.y + L.badge!.h);
    for (const l of L.lines) expect(l.x + measure(l.text, l.px, l.bold)).toBeLessThanOrEqual(390 - 24);
    // Lines follow one another down the band, none over the map.
    const head = L.lines.filter((l) => l.role === 'title' || l.role === 'subtitle').map((l) => l.y);
    expect(head).toEqual([...head].sort((a, b) => a - b));
    expect(Math.max(...head)).toBeLessThan(L.map.y);
    expect(L.legends).toBe('below');
    expect(L.band).toEqual({ y: L.map.y + 600, height: 170 + 24 });
    const foot = L.lines.filter((l) => l.role === 'asOf' || l.role === 'source');
    expect(foot[0].role).toBe('asOf');
    expect(foot.slice(1).every((l) => l.role === 'source' && l.x === 24 && l.y > foot[0].y)).toBe(true);
    expect(Math.min(...foot.map((l) => l.y))).toBeGreaterThan(L.band.y + L.band.height);
    expect(Math.max(...foot.map((l) => l.y))).toBeLessThan(L.height);
  });

  it('a legend too tall for a short map goes under it; no legend keeps the map whole', () => {
    expect(exportLayout([{ width: 1400, legend }], 250, 1, texts, measure).legends).toBe('below');
    // Twelve rows (the worklist's map) would hide half the country.
    expect(exportLayout([{ width: 960, legend: { width: 490, height: 410 } }], 755, 1, texts, measure).legends).toBe('below');
    const bare = exportLayout([{ width: 390, legend: null }], 600, 1, { ...texts, badge: null }, measure);
    expect([bare.legends, bare.band.height, bare.badge]).toEqual(['over', 0, null]);
    expect(byRole(bare, 'title')[0].y).toBe(44);
  });
});
