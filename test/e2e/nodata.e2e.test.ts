// Communes without figures on the national map: hatched (the pattern over their grey) and counted in the legend, on
// a private copy of the seeded database with one province's 2025 returns taken out (the seeded data report every
// commune, so no other test sees the hatch on the map).

import Database from 'better-sqlite3';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NO_DATA_COLOR, NO_DATA_HATCH } from '../../shared/lib/statusClasses.js';
import { skipUnlessCi } from '../support/prerequisites.js';
import { copySeededDb, type TempDb } from '../support/tempDb.js';
import { e2eSkipReason, jumpAndSettle, mapPixels, startPortal, waitForMap, type Portal } from './harness.js';

const seeded = inject('seededDb');
const skip = skipUnlessCi('the no-data hatch end-to-end test', e2eSkipReason(seeded));

/** The province whose 2025 returns are taken out: Gia Lai, large communes. */
const PROVINCE = '52';
type CommuneFeature = Feature<Polygon | MultiPolygon, { code: string; province_code: string }>;
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe.skipIf(skip)('communes without figures on the national map, in Chromium', { timeout: 120_000 }, () => {
  let tmp: TempDb;
  let portal: Portal;
  let removed: number;

  beforeAll(async () => {
    tmp = await copySeededDb(seeded!);
    const db = new Database(tmp.path);
    removed = db.prepare("DELETE FROM assessments WHERE vintage = '2025' AND year = 2025 AND province_code = ?").run(PROVINCE).changes;
    db.close();
    portal = await startPortal(tmp.path);
  });
  afterAll(async () => {
    await portal?.close();
    tmp?.remove();
  });

  it('hatches them over their grey, and counts them in the legend', async () => {
    expect(removed).toBeGreaterThan(30);
    const { page, url } = portal;
    await page.goto(`${url}/?year=2025`);
    await waitForMap(page);
    await expect.poll(() => page.locator('.legend li', { hasText: 'Không có số liệu' }).textContent()).toContain(String(removed));

    // A large commune of the province, at a zoom where the hatch is clear: a square of its pixels holds both the
    // pattern's lines and its ground.
    const topo = (await (await fetch(`${url}/api/boundaries/national.topo.json`)).json()) as Topology;
    const communes = (feature(topo, topo.objects.communes as GeometryCollection) as unknown as { features: CommuneFeature[] }).features;
    const largest = communes.filter((f) => f.properties.province_code === PROVINCE).sort((a, b) => turf.area(b) - turf.area(a))[0];
    const centre = turf.pointOnFeature(largest).geometry.coordinates as [number, number];
    const xy = await jumpAndSettle(page, centre, 11);
    const pixels = await mapPixels(page, { x: xy.x - 8, y: xy.y - 8, width: 16, height: 16 });
    // The pattern's dark lines (NO_DATA_HATCH, smoothed by the image's 2× pixel ratio) on its ground (NO_DATA_COLOR).
    const [dark, ground] = [rgb(NO_DATA_HATCH)[0], rgb(NO_DATA_COLOR)[0]];
    const grey = pixels.filter(([r, g, b]) => r === g && g === b);
    const lines = grey.filter(([v]) => v >= dark && v <= ground - 20).length;
    const grounds = grey.filter(([v]) => v === ground).length;
    expect({ lines: lines >= 16, ground: grounds >= 32 }, `${lines} line and ${grounds} ground pixels of 256`).toEqual({ lines: true, ground: true });
  });
});
