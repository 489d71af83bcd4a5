// The app under its own Content-Security-Policy, in Chromium: the map draws (MapLibre's worker, tiles,
// glyphs), the PNG and the PDF exports (pdf-lib, fonts loaded at run time) download, and the page
// reports no violation of the policy.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/http/securityHeaders.js';
import { ARTIFACTS, e2eSkipReason, mapPixels, startPortal, waitForMap, type Portal } from './harness.js';
import { skipUnlessCi } from '../support/prerequisites.js';

const db = inject('seededDb');
const skip = skipUnlessCi('CSP end-to-end test', e2eSkipReason(db));

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

describe.skipIf(skip)('the app under its Content-Security-Policy', { timeout: 300_000 }, () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal(db!);
    // Every violation the page sees (workers included report to the page's console).
    await portal.page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('draws the map and exports PNG and PDF with no violation reported', async () => {
    const { page, url } = portal;
    const res = await page.goto(`${url}/?year=2025`);
    expect(res!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await waitForMap(page);
    // The map really drew: its canvas holds more than a blank background.
    const colours = new Set((await mapPixels(page, 'all', 'main', 97)).map(([r, g, b]) => (r << 16) | (g << 8) | b)).size;
    expect(colours).toBeGreaterThan(5);

    await page.getByRole('button', { name: 'Xuất bản đồ' }).click();
    const [png] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('menuitem', { name: 'PNG 1×' }).click()]);
    const pngPath = join(ARTIFACTS, 'csp-export.png');
    await png.saveAs(pngPath);
    expect(PNG.sync.read(readFileSync(pngPath)).width).toBeGreaterThan(500);

    await page.getByRole('button', { name: 'Xuất bản đồ' }).click();
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('menuitem', { name: 'Xuất PDF' }).click()]);
    const pdfPath = join(ARTIFACTS, 'csp-export.pdf');
    await pdf.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(portal.cspViolations).toEqual([]);
    // The watch works: an inline style, which the policy forbids, is reported.
    await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'body { outline: 1px solid red }';
      document.head.appendChild(s);
    });
    await expect.poll(() => page.evaluate(() => window.cspViolations)).toEqual([expect.stringMatching(/^style-src/)]);
    await expect.poll(() => portal.cspViolations.length).toBe(1);
    // The probe's, on purpose: not one for the portal's closing check.
    portal.cspViolations.length = 0;
  });
});
