// Lai Châu's key figures across the reform, as a presenter reads them: in presentation mode and on its page of the
// conference pack (made alone through the pack's own code path), and the province change map with its legend.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPoints } from '../../shared/export/keyFigures.js';
import { formatPercent } from '../../shared/lib/format.js';
import { ARTIFACTS, e2eSkipReason, showInPage, startPortal, waitForMap, type Portal } from './harness.js';
import { skipUnlessCi } from '../support/prerequisites.js';

const db = inject('seededDb');
const skip = skipUnlessCi('reform end-to-end tests', e2eSkipReason(db));

interface Area {
  code: string;
  communes: { total: number; certified: number; noData: number };
  rates: { communes: number };
}

describe.skipIf(skip)('changes across the 2025 reform, like with like', { timeout: 300_000 }, () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal(db!, { width: 1600, height: 900 });
  });
  afterAll(async () => {
    await portal?.close();
  });
  const api = async <T>(path: string) => (await (await fetch(`${portal.url}${path}`)).json()) as T;

  /** Lai Châu's change on 2024 as reported on its old communes (it was not merged: old province 12). */
  async function laiChau() {
    const [now, old] = await Promise.all([
      api<{ total: Area }>('/api/stats?year=2025&level=commune&province=12'),
      api<{ units: Area[] }>('/api/stats?year=2024&level=province&vintage=pre2025&province=12'),
    ]);
    const before = old.units[0];
    expect(before.communes).toMatchObject({ total: 106, certified: 97 });
    return { change: formatPoints(now.total.rates.communes, before.rates.communes), before: formatPercent(before.rates.communes) };
  }

  it("reads Lai Châu's change in presentation mode and on its pack page", async () => {
    const { page, url } = portal;
    const want = await laiChau();
    expect(want).toEqual({ change: '+3,23 điểm %', before: '91,51%' });
    await page.goto(`${url}/?year=2025&province=12&present=1`);
    await waitForMap(page);
    const strip = page.locator('.key-figures');
    const change = strip.locator('[data-figure="change"] dd');
    await expect.poll(() => change.locator('strong').textContent(), { timeout: 60_000 }).not.toBe('–');
    expect(await change.textContent()).toBe(`${want.change} năm 2024: ${want.before} (106 xã cũ, trước sắp xếp)`);
    await strip.screenshot({ path: join(ARTIFACTS, 'reform-present-strip-lai-chau.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'reform-present-lai-chau.png') });

    await page.getByRole('button', { name: 'Xuất bản đồ' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 180_000 }),
      page.getByRole('menuitem', { name: 'Trang bộ bản đồ: Tỉnh Lai Châu' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bo-ban-do-hoi-nghi-2025-tinh-12-A4.pdf');
    const file = join(ARTIFACTS, 'reform-pack-lai-chau.pdf');
    await download.saveAs(file);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Tỉnh Lai Châu');
    expect(text).toContain(`So với năm 2024 ${want.change} năm 2024: ${want.before} (106 xã cũ, trước sắp xếp)`);
    expect(text).not.toContain('+18,42');
  });

  it('colours the province change map on like-with-like differences, with a legend never inverted', async () => {
    const { page } = portal;
    await showInPage(page, `${portal.url}/?level=province&metric=rate&change=2024&year=2025`);
    const [now, old] = await Promise.all([api<{ units: Area[] }>('/api/stats?year=2025&level=province'), api<{ units: Area[] }>('/api/stats?year=2024&level=province')]);
    const diffs = now.units.map((u) => (u.rates.communes - old.units.find((o) => o.code === u.code)!.rates.communes) * 100);
    const entries = await page.locator('.legend li').evaluateAll((els) =>
      els.map((e) => ({ id: e.getAttribute('data-class'), label: e.querySelector('.label')!.textContent, count: Number(e.querySelector('.count')!.textContent) })),
    );
    const classes = entries.filter((e) => e.id !== 'no_data');
    expect(classes.reduce((n, e) => n + e.count, 0)).toBe(34);
    const num = (s: string) => Number(s.replace('−', '-').replace('+', '').replace(',', '.'));
    for (const e of classes) {
      const m = e.label.match(/^([+−-]?[\d,]+) – <? ?([+−-]?[\d,]+)$/);
      if (m) expect(num(m[1]), e.label).toBeLessThanOrEqual(num(m[2]));
    }
    // Falls and rises both (the roll-up had every province rising by +3,8 to +42,1 points).
    const below = diffs.filter((d) => d < -0.5).length;
    expect(below).toBeGreaterThan(0);
    expect(Math.max(...diffs)).toBeLessThan(10);
    const negativeClasses = classes.filter((e) => /^([−-][\d,]+|< [−-])/.test(e.label) && !/– < \+/.test(e.label));
    expect(negativeClasses.reduce((n, e) => n + e.count, 0)).toBe(below);
    await page.locator('.legend').screenshot({ path: join(ARTIFACTS, 'reform-change-legend.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'reform-change-map-province.png') });
  });

  it("the detail panel gives a province's years before the reform on its old communes, and the type list's date", async () => {
    const { page, url } = portal;
    await page.goto(`${url}/?year=2024&level=province&unit=12`);
    await waitForMap(page);
    const panel = page.locator('aside.panel');
    const note = panel.locator('.type-source');
    await expect.poll(() => note.textContent(), { timeout: 60_000 }).toBe('Năm 2024: 106 xã cũ, trước sắp xếp. Loại đơn vị theo danh mục hành chính của Cục Thống kê (30/6/2025).');
    expect(await panel.textContent()).toContain('97/106');
    await panel.screenshot({ path: join(ARTIFACTS, 'reform-detail-lai-chau-2024.png') });
    await showInPage(page, `${portal.url}/?year=2025&level=province&unit=12`);
    await expect.poll(() => note.textContent(), { timeout: 60_000 }).toBe('Loại đơn vị theo danh mục 1027/CTK-CSCL của Cục Thống kê (01/7/2025).');
  });
});
