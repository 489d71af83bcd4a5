import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { skipUnlessCi } from '../support/prerequisites.js';
import { ARTIFACTS, e2eSkipReason, startPortal, waitForMap, type Portal } from './harness.js';

const db = inject('seededDb');
const skip = skipUnlessCi('the search end-to-end tests', e2eSkipReason(db));

let portal: Portal | null = null;

/** Opens the map afresh and types a query into the search box; returns the box. */
async function typeQuery(query: string) {
  const { page, url } = portal!;
  await page.goto(url);
  await waitForMap(page);
  // The box must be there: a missing search box fails the test (it does not skip it).
  const box = page.locator('[role=combobox]');
  await expect.poll(() => box.count(), { timeout: 10_000 }).toBe(1);
  await box.click();
  await box.pressSequentially(query, { delay: 20 });
  return box;
}

describe.skipIf(skip)('searching in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    portal = await startPortal(db!);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('finds an old ward typed without diacritics and with a typo, and selects what it became', async () => {
    const { page } = portal!;
    const box = await typeQuery('dong ngna');
    const first = page.getByRole('listbox', { name: 'Kết quả tìm kiếm' }).getByRole('option').first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toContain('Phường Đông Ngàn');
    expect(await first.textContent()).toContain('(tên cũ) → Phường Từ Sơn');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'search.png') });

    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('09367');
    await expect.poll(() => page.locator('.panel h2').textContent()).toBe('Phường Từ Sơn');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.inputValue()).toBe('Phường Từ Sơn');
    // The map flies to the commune: once it settles, Từ Sơn (≈105,95 E, 21,12 N) is in the middle at a commune zoom.
    await expect
      .poll(() => page.evaluate(() => (window.antqMap!.isMoving() ? null : [window.antqMap!.getZoom(), ...window.antqMap!.getCenter().toArray()])), { timeout: 10_000 })
      .toSatisfy((v) => v !== null && (v as number[])[0] > 10 && Math.abs((v as number[])[1] - 105.95) < 0.1 && Math.abs((v as number[])[2] - 21.12) < 0.1);
  });

  it('leads "Thị trấn Vĩnh Lộc" to Xã Chiêm Hoá, and closes on Escape', async () => {
    const { page } = portal!;
    const box = await typeQuery('Thị trấn Vĩnh Lộc');
    const options = page.getByRole('listbox', { name: 'Kết quả tìm kiếm' }).getByRole('option');
    await expect.poll(() => options.first().textContent(), { timeout: 20_000 }).toContain('Thị trấn Vĩnh Lộc');
    expect(await options.first().textContent()).toContain('Xã Chiêm Hoá');
    // Today's Xã Vĩnh Lộc are listed as well.
    expect((await options.allTextContents()).filter((t) => t.startsWith('Xã Vĩnh Lộc')).length).toBeGreaterThanOrEqual(3);

    await box.press('Escape');
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.inputValue()).toBe('Thị trấn Vĩnh Lộc');
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('02287');
    await expect.poll(() => page.locator('.panel h2').textContent()).toBe('Xã Chiêm Hoá');
  });
});
