import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import { STATUS_LABELS } from '../../shared/domain/labels.js';
import type { Status } from '../../shared/domain/types.js';
import { STATUS_COLORS } from '../../shared/lib/statusClasses.js';
import { startScripts } from '../../scripts/bench/firstScript.js';
import { skipUnlessCi } from '../support/prerequisites.js';
import { ARTIFACTS, e2eSkipReason, jumpAndSettle, pixelAt, showInPage, startPortal, waitForMap, type Portal } from './harness.js';

const db = inject('seededDb');
const skip = skipUnlessCi('the national map end-to-end tests', e2eSkipReason(db));

const LAND = [0xf7, 0xf5, 0xf0];
const FILL_OPACITY = 0.88;
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const expectedFill = (s: Status) => rgb(STATUS_COLORS[s]).map((c, i) => Math.round(c * FILL_OPACITY + LAND[i] * (1 - FILL_OPACITY)));

type CommuneFeature = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

/** A point well inside a commune (≥ 1.5 km from its border), so a pixel there shows its fill. */
function interiorPoint(f: CommuneFeature): [number, number] | null {
  const c = turf.centerOfMass(f);
  if (!turf.booleanPointInPolygon(c, f)) return null;
  // Negative inside the polygon.
  const distance = -turf.pointToPolygonDistance(c, f, { units: 'kilometers' });
  return distance >= 1.5 ? (c.geometry.coordinates as [number, number]) : null;
}

describe.skipIf(skip)('the national map in Chromium', { timeout: 120_000 }, () => {
  let portal: Portal;
  let communes: CommuneFeature[];
  const stats = async (year: number) =>
    (await (await fetch(`${portal.url}/api/stats?year=${year}&level=commune`)).json()) as { units: CommuneFigures[] };

  beforeAll(async () => {
    portal = await startPortal(db!);
    const topo = (await (await fetch(`${portal.url}/api/boundaries/national.topo.json`)).json()) as Topology;
    communes = (feature(topo, topo.objects.communes as GeometryCollection) as unknown as { features: CommuneFeature[] }).features;
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('colours every commune by its status, each year from 2020 to 2025', async () => {
    const { page, url } = portal;
    await page.goto(`${url}/?year=2020`);
    await waitForMap(page);
    const rendered = await page.evaluate(() => {
      const fs = window.antqMap!.queryRenderedFeatures({ layers: ['communes-fill'] });
      return [...new Set(fs.map((f) => f.properties.code as string))];
    });
    // At the whole-country zoom a few dozen city wards are smaller than a pixel and are dropped by the tiler.
    expect(rendered.length).toBeGreaterThanOrEqual(3200);
    expect(rendered).toEqual(expect.arrayContaining(['20333', '22736'])); // Hoàng Sa, Trường Sa

    for (const year of [2020, 2021, 2022, 2023, 2024, 2025]) {
      await page.getByRole('radio', { name: String(year) }).click();
      await waitForMap(page);
      const expected = (await stats(year)).units.map((u) => [u.code, u.status] as const);
      expect(expected).toHaveLength(3321);
      expect(expected.filter(([, s]) => s === null)).toEqual([]);
      const colours = expected.map(([code, s]) => [code, s ? STATUS_COLORS[s] : null] as const);
      const mismatches = () =>
        page.evaluate((rows) => {
          const map = window.antqMap!;
          return rows.filter(([code, fill]) => map.getFeatureState({ source: 'communes', sourceLayer: 'communes', id: code }).fill !== fill);
        }, colours);
      await expect.poll(mismatches, { timeout: 15_000 }).toEqual([]);
      await expect.poll(() => page.locator('.legend h2').textContent()).toContain(String(year));
      await page.screenshot({ path: join(ARTIFACTS, `national-${year}.png`) });
    }
  });

  it('draws each status in its legend colour at known communes, and opens the panel on click', async () => {
    const { page } = portal;
    const year = 2025;
    const figures = (await stats(year)).units;
    const byCode = new Map(figures.map((u) => [u.code, u]));
    // In the page the test before left (its views are in the URL; no page load needed).
    await showInPage(page, `${portal.url}/?year=${year}`);
    const checked: string[] = [];
    for (const status of ['dat', 'chua_dat', 'chua_danh_gia'] as const) {
      const candidates = communes
        .filter((f) => byCode.get(f.properties.code)?.status === status && byCode.get(f.properties.code)!.type !== 'Đặc khu')
        .sort((a, b) => (byCode.get(b.properties.code)!.areaKm2 ?? 0) - (byCode.get(a.properties.code)!.areaKm2 ?? 0));
      let point: [number, number] | null = null;
      let chosen: CommuneFeature | undefined;
      for (const f of candidates.slice(0, 30)) {
        point = interiorPoint(f);
        if (point) {
          chosen = f;
          break;
        }
      }
      if (!chosen || !point) {
        expect(status, `a commune with status ${status} in ${year}`).toBe('chua_danh_gia'); // rare in the sample
        continue;
      }
      const xy = await jumpAndSettle(page, point, 10);
      const pixel = await pixelAt(page, xy.x, xy.y);
      const want = expectedFill(status);
      pixel.forEach((c, i) => expect(Math.abs(c - want[i]), `${chosen.properties.code} ${status}: ${pixel.join(',')} vs ${want.join(',')}`).toBeLessThanOrEqual(10));
      checked.push(status);

      await page.mouse.click(xy.pageX, xy.pageY);
      const unit = byCode.get(chosen.properties.code)!;
      await expect.poll(() => page.locator('.panel h2').textContent()).toBe(`${unit.type} ${unit.name}`);
      await expect.poll(() => page.locator('.panel .chip').first().textContent()).toBe(STATUS_LABELS[status]);
      expect(new URL(page.url()).searchParams.get('unit')).toBe(unit.code);
      await page.screenshot({ path: join(ARTIFACTS, `commune-${status}.png`) });
    }
    expect(checked).toEqual(expect.arrayContaining(['dat', 'chua_dat']));
  });

  it('shows the sample-data badge and a tooltip on hover', async () => {
    const { page } = portal;
    await showInPage(page, `${portal.url}/?year=2024`);
    await expect.poll(() => page.locator('.sample-badge').textContent()).toBe('Dữ liệu minh họa');
    const f = communes.find((c) => c.properties.code === '09367') ?? communes[0];
    const p = interiorPoint(f) ?? (turf.pointOnFeature(f).geometry.coordinates as [number, number]);
    const xy = await jumpAndSettle(page, p, 11);
    await page.mouse.move(xy.pageX, xy.pageY);
    await expect.poll(() => page.locator('.tooltip strong').textContent()).toContain(f.properties.name);
    await page.screenshot({ path: join(ARTIFACTS, 'hover.png') });
  });

  it("sends the page's files compressed, and a returning browser asks for none of the hashed ones again", async () => {
    const { url } = portal;
    // A context of its own: the harness's request routing turns the browser's HTTP cache off.
    const context = await portal.browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      const assets: { path: string; encoding: string | undefined; cache: string | undefined; bytes: number }[] = [];
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/assets/')) assets.push({ path, encoding: r.headers()['content-encoding'], cache: r.headers()['cache-control'], bytes: Number(r.headers()['content-length']) });
      });
      await page.goto(`${url}/`);
      await waitForMap(page);
      const scripts = assets.filter((a) => /\.m?js$/.test(a.path));
      expect(scripts.length).toBeGreaterThan(3);
      for (const a of assets) {
        expect(a.cache, a.path).toBe('public, max-age=31536000, immutable');
        // Scripts and styles in brotli, but those of a few hundred bytes (no gain worth the headers).
        if (/\.(m?js|css)$/.test(a.path) && a.bytes >= 1024) expect(a.encoding, a.path).toBe('br');
      }
      // MapLibre's script: about a quarter of its size on the wire.
      const maplibre = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\/assets\/maplibre-[^/]*\.js$/.test(e.name)).map((e) => e.encodedBodySize / e.decodedBodySize),
      );
      expect(maplibre).toHaveLength(1);
      expect(maplibre[0]).toBeLessThan(0.35);

      // The next visit, once the first has fetched what it fetches after the colours (the polygons, the export
      // menu's code): a request cut short by leaving the page would be asked for again. The page is revalidated,
      // its scripts, styles and fonts come from the browser's cache.
      await page.waitForLoadState('networkidle');
      await page.goto(`${url}/?year=2024`);
      await waitForMap(page);
      const again = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => new URL(e.name).pathname.startsWith('/assets/')).map((e) => [new URL(e.name).pathname, e.transferSize] as const),
      );
      expect(again.length).toBeGreaterThan(3);
      expect(again.filter(([, bytes]) => bytes > 0)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('asks for its first scripts in four files and its styles in one, and for no other script before the map', async () => {
    const html = await (await fetch(`${portal.url}/`)).text();
    const head = startScripts(html);
    // The page's own, the modules it shares with its lazy panels, the bundler's runtime, MapLibre: over HTTP/1.1's
    // six connections each file more queues MapLibre's script behind it (ten files before).
    expect(head, head.join(', ')).toHaveLength(4);
    expect([...html.matchAll(/<link[^>]*rel="stylesheet"/g)]).toHaveLength(1);
    const page = await portal.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      // When the map first reads as ready, the lazy panels' scripts being asked for only after it.
      await page.addInitScript({
        content: `new MutationObserver((_, o) => { if (document.querySelector('.map[data-map-ready="true"]')) { window.__readyAt = performance.now(); o.disconnect(); } }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });`,
      });
      await page.goto(`${portal.url}/`);
      await waitForMap(page);
      const early = await page.evaluate(() => {
        const ready = (window as unknown as { __readyAt: number }).__readyAt;
        return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.startTime < ready && /\.m?js$/.test(new URL(e.name).pathname))
          .map((e) => new URL(e.name).pathname);
      });
      // Besides those four, only MapLibre's worker.
      expect(early.filter((p) => !head.includes(p) && !/\/maplibre-gl-worker-[^/]*\.mjs$/.test(p))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens fitted, without an animation, and draws no frame behind its hidden canvas before everything is in', async () => {
    const page = await portal.browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    try {
      // From the map's creation to its first "ready": its moves (a jump is one, an animated fit ~20 between its
      // movestart and moveend: `eased` counts those after the first), and the frames it draws (tasks with WebGL draw
      // calls) before all its sources are loaded (11 before this was kept from it). A resize moves the map twice
      // (the resize, the fit kept): on a busy machine the top bar used to grow once the map was made (see the next
      // test), and the test is about animations, not the window.
      await page.addInitScript(() => {
        const w = window as unknown as { before: { moves: number; eased: number; resizes: number; frames: number }; ready: boolean; __map?: { loaded(): boolean } };
        w.before = { moves: 0, eased: 0, resizes: 0, frames: 0 };
        w.ready = false;
        Object.defineProperty(window, 'antqMap', {
          configurable: true,
          get: () => w.__map,
          set: (m: { on(e: string, f: () => void): void; loaded(): boolean }) => {
            w.__map = m;
            let span = 0;
            m?.on('movestart', () => (span = 0));
            m?.on('move', () => {
              if (w.ready) return;
              w.before.moves++;
              if (++span > 1) w.before.eased++;
            });
            m?.on('resize', () => {
              if (!w.ready) w.before.resizes++;
            });
          },
        });
        let drawing = false;
        const proto = WebGL2RenderingContext.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
        for (const name of ['drawElements', 'drawArrays']) {
          const original = proto[name];
          proto[name] = function (this: unknown, ...args: unknown[]) {
            if (!drawing && !w.ready && w.__map && !w.__map.loaded()) {
              drawing = true;
              w.before.frames++;
              queueMicrotask(() => (drawing = false));
            }
            return original.apply(this, args);
          };
        }
        new MutationObserver((records, observer) => {
          if (!records.some((r) => (r.target as Element).getAttribute('data-map-ready') === 'true')) return;
          w.ready = true;
          observer.disconnect();
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
      });
      await page.goto(`${portal.url}/`);
      await waitForMap(page);
      const before = await page.evaluate(() => (window as unknown as { before: { moves: number; eased: number; resizes: number; frames: number } }).before);
      expect(before.eased).toBe(0);
      expect(before.moves - 2 * before.resizes, JSON.stringify(before)).toBeLessThanOrEqual(1);
      expect(before.frames).toBe(0);
    } finally {
      await page.close();
    }
  });

  it("lays the top bar out as tall in another font: text laid out before the web font is applied takes the same room", async () => {
    const page = await portal.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(`${portal.url}/`);
      await waitForMap(page);
      const measure = () =>
        page.evaluate(() => ({
          title: document.querySelector('.title h1')!.getBoundingClientRect().width,
          heights: ['.topbar', '.toolbar', '.pane'].map((s) => document.querySelector(s)!.getBoundingClientRect().height),
        }));
      const noto = await measure();
      // Liberation Sans (Arial's metrics: lines 1.149 em where Noto Sans's are 1.362): on a busy machine the top bar
      // was laid out in such a font as the map was made, then again in Noto Sans, and the map was resized.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll<HTMLElement>('.topbar, .topbar *, .toolbar, .toolbar *')) el.style.setProperty('font-family', '"Liberation Sans", sans-serif', 'important');
      });
      const other = await measure();
      expect(Math.abs(other.title - noto.title), 'the other font is used').toBeGreaterThan(5);
      other.heights.forEach((h, i) => expect(h, `${['.topbar', '.toolbar', '.pane'][i]}: ${noto.heights[i]} → ${h}`).toBeCloseTo(noto.heights[i], 0));
    } finally {
      await page.close();
    }
  });

  it('keeps the top bar still at 1024 × 768 while the key figure and the map arrive (no layout shift)', async () => {
    const { url } = portal;
    const page = await portal.browser.newPage({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 });
    try {
      await page.addInitScript(() => {
        const w = window as { shifts?: number[] };
        w.shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.shifts!.push((e as PerformanceEntry & { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${url}/`);
      await waitForMap(page);
      await page.locator('.headline:not(.pending) strong').waitFor();
      // The observer reports a shift in the frame after it: one more frame before reading.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await page.evaluate(() => (window as { shifts?: number[] }).shifts)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
