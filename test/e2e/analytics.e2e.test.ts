import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import { metricValue } from '../../shared/domain/metrics.js';
import { classOf, computeBreaks } from '../../shared/lib/classify.js';
import { sequential } from '../../shared/lib/palettes.js';
import { STATUS_COLORS } from '../../shared/lib/statusClasses.js';
import { skipUnlessCi } from '../support/prerequisites.js';
import { ARTIFACTS, e2eSkipReason, jumpAndSettle, pixelAt, showInPage, startPortal, waitForMap, type Portal } from './harness.js';

const db = inject('seededDb');
const skip = skipUnlessCi('the analytic map end-to-end tests', e2eSkipReason(db));

const LAND = [0xf7, 0xf5, 0xf0];
const blend = (hex: string) => [1, 3, 5].map((i, c) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.88 + LAND[c] * 0.12));
const rgbOf = (css: string) => css.match(/\d+/g)!.slice(0, 3).map(Number);
const hexToRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const expectColour = (pixel: number[], hex: string, what: string) => {
  const want = blend(hex);
  pixel.forEach((c, i) => expect(Math.abs(c - want[i]), `${what}: ${pixel.join(',')} vs ${want.join(',')}`).toBeLessThanOrEqual(12));
};

/** A point of the canvas well inside a commune as a map draws it (its centre of mass may fall outside a concave one). */
async function spotInside(page: Portal['page'], code: string, mapName = 'main'): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([code, mapName]) => {
      const map = window.antqMaps![mapName];
      const c = map.getCanvas();
      const at = (x: number, y: number) => map.queryRenderedFeatures([x, y], { layers: ['communes-fill'] })[0]?.properties.code;
      for (let dy = 0; dy < 200; dy += 6) {
        for (const [x, y] of [[c.width / 2, c.height / 2 + dy], [c.width / 2, c.height / 2 - dy], [c.width / 2 + dy, c.height / 2], [c.width / 2 - dy, c.height / 2]]) {
          if (at(x, y) === code && [[-4, 0], [4, 0], [0, -4], [0, 4]].every(([ax, ay]) => at(x + ax, y + ay) === code)) return { x, y };
        }
      }
      return null;
    },
    [code, mapName] as const,
  );
}

/** Whether each of the two compared maps shows the whole mainland: Lũng Cú in the north and Cà Mau's cape in the south. */
function mainlandInView(page: Portal['page']): Promise<boolean[]> {
  return page.evaluate(() =>
    (['main', 'compare'] as const).map((n) => {
      const b = window.antqMaps![n].getBounds();
      return [[105.32, 23.36], [104.8, 8.6]].every(([lng, lat]) => b.contains([lng, lat]));
    }),
  );
}

describe.skipIf(skip)('the analytic map in Chromium', { timeout: 180_000 }, () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal(db!);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('colours the residential-area rate by the legend class, and reclassifies on request', async () => {
    const { page, url } = portal;
    await page.goto(`${url}/?year=2025`);
    await waitForMap(page);
    await page.getByLabel('Chỉ tiêu').selectOption('rate');
    await waitForMap(page);
    expect(new URL(page.url()).searchParams.get('metric')).toBe('rate');

    const topo = (await (await fetch(`${url}/api/boundaries/national.topo.json`)).json()) as Topology;
    const communes = (feature(topo, topo.objects.communes as GeometryCollection) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>).features;

    // The classes the legend should show: quantiles (5) over all communes' rates, by the shared classifier.
    const stats = (await (await fetch(`${url}/api/stats?year=2025`)).json()) as { units: CommuneFigures[] };
    const values = new Map(stats.units.map((u) => [u.code, metricValue(u, 'rate')]));
    const breaks = computeBreaks([...values.values()].filter((v): v is number => v !== null), 'quantile', 5);
    const palette = sequential(5);
    const legendSwatches = await page.locator('.legend li .swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    palette.forEach((hex, i) => expect(rgbOf(legendSwatches[i])).toEqual(hexToRgb(hex)));

    // Pixels at large communes of three different classes match the legend's colour for their value.
    const big = stats.units.filter((u) => (u.areaKm2 ?? 0) > 300 && u.type !== 'Đặc khu' && values.get(u.code) !== null);
    const byClass = new Map<number, CommuneFigures>();
    for (const u of big) if (!byClass.has(classOf(values.get(u.code)!, breaks))) byClass.set(classOf(values.get(u.code)!, breaks), u);
    expect(byClass.size).toBeGreaterThanOrEqual(3);
    for (const [cls, u] of [...byClass].slice(0, 3)) {
      const f = communes.find((c) => c.properties.code === u.code)!;
      const centre = turf.centerOfMass(f).geometry.coordinates as [number, number];
      await jumpAndSettle(page, centre, 9);
      const spot = await spotInside(page, u.code);
      expect(spot, `a point inside ${u.code}`).not.toBeNull();
      expectColour(await pixelAt(page, spot!.x, spot!.y), palette[cls], `${u.code} class ${cls}`);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'analytic-rate.png') });

    await page.locator('.legend').getByLabel('Phân lớp').selectOption('jenks');
    await page.locator('.legend').getByLabel('Số lớp').selectOption('7');
    await waitForMap(page);
    await expect.poll(() => page.locator('.legend li').count()).toBe(8); // 7 classes + "no data"
    const q = new URL(page.url()).searchParams;
    expect([q.get('class'), q.get('k')]).toEqual(['jenks', '7']);
  });

  it('drills down into a province at the finer geometry and back', async () => {
    const { page } = portal;
    // In the page the test before left; the shared link's test below loads its own.
    await showInPage(page, `${portal.url}/?level=province&metric=density&year=2024`);
    const provincesDrawn = () => page.evaluate(() => new Set(window.antqMap!.queryRenderedFeatures({ layers: ['provinces-fill'] }).map((f) => f.properties.code)).size);
    expect(await provincesDrawn()).toBe(34);
    await page.screenshot({ path: join(ARTIFACTS, 'analytic-provinces.png') });

    const bacNinh = await page.evaluate(() => {
      const map = window.antqMap!;
      const f = map.querySourceFeatures('province-labels').find((x) => x.properties.code === '24')!;
      const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await page.mouse.click(bacNinh.x, bacNinh.y + 8);
    await expect.poll(() => page.locator('.breadcrumb strong').textContent()).toBe('Tỉnh Bắc Ninh');
    await waitForMap(page);
    await page.evaluate(() => new Promise<void>((r) => (window.antqMap!.isMoving() ? window.antqMap!.once('moveend', () => r()) : r())));
    // The finer layer is tiled in the worker after the fit: poll until it is drawn.
    const detail = () => page.evaluate(() => new Set(window.antqMap!.queryRenderedFeatures({ layers: ['detail-fill'] }).map((f) => f.properties.code)).size);
    await expect.poll(detail, { timeout: 20_000 }).toBe(99); // Bắc Ninh's 99 communes of 2025
    expect(new URL(page.url()).searchParams.get('province')).toBe('24');
    await expect.poll(() => page.locator('.panel h2').textContent()).toBe('Tỉnh Bắc Ninh');
    // The province is fitted into the room beside its panel, none of it under the panel.
    const panelLeft = (await page.locator('.panel').boundingBox())!.x;
    const eastEdge = () =>
      page.evaluate(async () => {
        const { provinces } = (await (await fetch('/api/boundaries')).json()) as { provinces: Record<string, { bbox: [number, number, number, number] }> };
        const [, s, e, n] = provinces['24'].bbox;
        const m = window.antqMap!;
        return m.isMoving() ? Infinity : m.project([e, (s + n) / 2]).x + m.getCanvas().getBoundingClientRect().left;
      });
    await expect.poll(eastEdge, { timeout: 20_000 }).toBeLessThan(panelLeft);
    await page.screenshot({ path: join(ARTIFACTS, 'analytic-drilldown.png') });

    await page.getByRole('button', { name: 'Toàn quốc' }).click();
    await waitForMap(page);
    expect(new URL(page.url()).searchParams.get('province')).toBeNull();
    await expect.poll(() => page.locator('.breadcrumb strong').textContent()).toBe('Toàn quốc');

    // The browser's Back and Forward step through the province and the country again, in the same page.
    await page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true));
    await page.goBack();
    await expect.poll(() => page.locator('.breadcrumb strong').textContent()).toBe('Tỉnh Bắc Ninh');
    await expect.poll(() => page.locator('.panel h2').textContent()).toBe('Tỉnh Bắc Ninh');
    await waitForMap(page);
    await expect.poll(detail, { timeout: 20_000 }).toBe(99);
    await page.goBack();
    await expect.poll(() => page.locator('.breadcrumb strong').textContent()).toBe('Toàn quốc');
    expect(new URL(page.url()).searchParams.get('province')).toBeNull();
    await waitForMap(page);
    await expect.poll(provincesDrawn, { timeout: 20_000 }).toBe(34);
    await page.goForward();
    await expect.poll(() => page.locator('.breadcrumb strong').textContent()).toBe('Tỉnh Bắc Ninh');
    expect(new URL(page.url()).searchParams.get('province')).toBe('24');
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('compares two years side by side in synchronised maps', async () => {
    const { page } = portal;
    await showInPage(page, `${portal.url}/?year=2025`);
    await page.getByLabel('So sánh với năm').selectOption('2023');
    await page.waitForSelector('.map[data-map="compare"][data-map-ready="true"]');
    await jumpAndSettle(page, [105.9, 21.1], 8);
    const centres = await page.evaluate(() => ['main', 'compare'].map((n) => window.antqMaps![n].getCenter().toArray()));
    expect(centres[1][0]).toBeCloseTo(centres[0][0], 4);
    expect(centres[1][1]).toBeCloseTo(centres[0][1], 4);
    await expect.poll(() => page.locator('.pane-label').allTextContents()).toEqual(['Năm 2025 · Tình trạng công nhận', 'Năm 2023 · Tình trạng công nhận']);
    // The same metric: one legend, whose breaks both maps share.
    await expect.poll(() => page.locator('.legend').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'analytic-compare.png') });
  });

  it('on a phone held upright, stacks the two maps, each the screen wide and showing the whole country, each legend on its own map', async () => {
    const page = await portal.browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    try {
      await page.goto(`${portal.url}/?year=2025&compare=2024&cmetric=density`);
      await page.waitForSelector('.map[data-map="compare"][data-map-ready="true"]', { timeout: 60_000 });
      const [top, bottom] = await Promise.all(['main', 'compare'].map((n) => page.locator(`.map[data-map="${n}"]`).boundingBox()));
      expect([top!.width, bottom!.width]).toEqual([390, 390]);
      expect(bottom!.y).toBeGreaterThanOrEqual(top!.y + top!.height);
      expect(top!.height).toBeGreaterThan(300);
      // The first map's legend over the first map, the second's over the second.
      const [first, second] = await Promise.all(['.legend:not(.legend-second)', '.legend.legend-second'].map((sel) => page.locator(sel).boundingBox()));
      expect(first!.y + first!.height).toBeLessThanOrEqual(top!.y + top!.height);
      expect(second!.y).toBeGreaterThanOrEqual(bottom!.y);
      // Both maps show the whole mainland: Lũng Cú in the north and Cà Mau's cape in the south within each map.
      expect(await mainlandInView(page)).toEqual([true, true]);
      await page.screenshot({ path: join(ARTIFACTS, 'analytic-compare-phone.png') });

      // A unit's sheet goes under the two maps, not over the lower one: both still seen whole, each with its legend.
      await page.goto(`${portal.url}/?year=2025&compare=2024&cmetric=density&unit=79`);
      await page.waitForSelector('.map[data-map="compare"][data-map-ready="true"]', { timeout: 60_000 });
      await page.locator('aside.panel h2').waitFor();
      await expect
        .poll(async () => {
          const [a, b, sheet] = await Promise.all([page.locator('.map[data-map="main"]').boundingBox(), page.locator('.map[data-map="compare"]').boundingBox(), page.locator('aside.panel').boundingBox()]);
          return a!.height > 150 && b!.height > 150 && b!.y >= a!.y + a!.height && b!.y + b!.height <= sheet!.y + 1;
        })
        .toBe(true);
      const [a, b] = await Promise.all(['main', 'compare'].map((n) => page.locator(`.map[data-map="${n}"]`).boundingBox()));
      const [l1, l2] = await Promise.all(['.legend:not(.legend-second)', '.legend.legend-second'].map((sel) => page.locator(sel).boundingBox()));
      expect(l1!.y).toBeGreaterThanOrEqual(a!.y);
      expect(l1!.y + l1!.height).toBeLessThanOrEqual(a!.y + a!.height);
      expect(l2!.y).toBeGreaterThanOrEqual(b!.y);
      expect(l2!.y + l2!.height).toBeLessThanOrEqual(b!.y + b!.height);
      expect(await mainlandInView(page)).toEqual([true, true]);
      await page.screenshot({ path: join(ARTIFACTS, 'analytic-compare-phone-unit.png') });
    } finally {
      await page.close();
    }
  });

  it('compares two metrics side by side, each with its own legend, then under a swipe divider', async () => {
    const { page, url } = portal;
    await showInPage(page, `${portal.url}/?year=2025`);
    await page.getByLabel('So sánh với năm').selectOption('2025');
    await page.getByLabel('Chỉ tiêu của bản đồ so sánh').selectOption('density:population');
    await expect.poll(() => new URL(page.url()).searchParams.get('cmetric')).toBe('density');
    expect(new URL(page.url()).searchParams.get('compare')).toBe('2025');
    await page.waitForSelector('.map[data-map="compare"][data-map-ready="true"]');
    await expect
      .poll(() => page.locator('.pane-label').allTextContents())
      .toEqual(['Năm 2025 · Tình trạng công nhận', 'Năm 2025 · Mật độ mô hình tự quản trên 10.000 dân']);

    // Each map has its legend: statuses on the first, density classes (quantiles over its own values) on the second.
    const stats = (await (await fetch(`${url}/api/stats?year=2025`)).json()) as { units: CommuneFigures[] };
    const density = new Map(stats.units.map((u) => [u.code, metricValue(u, 'density', 'population')]));
    const breaks = computeBreaks([...density.values()].filter((v): v is number => v !== null), 'quantile', 5);
    const swatch = (legend: string, id: string) =>
      page.locator(`${legend} li[data-class="${id}"] .swatch`).evaluate((e) => getComputedStyle(e).backgroundColor);
    const second = page.getByRole('region', { name: 'Chú giải bản đồ so sánh' });
    await expect.poll(() => second.locator('li').count()).toBe(6); // 5 classes + "no data"
    expect(await page.getByRole('region', { name: 'Chú giải', exact: true }).locator('li[data-class="dat"]').count()).toBe(1);

    // Two large communes of different density classes: each map draws each in its own legend's colour.
    const big = stats.units.filter((u) => (u.areaKm2 ?? 0) > 300 && u.type !== 'Đặc khu' && u.status && density.get(u.code) !== null);
    const picks = [big[0], big.find((u) => classOf(density.get(u.code)!, breaks) !== classOf(density.get(big[0].code)!, breaks))!];
    const topo = (await (await fetch(`${url}/api/boundaries/national.topo.json`)).json()) as Topology;
    const communes = (feature(topo, topo.objects.communes as GeometryCollection) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>).features;
    for (const u of picks) {
      const centre = turf.centerOfMass(communes.find((c) => c.properties.code === u.code)!).geometry.coordinates as [number, number];
      await jumpAndSettle(page, centre, 9);
      await page.evaluate(() => new Promise<void>((r) => (window.antqMaps!.compare.loaded() && !window.antqMaps!.compare.isMoving() ? r() : window.antqMaps!.compare.once('idle', () => r()))));
      const spot = await spotInside(page, u.code);
      expect(spot, `a point inside ${u.code}`).not.toBeNull();
      // Same size and the same camera: the same point of the second canvas is the same place.
      expect(await page.evaluate(([x, y]) => window.antqMaps!.compare.queryRenderedFeatures([x, y], { layers: ['communes-fill'] })[0]?.properties.code, [spot!.x, spot!.y])).toBe(u.code);
      const statusColour = STATUS_COLORS[u.status!];
      expect(rgbOf(await swatch('.legend:not(.legend-second)', u.status!))).toEqual(hexToRgb(statusColour));
      expectColour(await pixelAt(page, spot!.x, spot!.y, 'main'), statusColour, `${u.code} status ${u.status}`);
      const cls = classOf(density.get(u.code)!, breaks);
      const densityColour = sequential(5)[cls];
      expect(rgbOf(await swatch('.legend-second', `c${cls}`))).toEqual(hexToRgb(densityColour));
      expectColour(await pixelAt(page, spot!.x, spot!.y, 'compare'), densityColour, `${u.code} density class ${cls}`);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'analytic-compare-metrics.png') });

    // The cameras follow each other, whichever map is moved.
    const centres = () => page.evaluate(() => ['main', 'compare'].map((n) => window.antqMaps![n].getCenter().toArray().map((v) => +v.toFixed(4))));
    await page.evaluate(() => window.antqMaps!.compare.jumpTo({ center: [106.7, 10.8], zoom: 8 }));
    await expect.poll(centres).toEqual([[106.7, 10.8], [106.7, 10.8]]);
    expect(await page.evaluate(() => window.antqMaps!.main.getZoom())).toBeCloseTo(8, 5);

    // Swipe: the second map over the first, cut at a divider moved by keyboard; the link keeps its place.
    await page.getByRole('radio', { name: 'Trượt' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('swipe')).toBe('0.5');
    const divider = page.getByRole('separator', { name: /Đường chia hai bản đồ/ });
    await divider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('swipe')).toBe('0.6');
    expect(await divider.getAttribute('aria-valuenow')).toBe('60');
    // Left of the divider the first map is on top (the second is cut away there), right of it the second.
    const which = (fx: number) =>
      page.evaluate((f) => {
        const r = document.querySelector('.stage')!.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width * f, r.top + r.height / 2)?.closest('.map')?.getAttribute('data-map');
      }, fx);
    expect(await which(0.55)).toBe('main');
    expect(await which(0.65)).toBe('compare');
    await expect.poll(centres).toEqual([[106.7, 10.8], [106.7, 10.8]]);
    // The second map now spans the stage: wait until it has drawn the area it gained.
    const drawnFull = () =>
      page.evaluate(() => {
        const map = window.antqMaps!.compare;
        return map.getCanvas().clientWidth === document.querySelector('.stage')!.clientWidth && map.areTilesLoaded() && !map.isMoving();
      });
    await expect.poll(drawnFull, { timeout: 20_000 }).toBe(true);
    await page.evaluate(() => new Promise<void>((r) => window.antqMaps!.compare.once('idle', () => r()).triggerRepaint()));
    await page.screenshot({ path: join(ARTIFACTS, 'analytic-compare-swipe.png') });
  });

  it('reproduces the same map from a shared link', async () => {
    const { page, url, browser } = portal;
    await page.goto(`${url}/?metric=density&denom=residential&change=2022&year=2024&class=equal&k=4&province=01&unit=00004&at=10.50/21.0300/105.8400`);
    await waitForMap(page);
    const snapshot = async (p: typeof page) =>
      p.evaluate(() => {
        const map = window.antqMap!;
        return {
          centre: map.getCenter().toArray().map((v) => +v.toFixed(3)),
          zoom: +map.getZoom().toFixed(2),
          fill: map.getFeatureState({ source: 'detail', id: '00004' }).fill,
          legend: [...document.querySelectorAll('.legend li')].map((li) => li.textContent),
          title: document.querySelector('.legend h2')?.textContent,
          panel: document.querySelector('.panel h2')?.textContent,
        };
      });
    // Settled: the map at rest, the commune's colour, the legend and the panel drawn.
    const settled = (v: Awaited<ReturnType<typeof snapshot>>) => v.fill !== undefined && v.legend.length > 0 && !!v.title && !!v.panel;
    await expect.poll(() => page.evaluate(() => !window.antqMap!.isMoving()), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => snapshot(page), { timeout: 20_000 }).toSatisfy(settled);
    const before = await snapshot(page);
    const shared = page.url();
    // The link's own position, not a fit to the province it drills into.
    expect([before.zoom, ...before.centre]).toEqual([10.5, 105.84, 21.03]);
    expect(before.title).toContain('Thay đổi mật độ mô hình so với 2022');
    expect(before.legend).toHaveLength(5);
    const fresh = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    await fresh.goto(shared);
    await waitForMap(fresh);
    await expect.poll(() => snapshot(fresh), { timeout: 20_000 }).toEqual(before);
    await fresh.screenshot({ path: join(ARTIFACTS, 'analytic-shared-link.png') });
    await fresh.close();
  });
});
