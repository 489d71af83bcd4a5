import { describe, expect, it } from 'vitest';
import { combine } from './load.js';
import { apiRows, missed, rows, table, type Load, type Measurements } from './targets.js';

const load = (rps: number, p99: number, errors = 0): Load => ({ connections: 50, seconds: 10, requests: rps * 10, rps, p50: p99 / 3, p99, errors });
const summary = (median: number) => ({ n: 5, median, min: median * 0.9, max: median * 1.2 });

function measured(over: Partial<Measurements> = {}): Measurements {
  return {
    geometry: { national: { ours: 626_000, naive: 43_400_000 }, province: { ours: 183_000, oursName: 'Lâm Đồng', naive: 43_400_000 } },
    mapReady: { ours: summary(2000), naive: summary(40_000), naiveFailed: 0, limitMs: 180_000, floor: summary(1500), bytes: { ours: 700_000, naive: 3_000_000 } },
    firstScript: { gzip: 121_000, maplibreGzip: 287_000 },
    search: { names: 11_788, keystrokes: 2452, p50: 1.2, p95: 3.1, max: 20, cpuP50: 1.1, cpuP95: 2.9 },
    recolour: { idle: summary(80), painted: summary(120) },
    stats: { ours: load(4000, 30), hello: load(6000, 20), full: load(600, 150), bare: load(12_000, 10) },
    login: { known: summary(60), unknown: summary(55), ratio: 60 / 55 },
    soak: { ...load(3000, 200), connections: 200, seconds: 60 },
    importCheck: {
      files: [
        { layout: 'template layout, XLSX', format: 'xlsx', bytes: 249_000, rows: 3321, read: summary(400), check: summary(700) },
        { layout: 'report layout, XLSX', format: 'xlsx', bytes: 205_000, rows: 3321, read: summary(380), check: summary(760) },
      ],
      firstCheckMs: 2100,
    },
    memory: { serverRss: 270e6, serverPeakRss: 290e6, oursHeap: 110e6, naiveHeap: 790e6 },
    ...over,
  };
}

describe('rows', () => {
  it('meets every target on good figures', () => {
    const rs = rows(measured());
    expect(missed(rs)).toEqual([]);
    expect(rs[0]).toMatchObject({ ours: '626 KB', naive: '43 MB', ratio: '69× smaller' });
    expect(rs[2].ratio).toBe('20× faster');
    expect(rs[4]).toMatchObject({ ours: '700 KB', naive: '3.0 MB', ratio: '4.3× fewer', checks: [{ met: null }] });
    expect(rs[8].ratio).toBe('67 % of hello-world');
    expect(rs[11]).toMatchObject({ ours: '60 ms', naive: '55 ms', ratio: '1.1× (known / unknown)' });
    expect(rs[12]).toMatchObject({ ours: '6,000 req/s', naive: '12,000 req/s', ratio: '50 % of bare (/api/stats: 33 %)' });
  });

  it('reports the CPU time per request of server and load generator where measured, over rounds weighted by requests', () => {
    const m = measured();
    const cpu = (r: Load, server: number, client: number): Load => ({ ...r, cpu: { server, client } });
    const ours = combine([cpu(load(4000, 30), 60, 140), cpu(load(2000, 30), 90, 170)]);
    expect(ours.cpu).toEqual({ server: 70, client: 150 });
    const rs = apiRows({ ...m, stats: { ...m.stats, ours, hello: cpu(load(6000, 20), 50, 40) } });
    expect(rs.find((r) => r.figure.startsWith('CPU time per request'))).toMatchObject({ ours: '70 µs + 150 µs', naive: '50 µs + 40 µs', ratio: 'server 1.4×, autocannon 3.8×', checks: [{ met: null }] });
    expect(apiRows(m).some((r) => r.figure.startsWith('CPU time'))).toBe(false);
  });

  it('misses the log-in target either way: an unknown name much slower tells as much as one much quicker', () => {
    const slowUnknown = rows(measured({ login: { known: summary(60), unknown: summary(200), ratio: 0.3 } }));
    expect(missed(slowUnknown)).toEqual(['log-in, a known name with a wrong password (naive: an unknown name), median of 5 each: within 2× either way']);
  });

  it('names each missed target', () => {
    const m = measured({
      mapReady: { ours: summary(5000), naive: summary(40_000), naiveFailed: 0, limitMs: 180_000, floor: summary(1500), bytes: { ours: 700_000, naive: 3_000_000 } },
      firstScript: { gzip: 414_000, maplibreGzip: 0 },
      search: { names: 11_788, keystrokes: 2452, p50: 4.4, p95: 13, max: 37, cpuP50: 4, cpuP95: 11 },
      recolour: { idle: summary(650), painted: summary(700) },
      stats: { ours: load(3, 5000), hello: load(6000, 20), full: load(3, 5000), bare: load(12_000, 10) },
      // Quick answers for unknown names would tell them apart.
      login: { known: summary(300), unknown: summary(60), ratio: 5 },
      soak: { ...load(1, 9000, 12), connections: 200, seconds: 60 },
      importCheck: { files: [{ layout: 'report layout, XLSX', format: 'xlsx', bytes: 205_000, rows: 3321, read: summary(400), check: summary(1700) }], firstCheckMs: 4000 },
    });
    expect(missed(rows(m))).toEqual([
      'navigation → fully coloured national map (Chromium): ≥ 15× faster',
      'the floor: MapLibre with a background layer only, navigation → idle (Chromium); the portal as a multiple of it: within 1.5× of the floor',
      "the map page's first script (entry and its static imports, gzip) besides MapLibre: ≤ 200 KB",
      'search box, a keystroke over 11,788 names typed letter by letter (2,452 keystrokes): p50 / p95 / max: p95 ≤ 5 ms',
      'recolour after a year or metric switch (click → map idle; → next frame): ≤ 100 ms',
      "/api/stats, all communes of a year (fields=status: what the map colours from), 50 connections: throughput (naive: hello-world on the app's base): ≥ 50 % of hello-world",
      "/api/stats latency p50 / p99 (naive: hello-world on the app's base): p99 ≤ 50 ms",
      'log-in, a known name with a wrong password (naive: an unknown name), median of 5 each: within 2× either way',
      '200 connections for 60 s, stats + boundary routes: zero errors',
      'import check, full country (3,321 rows, 205 KB; dry run: read, find the table, match, validate), report layout, XLSX; naive: plain reading of the file: ≤ 1.00 s',
    ]);
  });

  it('checks the geometry budgets and the size ratio', () => {
    const m = measured({ geometry: { national: { ours: 1_200_000, naive: 43_400_000 }, province: { ours: 401_000, oursName: 'X', naive: 43_400_000 } } });
    expect(missed(rows(m))).toEqual([
      'geometry, national commune view (gzip): ≤ 1.0 MB',
      'geometry, national commune view (gzip): ≥ 40× smaller',
      'geometry, open one province (gzip; largest: X): ≤ 400 KB',
    ]);
  });

  it('bounds the speed-up from below when the naive page never finished', () => {
    const slow = rows(measured({ mapReady: { ours: summary(2000), naive: null, naiveFailed: 5, limitMs: 180_000, floor: summary(1500), bytes: { ours: 700_000, naive: 3_000_000 } } }))[2];
    expect(slow.ratio).toBe('> 90× faster');
    expect(slow.checks[0].met).toBe(true);
    const unknown = rows(measured({ mapReady: { ours: summary(30_000), naive: null, naiveFailed: 5, limitMs: 180_000, floor: summary(1500), bytes: { ours: 700_000, naive: 3_000_000 } } }))[2];
    expect(unknown.checks[0].met).toBeNull();
  });
});

describe('table', () => {
  it('prints a Markdown table, one line per figure, misses in bold', () => {
    const t = table(rows(measured({ recolour: { idle: summary(650), painted: summary(700) } })));
    const lines = t.split('\n');
    expect(lines[0]).toBe('| figure | portal | naive way | ratio | target |');
    expect(lines).toHaveLength(2 + 17);
    expect(t).toContain(
      '| import check, full country (3,321 rows, 249 KB; dry run: read, find the table, match, validate), template layout, XLSX; naive: plain reading of the file | 700 ms (median of 5; first check after start 2.10 s, its reader thread booting) | 400 ms (exceljs load) | 1.8× the plain reading | ≤ 1.00 s: met |',
    );
    expect(t).toContain('| the floor: MapLibre with a background layer only, navigation → idle (Chromium); the portal as a multiple of it | 2.00 s = 1.3× the floor | 1.50 s (median of 5 fresh contexts) | 1.3× | within 1.5× of the floor: met |');
    expect(t).toContain('≤ 100 ms: **NOT MET**');
    expect(t).toContain('| 1.2 ms / 3.1 ms / 20 ms (CPU time p50 / p95: 1.1 ms / 2.9 ms) |');
    expect(t).toContain('| 650 ms (median of 5, max 780 ms); next frame 700 ms |');
    expect(t).toContain('| memory: server RSS (peak) / browser main-thread JS heap | 270 MB (290 MB) / 110 MB | — / 790 MB | — | reported |');
  });
});
