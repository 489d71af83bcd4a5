import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { createApp } from '../../server/app.js';
import { ROOT, paths } from '../../server/config.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { storeAdmin } from '../../server/store/sql-admin.js';

export const ARTIFACTS = join(ROOT, 'test', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Headless Chromium with software WebGL (SwiftShader); shared with the benchmark (scripts/bench). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Why end-to-end tests cannot run here, or null when they can. */
export function e2eSkipReason(db: string | null): string | null {
  const p = paths();
  if (!db) return 'no seeded database (source data missing)';
  if (!existsSync(join(p.clientDir, 'index.html'))) return `client not built (${p.clientDir}): run "npm run build"`;
  if (!existsSync(join(p.buildDir, 'geo', 'manifest.json'))) return 'boundary layers not built: run "npm run data"';
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  return null;
}

export interface Portal {
  url: string;
  browser: Browser;
  page: Page;
  /** What the page reported as blocked by the Content-Security-Policy (closing fails if any). */
  cspViolations: string[];
  close(): Promise<void>;
}

/** The built app served by the real server on a free port, and a headless Chromium page on it (`options`: a phone's touch, reduced motion). */
export async function startPortal(db: string, viewport = { width: 1400, height: 900 }, options: Pick<BrowserContextOptions, 'hasTouch' | 'isMobile' | 'reducedMotion'> = {}): Promise<Portal> {
  const p = paths();
  const store = openSqliteStore(db);
  // With the admin backend, as `npm run serve` runs it: log-in, imports and accounts work (tests on the shared seeded database never write).
  const app = createApp({ store, geoDir: join(p.buildDir, 'geo'), clientDir: p.clientDir, admin: storeAdmin(store) });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, ...options });
  // Nothing may come from the internet: fail loudly on any request that leaves this machine.
  const external: string[] = [];
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
    external.push(u.href);
    return route.abort();
  });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // The app runs under its Content-Security-Policy: Chromium logs each violation ("Refused to …", "… Content Security Policy …").
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url,
    browser,
    page,
    cspViolations,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await store.close();
      if (external.length) throw new Error(`requests to the internet: ${external.join(', ')}`);
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations: ${cspViolations.join(' | ')}`);
    },
  };
}

/** Waits until the map has drawn the colours of the current year. */
export async function waitForMap(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('.map[data-map-ready="true"]', { timeout });
}

/**
 * Shows `url` (the portal's, e.g. `${portal.url}/?province=01`): in the page already on the portal as the browser's
 * Back and Forward bring an entry back (a popstate), without a page load or a new map, which a test that only needs
 * the screen need not pay; loaded as a page where the page is elsewhere (a test run alone). Waits for React to render
 * it (a frame later) and for the map to be ready.
 */
export async function showInPage(page: Page, url: string): Promise<void> {
  const target = new URL(url);
  if (new URL(page.url()).origin !== target.origin) await page.goto(url);
  else {
    await page.evaluate(async (path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }, target.pathname + target.search);
  }
  await waitForMap(page);
}

/** Where a place is drawn: on the map's canvas, and on the page (for the mouse). */
export interface Spot {
  x: number;
  y: number;
  pageX: number;
  pageY: number;
}

/** Moves the map and waits until it has drawn the new view; returns where `center` is drawn. */
export async function jumpAndSettle(page: Page, center: [number, number], zoom: number): Promise<Spot> {
  return page.evaluate(
    ([c, z]) =>
      new Promise<Spot>((resolve) => {
        const map = window.antqMap!;
        map.once('idle', () => {
          const p = map.project(c);
          const r = map.getCanvas().getBoundingClientRect();
          resolve({ x: p.x, y: p.y, pageX: r.left + p.x, pageY: r.top + p.y });
        });
        map.jumpTo({ center: c, zoom: z });
        map.triggerRepaint();
      }),
    [center, zoom] as const,
  );
}

/**
 * The RGB of a map's canvas pixels (CSS pixels; deviceScaleFactor 1), row by row: a rectangle, or the whole canvas;
 * every `stride`-th pixel. The main map unless named.
 */
export async function mapPixels(page: Page, rect: { x: number; y: number; width: number; height: number } | 'all', map = 'main', stride = 1): Promise<[number, number, number][]> {
  return page.evaluate(
    ([r, name, step]) => {
      // The map keeps no copy of its last frame (no preserveDrawingBuffer): one drawn now is read in the same task.
      window.antqMaps![name].redraw();
      const src = window.antqMaps![name].getCanvas();
      const c = document.createElement('canvas');
      c.width = src.width;
      c.height = src.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(src, 0, 0);
      const { x, y, width, height } = r === 'all' ? { x: 0, y: 0, width: c.width, height: c.height } : r;
      const d = ctx.getImageData(Math.round(x), Math.round(y), width, height).data;
      const out: [number, number, number][] = [];
      for (let i = 0; i < d.length; i += 4 * step) out.push([d[i], d[i + 1], d[i + 2]]);
      return out;
    },
    [rect, map, stride] as const,
  );
}

/** The RGB of one pixel of a map's canvas (CSS pixels; deviceScaleFactor 1); the main map unless named. */
export async function pixelAt(page: Page, x: number, y: number, map = 'main'): Promise<[number, number, number]> {
  return (await mapPixels(page, { x, y, width: 1, height: 1 }, map))[0];
}
