/**
 * Checks the real build outputs in <buildDir>/geo, when `npm run data` has produced them.
 * (The pipeline itself runs on the real data only in the CLI, never here.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipUnlessCi } from '../../test/support/prerequisites.js';
import { paths } from '../../server/config.js';
import type { Manifest } from './manifest.js';
import { SETTINGS } from './settings.js';
import { geometriesOf, type Topo } from './topology.js';

const geo = join(paths().buildDir, 'geo');
const manifestPath = join(geo, 'manifest.json');
const have = existsSync(manifestPath) && existsSync(join(geo, 'national.topo.json'));
const title = have ? 'real build outputs in build/geo' : `real build outputs (skipped: no ${manifestPath}; run "npm run data" first)`;

describe.skipIf(skipUnlessCi('the real build output tests', have ? null : `no ${manifestPath}: run "npm run data" first`))(title, () => {
  const m = have ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : null!;
  const national = have ? (JSON.parse(readFileSync(join(geo, 'national.topo.json'), 'utf8')) as Topo) : null!;

  it('has 3,321 communes and 34 provinces', () => {
    expect(m.counts).toEqual({ communes: 3321, provinces: 34 });
    expect(geometriesOf(national, 'communes')).toHaveLength(3321);
    expect(geometriesOf(national, 'provinces')).toHaveLength(34);
    expect(geometriesOf(national, 'province_labels')).toHaveLength(34);
    expect(geometriesOf(national, 'outline')).toHaveLength(1);
    expect(Object.keys(m.provinces)).toHaveLength(34);
    expect(Object.values(m.provinces).reduce((s, p) => s + p.communes, 0)).toBe(3321);
  });

  it('every commune id is a 5-digit string, both archipelagos included', () => {
    const ids = geometriesOf(national, 'communes').map((g) => g.id);
    expect(ids.every((id) => typeof id === 'string' && /^\d{5}$/.test(id))).toBe(true);
    expect(ids).toContain('20333');
    expect(ids).toContain('22736');
    expect(geometriesOf(national, 'island_labels').map((g) => g.properties?.name)).toEqual(['Quần đảo Hoàng Sa', 'Quần đảo Trường Sa']);
  });

  it('stays within the size budgets', () => {
    expect(m.files['national.topo.json'].gzipBytes).toBeLessThanOrEqual(SETTINGS.budgetNationalGz);
    const prov = Object.entries(m.files).filter(([rel]) => rel.startsWith('provinces/'));
    expect(prov).toHaveLength(34);
    for (const [rel, f] of prov) {
      expect(f.gzipBytes, rel).toBeLessThanOrEqual(SETTINGS.budgetProvinceGz);
      expect(existsSync(join(geo, `${rel}.gz`)), rel).toBe(true);
    }
  });

  it('national bbox includes the archipelagos', () => {
    const [w, s, e, n] = m.bbox;
    expect(w).toBeLessThan(102.2);
    expect(e).toBeGreaterThan(117); // Trường Sa reaches ~117.8°E
    expect(s).toBeLessThan(7.5);
    expect(n).toBeGreaterThan(23.3);
  });
});
