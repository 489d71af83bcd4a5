import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/e2e/harness.js';

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
}

/** One cold load of url, timed in the page from navigation start to .map[data-map-ready="true"]. */
export async function timeToColoured(browser: Browser, url: string, limitMs: number): Promise<ReadyRun> {
  const { context, page, external } = await loopbackPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: limitMs });
    const ok = await page
      .waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: limitMs, polling: 100 })
      .then(() => true)
      .catch(() => false);
    if (!ok) return { ms: null, heap: null };
    return { ms: await page.evaluate(() => window.__benchReadyAt!), heap: await jsHeapUsed(page) };
  } finally {
    await close(context, external);
  }
}

/**
 * Year switches on the portal, each timed in the page from the button's click to the map reporting
 * data-map-ready="true" again (the stats fetch, the feature-state writes and MapLibre's next idle), once the page
 * has settled after its first colouring.
 * Goes down through the years and back up, so every year is shown at least once.
 */
export async function recolourTimes(browser: Browser, url: string, years: number[], limitMs: number): Promise<number[]> {
  const { context, page, external } = await loopbackPage(browser);
  try {
    await page.goto(url, { timeout: limitMs });
    await page.waitForSelector('.map[data-map-ready="true"]', { timeout: limitMs });
    // The page fetches the other years in the background once coloured: a user's first switch comes after that,
    // so the switches start once no request has started for a second (the page has settled).
    await page.waitForFunction(
      () => {
        const last = Math.max(0, ...performance.getEntriesByType('resource').map((r) => r.startTime));
        return performance.now() - last > 1000;
      },
      null,
      { timeout: limitMs, polling: 200 },
    );
    const desc = [...years].sort((a, b) => b - a);
    const order = [...desc.slice(1), ...desc.slice(0, -1).reverse()];
    const times: number[] = [];
    for (const year of order) {
      const ms = await page.evaluate(
        ([y, limit]) =>
          new Promise<number>((resolve, reject) => {
            const el = document.querySelector('.map')!;
            const button = [...document.querySelectorAll<HTMLButtonElement>('.years button')].find((b) => b.textContent?.trim() === String(y));
            if (!button) return reject(new Error(`no button for year ${y}`));
            const timer = setTimeout(() => reject(new Error(`year ${y} not coloured within ${limit} ms`)), limit);
            let t0 = 0;
            new MutationObserver((records, obs) => {
              // The map goes "false" when the new colours are written and "true" at the next idle.
              if (records.some((r) => r.oldValue === 'false' && el.getAttribute('data-map-ready') === 'true')) {
                obs.disconnect();
                clearTimeout(timer);
                resolve(performance.now() - t0);
              }
            }).observe(el, { attributes: true, attributeFilter: ['data-map-ready'], attributeOldValue: true });
            t0 = performance.now();
            button.click();
          }),
        [year, limitMs] as const,
      );
      times.push(ms);
    }
    return times;
  } finally {
    await close(context, external);
  }
}
