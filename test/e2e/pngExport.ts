// Reading the exported PNG as a person would see it: colours counted in regions, the map's frame, text lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { INK } from '../../shared/export/mapMarks.js';
import { ARTIFACTS } from './harness.js';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Pixels of a region whose colour is within `tol` of `hex`. */
export function countColour(png: PNG, hex: string, region = { x: 0, y: 0, w: png.width, h: png.height }, tol = 3): number {
  const [r, g, b] = rgb(hex);
  let n = 0;
  for (let y = region.y; y < region.y + region.h; y++)
    for (let x = region.x; x < region.x + region.w; x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i] - r) <= tol && Math.abs(png.data[i + 1] - g) <= tol && Math.abs(png.data[i + 2] - b) <= tol) n++;
    }
  return n;
}

export function distinctColours(png: PNG, region: { x: number; y: number; w: number; h: number }): number {
  const seen = new Set<number>();
  for (let y = region.y; y < region.y + region.h; y += 2)
    for (let x = region.x; x < region.x + region.w; x += 2) {
      const i = (y * png.width + x) * 4;
      seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    }
  return seen.size;
}

/**
 * The maps' frame as the image draws it: the first and last rows that the frame's black line crosses from edge to
 * edge (the title band above, the legends' band and the footer below), so that the checks read the image itself.
 */
export function mapFrame(png: PNG): { x: number; y: number; w: number; h: number } {
  const full = (y: number) => countColour(png, INK, { x: 0, y, w: png.width, h: 1 }, 24) > png.width * 0.95;
  const rows = Array.from({ length: png.height }, (_, y) => y).filter(full);
  expect(rows.length, 'the map frame in the image').toBeGreaterThan(1);
  const [top, bottom] = [rows[0], rows[rows.length - 1]];
  // Inside the line (at most 2.5 px an output pixel ratio of 1 × 4).
  const line = rows.filter((y) => y - top < 12).length;
  return { x: line, y: top + line, w: png.width - 2 * line, h: bottom - top - 2 * line };
}

/** Text rows in a band: runs of rows holding the colour, as a text's lines make them. */
export function textLines(png: PNG, hex: string, band: { y: number; h: number }): { top: number; bottom: number }[] {
  const lines: { top: number; bottom: number }[] = [];
  for (let y = band.y; y < band.y + band.h; y++) {
    if (countColour(png, hex, { x: 0, y, w: png.width, h: 1 }, 40) < 2) continue;
    const last = lines[lines.length - 1];
    if (last && y - last.bottom <= 3) last.bottom = y;
    else lines.push({ top: y, bottom: y });
  }
  return lines.filter((l) => l.bottom - l.top >= 6);
}

/** The leftmost and rightmost columns of a band that hold the colour. */
export function extent(png: PNG, hex: string, band: { y: number; h: number }): [number, number] {
  const cols = Array.from({ length: png.width }, (_, x) => x).filter((x) => countColour(png, hex, { x, y: band.y, w: 1, h: band.h }, 40) > 0);
  return [cols[0], cols[cols.length - 1]];
}

export async function exportPng(page: Page, scale: number, name: string): Promise<PNG> {
  // A phone's export is in its menu's sheet.
  const button = page.getByRole('button', { name: 'Xuất bản đồ', exact: true });
  if (!(await button.isVisible()) && (await page.locator('.menu-button').isVisible())) await page.locator('.menu-button').click();
  await button.click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('menuitem', { name: `PNG ${scale}×` }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`-${scale}x\\.png$`));
  const path = join(ARTIFACTS, name);
  await download.saveAs(path);
  return PNG.sync.read(readFileSync(path));
}
