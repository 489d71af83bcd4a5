import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import ExcelJS from 'exceljs';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BIVARIATE_COLORS } from '../../client/lib/bivariate.js';
import { HOT_SPOT_COLOR } from '../../client/map/planLayers.js';
import { STATUS_COLORS } from '../../shared/lib/statusClasses.js';
import type { TargetResponse, WorklistResponse } from '../../server/services/worklist.js';
import { skipUnlessCi } from '../support/prerequisites.js';
import { ARTIFACTS, e2eSkipReason, jumpAndSettle, startPortal, waitForMap, type Portal } from './harness.js';
import { countColour, exportPng, mapFrame } from './pngExport.js';

const db = inject('seededDb');
const skip = skipUnlessCi('the worklist end-to-end tests', e2eSkipReason(db));

type CommuneFeature = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

describe.skipIf(skip)("the planners' worklist in Chromium", { timeout: 180_000 }, () => {
  let portal: Portal;
  let communes: Map<string, CommuneFeature>;
  const api = async <T>(path: string) => (await (await fetch(`${portal.url}${path}`)).json()) as T;

  beforeAll(async () => {
    portal = await startPortal(db!);
    const topo = (await (await fetch(`${portal.url}/api/boundaries/national.topo.json`)).json()) as Topology;
    const fc = feature(topo, topo.objects.communes as GeometryCollection) as unknown as { features: CommuneFeature[] };
    communes = new Map(fc.features.map((f) => [f.properties.code, f]));
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('filters, lists with reasons, links list and map both ways, and exports what is shown', async () => {
    const { page, url } = portal;
    await page.goto(`${url}/?year=2025`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Lập danh sách' }).click();
    const all = await api<WorklistResponse>('/api/worklist?year=2025');
    await expect.poll(() => page.locator('.wl-count').textContent(), { timeout: 30_000 }).toBe(all.rows.length.toLocaleString('vi-VN'));
    // Virtualised: a screenful of rows in the DOM, not the whole list.
    const inDom = await page.locator('.wl-row').count();
    expect(all.rows.length).toBeGreaterThan(1000);
    expect(inDom).toBeLessThan(40);
    await expect.poll(() => page.locator('.wl-row').first().locator('.wl-reasons').textContent()).toBe(all.rows[0].reasons.map((r) => r.text).join(' · '));

    // The bivariate colours are on the map, through feature-state.
    await waitForMap(page);
    const probe = all.rows.filter((r) => r.cell).slice(0, 20);
    const fills = await page.evaluate((codes) => codes.map((c) => window.antqMap!.getFeatureState({ source: 'communes', sourceLayer: 'communes', id: c }).fill), probe.map((r) => r.code));
    expect(fills).toEqual(probe.map((r) => BIVARIATE_COLORS[r.cell!]));
    // The key-area layer holds every key area, and hot spots have markers.
    const stats = await api<{ total: { keyAreas: number; hotSpots: number } }>('/api/stats?year=2025&level=province');
    const overlay = () =>
      page.evaluate(async () => {
        const m = window.antqMap!;
        const count = async (id: string) => ((await (m.getSource(id) as unknown as { getData(): Promise<{ features: unknown[] }> }).getData()).features.length);
        return { visible: m.getLayoutProperty('plan-key-areas', 'visibility'), key: await count('plan-key-areas'), hot: await count('plan-hot-spots') };
      });
    await expect.poll(overlay).toEqual({ visible: 'visible', key: stats.total.keyAreas, hot: stats.total.hotSpots });
    // An image of this map says what it shows: the bivariate cells and the hot spots in its legend, not the statuses
    // (twelve rows: under the map, not over half of it).
    const png = await exportPng(page, 1, 'worklist-export-1x.png');
    const frame = mapFrame(png);
    const below = { x: 0, y: frame.y + frame.h + 4, w: png.width, h: png.height - frame.y - frame.h - 4 };
    for (const hex of [BIVARIATE_COLORS['0-2'], BIVARIATE_COLORS['2-2'], HOT_SPOT_COLOR]) expect(countColour(png, hex, below), hex).toBeGreaterThan(30 * 18);
    expect(countColour(png, STATUS_COLORS.chua_dat, below)).toBeLessThan(30);
    await page.screenshot({ path: join(ARTIFACTS, 'worklist-national.png') });

    // Filter: not certified, key areas or hot spots, in one province.
    await page.locator('select[name=province]').selectOption('66');
    await page.locator('input[name=status-chua_dat]').check();
    const q = 'year=2025&province=66&status=chua_dat';
    const filtered = await api<WorklistResponse>(`/api/worklist?${q}`);
    expect(filtered.rows.length).toBeGreaterThan(1);
    await expect.poll(() => page.locator('.wl-count').textContent()).toBe(String(filtered.rows.length));
    expect(await page.locator('.wl-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(filtered.rows.map((r) => r.code));

    // List → map: hovering a row lights the commune on the map; clicking selects it and flies there.
    const first = filtered.rows[0];
    await page.locator(`.wl-row[data-code="${first.code}"]`).hover();
    await expect.poll(() => page.evaluate((c) => window.antqMap!.getFeatureState({ source: 'communes', sourceLayer: 'communes', id: c }).hover, first.code)).toBe(true);
    await page.locator(`.wl-row[data-code="${first.code}"]`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe(first.code);
    await expect.poll(() => page.evaluate((c) => window.antqMap!.getFeatureState({ source: 'communes', sourceLayer: 'communes', id: c }).selected, first.code)).toBe(true);
    await expect.poll(() => page.locator('.wl-row.selected').getAttribute('data-code')).toBe(first.code);

    // Map → list: the mouse over another listed commune lights its row.
    const second = filtered.rows[1];
    const spot = turf.pointOnFeature(communes.get(second.code)!).geometry.coordinates as [number, number];
    const xy = await jumpAndSettle(page, spot, 11);
    await page.mouse.move(xy.pageX, xy.pageY);
    await expect.poll(() => page.locator('.wl-row.linked').getAttribute('data-code')).toBe(second.code);
    await page.screenshot({ path: join(ARTIFACTS, 'worklist-province.png') });

    // Export: the downloaded XLSX holds the rows shown, under the header block.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (.xlsx)' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('danh-sach-xa-can-tap-trung-2025-66.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await xlsx.path()) as never);
    const ws = wb.worksheets[0];
    const col1 = ws.getColumn(1).values.map(String);
    expect(col1).toContain('DỮ LIỆU MINH HỌA: số liệu do bộ sinh dữ liệu mẫu tạo ra, không phải số liệu chính thức.');
    expect(col1).toContain('Tình trạng năm 2025: Chưa đạt');
    const codes = ws.getColumn(2).values.filter((v): v is string => typeof v === 'string' && /^\d{5}$/.test(v));
    expect(codes).toEqual(filtered.rows.map((r) => r.code));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
    const bytes = readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(`${first.type} ${first.name}`);
  });

  it('filters to a bivariate legend cell and plans a target', async () => {
    const { page, url } = portal;
    await page.goto(`${url}/?year=2025`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Lập danh sách' }).click();
    await page.locator('.bv-cell[data-cell="0-0"]').click();
    const cell = await api<WorklistResponse>('/api/worklist?year=2025&cell=0-0&minScore=0');
    await expect.poll(() => page.locator('.wl-count').textContent()).toBe(String(cell.rows.length));
    expect(await page.locator('.bv-cell[data-cell="0-0"]').textContent()).toBe(String(cell.rows.length));
    await expect.poll(() => page.locator('.wl-row').first().locator('.wl-reasons').textContent()).toMatch(/thuộc ô chú giải: chưa đạt × mật độ mô hình thấp$/);
    await page.screenshot({ path: join(ARTIFACTS, 'worklist-cell.png') });

    await page.getByRole('tab', { name: 'Mục tiêu' }).click();
    await page.locator('select[name=target-province]').selectOption('66');
    await page.locator('input[name=target]').fill('100');
    const t = await api<TargetResponse>('/api/targets?province=66&year=2025&target=100');
    await expect.poll(() => page.locator('.target-message').textContent()).toBe(t.message);
    await page.locator('input[name=target]').fill('97');
    const t97 = await api<TargetResponse>('/api/targets?province=66&year=2025&target=97');
    await expect.poll(() => page.locator('.target-message').textContent()).toBe(t97.message);
    expect(await page.locator('.target-table tbody tr').count()).toBe(t97.communes.length);
    await page.screenshot({ path: join(ARTIFACTS, 'worklist-target.png') });
  });
});
