import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/e2e/harness.js';
import { browserCpu, cpuSince, type BrowserCpu } from './procCpu.js';

const VIEWPORT = { width: 1400, height: 900 };

declare global {
  interface Window {
    /** performance.now() when the map first reported data-map-ready="true": ms since navigation start. */
    __benchReadyAt?: number;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh context (empty cache) whose page may talk to 127.0.0.1 only; any other request fails the run. */
async function loopbackPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; external: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
    external.push(u.href);
    return route.abort();
  });
  // Stamps the moment the map is fully coloured, in the page's own clock (0 = navigation start).
  await context.addInitScript(() => {
    new MutationObserver((records, obs) => {
      if (records.some((r) => (r.target as Element).getAttribute('data-map-ready') === 'true')) {
        window.__benchReadyAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return { context, page, external };
}

async function close(context: BrowserContext, external: string[]) {
  await context.close();
  if (external.length) throw new Error(`requests left 127.0.0.1: ${external.join(', ')}`);
}

async function jsHeapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

export interface ReadyRun {
  /** ms from navigation start to the fully coloured map, or null if it was not coloured within the limit. */
  ms: number | null;
  /** Main-thread JS heap once coloured, bytes. */
  heap: number | null;
  /** CPU time of the browser's processes from navigation to the coloured map (within a 100 ms poll), seconds. */
  cpu: BrowserCpu | null;
  /** Bytes received (bodies as sent, headers included) by the requests made before the map was coloured, the worker's too. */
  bytes: number | null;
}

/** What the page and its workers received over the network for requests started before `until` (ms since navigation). */
async function bytesReceived(page: Page, until: number): Promise<number> {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  // (An arrow, not a named function: tsx would wrap a named one in a helper the page does not have.)
  const read = (limit: number) =>
    ([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[])
      .filter((e) => performance.timeOrigin + e.startTime <= limit)
      .reduce((n, e) => n + e.transferSize, 0);
  let n = await page.evaluate(read, pageOrigin + until);
  // The worker's own requests (MapLibre's tiles) are in its timeline, not the page's.
  for (const w of page.workers()) n += await w.evaluate(read, pageOrigin + until);
  return n;
}

/** One cold load of url, timed in the page from navigation start to .map[data-map-ready="true"]. */
export async function timeToColoured(browser: Browser, url: string, limitMs: number): Promise<ReadyRun> {
  const { context, page, external } = await loopbackPage(browser);
  try {
    const before = browserCpu();
    await page.goto(url, { waitUntil: 'commit', timeout: limitMs });
    const ok = await page
      .waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: limitMs, polling: 100 })
      .then(() => true)
      .catch(() => false);
    if (!ok) return { ms: null, heap: null, cpu: null, bytes: null };
    const cpu = cpuSince(before, browserCpu());
    const ms = await page.evaluate(() => window.__benchReadyAt!);
    return { ms, heap: await jsHeapUsed(page), cpu, bytes: await bytesReceived(page, ms) };
  } finally {
    await close(context, external);
  }
}

/** One switch of the map's question: a year button, or a metric in the "Chỉ tiêu" list. */
export type Switch = { year: number } | { metric: string };

export const switchLabel = (s: Switch) => ('year' in s ? `năm ${s.year}` : s.metric);

/** One recolour: ms from the click to the map's next idle, and to the next frame painted after it. */
export interface RecolourRun {
  idle: number;
  painted: number;
}

/**
 * Switches on the portal, each timed in the page from the click (or the list's change) to the map reporting
 * data-map-ready="true" again (the figures, the feature-state writes and MapLibre's next idle), and to the next
 * animation frame after that (the new colours composited). Starts once the page has settled after its first
 * colouring, and each switch once the previous colours are on screen, as a user's next click comes: back to back,
 * a switch would also wait for the previous frame's software rasterization (SwiftShader, ~60 ms a frame here).
 */
export async function recolourTimes(browser: Browser, url: string, switches: Switch[], limitMs: number): Promise<RecolourRun[]> {
  const { context, page, external } = await loopbackPage(browser);
  try {
    await page.goto(url, { timeout: limitMs });
    await page.waitForSelector('.map[data-map-ready="true"]', { timeout: limitMs });
    // The page fetches the other years and the full figures in the background once coloured: a user's first switch
    // comes after that, so the switches start once no request has started for a second (the page has settled).
    await page.waitForFunction(
      () => {
        const last = Math.max(0, ...performance.getEntriesByType('resource').map((r) => r.startTime));
        return performance.now() - last > 1000;
      },
      null,
      { timeout: limitMs, polling: 200 },
    );
    const runs: RecolourRun[] = [];
    for (const sw of switches) {
      const run = await page.evaluate(
        ([sw, limit]) =>
          new Promise<RecolourRun>((resolve, reject) => {
            const el = document.querySelector('.map')!;
            const timer = setTimeout(() => reject(new Error(`${JSON.stringify(sw)} not coloured within ${limit} ms`)), limit);
            // (No named functions in here: tsx would wrap them in a helper the page does not have.)
            // The previous colours on screen: two frames, then a short pause.
            void new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
              .then(() => new Promise((r) => setTimeout(r, 300)))
              .then(() => {
                let t0 = 0;
                new MutationObserver((records, obs) => {
                  // The map goes "false" when the new colours are written and "true" at the next idle.
                  if (!records.some((r) => r.oldValue === 'false' && el.getAttribute('data-map-ready') === 'true')) return;
                  obs.disconnect();
                  const idle = performance.now() - t0;
                  requestAnimationFrame(() => {
                    clearTimeout(timer);
                    resolve({ idle, painted: performance.now() - t0 });
                  });
                }).observe(el, { attributes: true, attributeFilter: ['data-map-ready'], attributeOldValue: true });
                if ('year' in sw) {
                  const button = [...document.querySelectorAll<HTMLButtonElement>('.years button')].find((b) => b.textContent?.trim() === String(sw.year));
                  if (!button) return reject(new Error(`no button for year ${sw.year}`));
                  t0 = performance.now();
                  button.click();
                } else {
                  const select = [...document.querySelectorAll<HTMLSelectElement>('.metric-control select')].find((s) => [...s.options].some((o) => o.value === sw.metric));
                  if (!select) return reject(new Error(`no metric ${sw.metric} in the toolbar`));
                  // The native setter, so that React sees a change as from the user.
                  const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.bind(select);
                  t0 = performance.now();
                  setValue(sw.metric);
                  select.dispatchEvent(new Event('change', { bubbles: true }));
                }
              });
          }),
        [sw, limitMs] as const,
      );
      runs.push(run);
    }
    return runs;
  } finally {
    await close(context, external);
  }
}
