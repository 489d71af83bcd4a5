import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../config.js';
import { communeFigures } from '../../test/support/figures.js';
import { aggregate } from '../../shared/domain/aggregate.js';
import { noFigures } from '../../shared/domain/figures.js';
import { AREA_FIELDS, COMMUNE_FIELDS, properties } from './fields.js';
import { toMultiPolygon } from './geometry.js';
import { gpkgGeometry } from './gpkg.js';
import { intersectsBox, yearMatches } from './query.js';
import { contacts, repaired } from './repair.js';

const square = (x: number, y: number, s: number) => [
  [x, y],
  [x, y + s],
  [x + s, y + s],
  [x + s, y],
  [x, y],
];
const signedArea = (r: number[][]) => r.reduce((a, p, i) => (i ? a + (r[i - 1][0] - p[0]) * (r[i - 1][1] + p[1]) : a), 0);

describe('GIS geometry', () => {
  it('winds rings by the right-hand rule and drops the duplicates rounding makes', () => {
    const g = toMultiPolygon({ type: 'Polygon', coordinates: [square(0, 0, 10), [[2, 2], [4, 2], [4.000001, 2], [4, 4], [2, 4], [2, 2]]] }, 5);
    const [outer, hole] = g.coordinates[0];
    expect(signedArea(outer)).toBeGreaterThan(0); // counter-clockwise
    expect(signedArea(hole)).toBeLessThan(0);
    expect(hole).toHaveLength(5);
  });

  it('finds rings that cross themselves or each other, and rebuilds only those', () => {
    const bowtie: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]] };
    expect(contacts(bowtie).self.has(0)).toBe(true);
    const fixed = repaired(bowtie);
    expect(fixed.coordinates.length).toBe(2);
    for (const p of fixed.coordinates) expect(contacts({ type: 'MultiPolygon', coordinates: [p] }).self.size).toBe(0);
    const overlapping: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 2)], [square(1, 1, 2)], [square(10, 10, 1)]] };
    expect(contacts(overlapping).pairs).toEqual([[0, 1]]);
    expect(repaired(overlapping).coordinates).toHaveLength(2);
    const touching: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(1, 1, 1)]] };
    expect(repaired(touching)).toBe(touching);
  });

  it('intersects boxes exactly: corners inside, edges crossing, holes, envelopes only', () => {
    const g = toMultiPolygon({ type: 'Polygon', coordinates: [square(0, 0, 10), square(3, 3, 4)] }, 5);
    const env: [number, number, number, number] = [0, 0, 10, 10];
    expect(intersectsBox(g, env, [4, 4, 6, 6])).toBe(false); // inside the hole
    expect(intersectsBox(g, env, [1, 1, 2, 2])).toBe(true); // inside the ring
    expect(intersectsBox(g, env, [-1, 5, 1, 6])).toBe(true); // across an edge
    expect(intersectsBox(g, env, [-5, -5, 20, 20])).toBe(true); // around it
    const triangle = toMultiPolygon({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [0, 10], [0, 0]]] }, 5);
    expect(intersectsBox(triangle, [0, 0, 10, 10], [8, 8, 9, 9])).toBe(false); // in the envelope, not the triangle
  });

  it('writes GeoPackage binary geometry: GP header, SRS 4326, envelope, WKB MultiPolygon', () => {
    const g = toMultiPolygon({ type: 'Polygon', coordinates: [square(105, 21, 1)] }, 5);
    const b = gpkgGeometry(g, [105, 21, 106, 22]);
    expect(b.subarray(0, 2).toString('ascii')).toBe('GP');
    expect(b[3]).toBe(0b11);
    expect(b.readInt32LE(4)).toBe(4326);
    expect([b.readDoubleLE(8), b.readDoubleLE(16), b.readDoubleLE(24), b.readDoubleLE(32)]).toEqual([105, 106, 21, 22]);
    expect(b[40]).toBe(1);
    expect(b.readUInt32LE(41)).toBe(6);
    expect(b.length).toBe(40 + 9 + 9 + 4 + 5 * 16);
  });

  it('matches datetime against the year of the figures', () => {
    expect(yearMatches(2024, undefined)).toBe(true);
    expect(yearMatches(2024, '2024-12-31')).toBe(true);
    expect(yearMatches(2024, '2025-01-01T00:00:00Z')).toBe(false);
    expect(yearMatches(2024, '../2024-01-01')).toBe(true);
    expect(yearMatches(2024, '2025-01-01/..')).toBe(false);
  });
});

describe('GIS attributes', () => {
  it('carries the figures: rates in per cent, density per 10,000 residents, no status for no data', () => {
    const ctx = { year: 2025, method: 'reported' as const, sample: true, dataDate: '2026-11-23', provinceNames: new Map([['01', 'Hà Nội']]) };
    const p = properties(COMMUNE_FIELDS, communeFigures('00004', { residential: { total: 8, certified: 6 }, models: 5, population: 20_000 }), ctx);
    expect(p).toMatchObject({ code: '00004', province_name: 'Hà Nội', status: 'dat', status_label: 'Đạt', residential_rate: 75, density: 2.5, sample: true, data_date: '2026-11-23' });
    const none = properties(COMMUNE_FIELDS, communeFigures('00005', { status: null, models: null }), ctx);
    expect(none).toMatchObject({ status: null, status_label: 'Không có số liệu', key_area: null, density: null });
  });

  it('say how many of a province\'s communes reported each figure (its sums and rates are over them)', () => {
    const ctx = { year: 2025, method: 'reported' as const, sample: false, dataDate: null, provinceNames: new Map([['01', 'Hà Nội']]) };
    const communes = [
      communeFigures('00004', { residential: { total: 8, certified: 6 }, models: 5 }),
      communeFigures('00008', { residential: null, models: null, schools: null }),
      communeFigures('00010', { residential: { total: 2, certified: 2 }, models: null }),
      communeFigures('00012', noFigures()),
    ];
    const province = { ...aggregate(communes), code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', type: 'Thành phố', provinceCode: '01' };
    const p = properties(AREA_FIELDS, province, ctx);
    // 3 communes with data ("báo cáo 2/3 xã" in the portal): the rate is over the 2 that reported.
    expect(p).toMatchObject({ communes_total: 4, communes_no_data: 1, residential_reported: 2, residential_total: 10, residential_rate: 80, models_reported: 1, schools_reported: 2, agencies_reported: 3 });
    expect(p.residential_reported).toBe(province.reported.residential);
  });

  it('are documented in the README, each with its Vietnamese title', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const f of [...COMMUNE_FIELDS, ...AREA_FIELDS]) expect(readme, f.name).toMatch(new RegExp(`\\| \`${f.name}\` \\|[^\\n]*${f.vi.replace(/[()]/g, '\\$&')}`));
  });
});
