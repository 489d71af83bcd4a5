import { fmtBytes, fmtCount, fmtMs, fmtPercent, fmtRate, fmtRatio } from './format.js';
import type { ImportBench } from './import.js';
import type { LoginTiming } from './login.js';
import type { Summary } from './summary.js';

/** One autocannon run, reduced. */
export interface Load {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Socket errors + timeouts + non-2xx answers. */
  errors: number;
  /** CPU time per request, µs, of the server process and of the load generator (this process), where measured. */
  cpu?: { server: number; client: number };
}

/** Everything one benchmark run measured; null where a measurement could not finish. */
export interface Measurements {
  geometry: {
    national: { ours: number; naive: number };
    /** ours: the largest province layer (worst case of the 34), naive: the same all-commune file. */
    province: { ours: number; oursName: string; naive: number };
  };
  /** floor: MapLibre with a background layer only, to its first idle (the WebGL context and shaders every map pays). */
  mapReady: {
    ours: Summary;
    naive: Summary | null;
    naiveFailed: number;
    limitMs: number;
    floor: Summary;
    /** Bytes received by a cold load until the map was coloured (median), page and worker: what a mobile network carries. */
    bytes: { ours: number | null; naive: number | null };
  };
  /** The map page's first script (the entry and what it imports statically), gzip, MapLibre's chunk apart. */
  firstScript: { gzip: number; maplibreGzip: number };
  /** A keystroke of the search box over every name (scripts/bench/searchSpeed.ts), ms. */
  search: { names: number; keystrokes: number; p50: number; p95: number; max: number; cpuP50: number; cpuP95: number };
  /** Click → map idle (the target), and → the next animation frame (the colours handed to the compositor). */
  recolour: { idle: Summary; painted: Summary };
  /**
   * ours: /api/stats?fields=status (what the map colours from); full: the same year with every figure, for reference;
   * hello: hello-world on the app's base (its router and the middleware every answer passes); bare: hello-world on a
   * bare Hono app, what that base costs.
   */
  stats: { ours: Load; hello: Load; full: Load; bare: Load };
  /** Log-in: a known name with a wrong password beside an unknown name. */
  login: LoginTiming;
  soak: Load;
  /** The import dry run of the full-country return, beside the plain reading of the same file. */
  importCheck: ImportBench;
  memory: { serverRss: number; serverPeakRss: number; oursHeap: number; naiveHeap: number | null };
}

interface Check {
  /** The target as printed, e.g. "≤ 1.0 MB". */
  text: string;
  /** null: not measured in this run (so neither met nor missed). */
  met: boolean | null;
}

export interface Row {
  figure: string;
  ours: string;
  naive: string;
  ratio: string;
  checks: Check[];
}

/** The issue's targets (#7). */
const TARGETS = {
  nationalBytes: 1_000_000,
  nationalSmaller: 40,
  provinceBytes: 400_000,
  mapReadyFaster: 15,
  floorMultiple: 1.5,
  firstScriptGzip: 200_000,
  searchP95Ms: 5,
  recolourMs: 100,
  statsShareOfHello: 0.5,
  statsP99Ms: 50,
  importCheckMs: 1000,
  /** Either kind of failed log-in at most this many times the other's median (no account enumeration by timing). */
  loginRatio: 2,
} as const;

const check = (text: string, met: boolean | null): Check => ({ text, met });
const NONE = '—';

export function rows(m: Measurements): Row[] {
  const g = m.geometry;
  const nationalRatio = g.national.naive / g.national.ours;
  const provinceRatio = g.province.naive / g.province.ours;
  return [
    {
      figure: 'geometry, national commune view (gzip)',
      ours: fmtBytes(g.national.ours),
      naive: fmtBytes(g.national.naive),
      ratio: `${fmtRatio(nationalRatio)} smaller`,
      checks: [
        check(`≤ ${fmtBytes(TARGETS.nationalBytes)}`, g.national.ours <= TARGETS.nationalBytes),
        check(`≥ ${TARGETS.nationalSmaller}× smaller`, nationalRatio >= TARGETS.nationalSmaller),
      ],
    },
    {
      figure: `geometry, open one province (gzip; largest: ${g.province.oursName})`,
      ours: fmtBytes(g.province.ours),
      naive: fmtBytes(g.province.naive),
      ratio: `${fmtRatio(provinceRatio)} smaller`,
      checks: [check(`≤ ${fmtBytes(TARGETS.provinceBytes)}`, g.province.ours <= TARGETS.provinceBytes)],
    },
    ...pageLoadRows(m.mapReady),
    {
      figure: "the map page's first script (entry and its static imports, gzip) besides MapLibre",
      ours: `${fmtBytes(m.firstScript.gzip)} (MapLibre ${fmtBytes(m.firstScript.maplibreGzip)})`,
      naive: NONE,
      ratio: NONE,
      checks: [check(`≤ ${fmtBytes(TARGETS.firstScriptGzip)}`, m.firstScript.gzip <= TARGETS.firstScriptGzip)],
    },
    {
      figure: `search box, a keystroke over ${fmtCount(m.search.names)} names typed letter by letter (${fmtCount(m.search.keystrokes)} keystrokes): p50 / p95 / max`,
      // The target is on the wall clock; the CPU time says how much of it was the search's own work.
      ours: `${fmtMs(m.search.p50)} / ${fmtMs(m.search.p95)} / ${fmtMs(m.search.max)} (CPU time p50 / p95: ${fmtMs(m.search.cpuP50)} / ${fmtMs(m.search.cpuP95)})`,
      naive: NONE,
      ratio: NONE,
      checks: [check(`p95 ≤ ${TARGETS.searchP95Ms} ms`, m.search.p95 <= TARGETS.searchP95Ms)],
    },
    {
      figure: 'recolour after a year or metric switch (click → map idle; → next frame)',
      ours: `${fmtMs(m.recolour.idle.median)} (median of ${m.recolour.idle.n}, max ${fmtMs(m.recolour.idle.max)}); next frame ${fmtMs(m.recolour.painted.median)}`,
      naive: NONE,
      ratio: NONE,
      checks: [check(`≤ ${TARGETS.recolourMs} ms`, m.recolour.idle.median <= TARGETS.recolourMs)],
    },
    ...apiRows(m),
    {
      figure: `${m.soak.connections} connections for ${m.soak.seconds} s, stats + boundary routes`,
      ours: `${fmtCount(m.soak.requests)} requests, ${fmtCount(m.soak.errors)} errors, p99 ${fmtMs(m.soak.p99)}`,
      naive: NONE,
      ratio: NONE,
      checks: [check('zero errors', m.soak.errors === 0)],
    },
    ...m.importCheck.files.map((f, k) => ({
      figure: `import check, full country (${fmtCount(f.rows)} rows, ${fmtBytes(f.bytes)}; dry run: read, find the table, match, validate), ${f.layout}; naive: plain reading of the file`,
      ours: `${fmtMs(f.check.median)} (median of ${f.check.n}${k === 0 ? `; first check after start ${fmtMs(m.importCheck.firstCheckMs)}, its reader thread booting` : ''})`,
      naive: `${fmtMs(f.read.median)} (${f.format === 'xlsx' ? 'exceljs load' : 'CSV parse'})`,
      ratio: `${fmtRatio(f.check.median / f.read.median)} the plain reading`,
      checks: [check(`≤ ${fmtMs(TARGETS.importCheckMs)}`, f.check.median <= TARGETS.importCheckMs)],
    })),
    {
      figure: 'memory: server RSS (peak) / browser main-thread JS heap',
      ours: `${fmtBytes(m.memory.serverRss)} (${fmtBytes(m.memory.serverPeakRss)}) / ${fmtBytes(m.memory.oursHeap)}`,
      naive: m.memory.naiveHeap === null ? NONE : `— / ${fmtBytes(m.memory.naiveHeap)}`,
      ratio: NONE,
      checks: [check('reported', null)],
    },
  ];
}

const fmtCpu = (c: { server: number; client: number }) => `${Math.round(c.server)} µs + ${Math.round(c.client)} µs`;

/** The API's rows: /api/stats beside hello-world, and the log-in timing (also all that `--only api` prints). */
export function apiRows(m: Pick<Measurements, 'stats' | 'login'>): Row[] {
  const share = m.stats.ours.rps / m.stats.hello.rps;
  const login = m.login;
  return [
    {
      figure: `/api/stats, all communes of a year (fields=status: what the map colours from), ${m.stats.ours.connections} connections: throughput (naive: hello-world on the app's base)`,
      ours: fmtRate(m.stats.ours.rps),
      naive: fmtRate(m.stats.hello.rps),
      ratio: `${fmtPercent(share)} of hello-world`,
      checks: [check(`≥ ${fmtPercent(TARGETS.statsShareOfHello)} of hello-world`, share >= TARGETS.statsShareOfHello)],
    },
    {
      figure: "/api/stats latency p50 / p99 (naive: hello-world on the app's base)",
      ours: `${fmtMs(m.stats.ours.p50)} / ${fmtMs(m.stats.ours.p99)}`,
      naive: `${fmtMs(m.stats.hello.p50)} / ${fmtMs(m.stats.hello.p99)}`,
      ratio: NONE,
      checks: [check(`p99 ≤ ${TARGETS.statsP99Ms} ms`, m.stats.ours.p99 <= TARGETS.statsP99Ms)],
    },
    {
      figure: '/api/stats, all communes of a year with every figure (panels, exports): throughput, p50 / p99',
      ours: `${fmtRate(m.stats.full.rps)}, ${fmtMs(m.stats.full.p50)} / ${fmtMs(m.stats.full.p99)}`,
      naive: NONE,
      ratio: `${fmtPercent(m.stats.full.rps / m.stats.hello.rps)} of hello-world`,
      checks: [check('reported', null)],
    },
    {
      figure: `log-in, a known name with a wrong password (naive: an unknown name), median of ${login.known.n} each`,
      ours: fmtMs(login.known.median),
      naive: fmtMs(login.unknown.median),
      ratio: `${fmtRatio(login.ratio)} (known / unknown)`,
      checks: [check(`within ${TARGETS.loginRatio}× either way`, login.ratio <= TARGETS.loginRatio && 1 / login.ratio <= TARGETS.loginRatio)],
    },
    ...(m.stats.ours.cpu && m.stats.hello.cpu
      ? [
          {
            figure: "CPU time per request, server + load generator (autocannon): /api/stats (fields=status) (naive: hello-world on the app's base)",
            ours: fmtCpu(m.stats.ours.cpu),
            naive: fmtCpu(m.stats.hello.cpu),
            ratio: `server ${fmtRatio(m.stats.ours.cpu.server / m.stats.hello.cpu.server)}, autocannon ${fmtRatio(m.stats.ours.cpu.client / m.stats.hello.cpu.client)}`,
            checks: [check('reported', null)],
          },
        ]
      : []),
    {
      figure: "hello-world on the app's base (router, security headers, write check, body limits) beside a bare Hono hello-world: what every route pays",
      ours: fmtRate(m.stats.hello.rps),
      naive: fmtRate(m.stats.bare.rps),
      ratio: `${fmtPercent(m.stats.hello.rps / m.stats.bare.rps)} of bare (/api/stats: ${fmtPercent(m.stats.ours.rps / m.stats.bare.rps)})`,
      checks: [check('reported', null)],
    },
  ];
}

/** The rows as a Markdown table (printed, and pasted into the README). */
export function table(rs: Row[]): string {
  const mark = (c: Check) => (c.met === null ? c.text : `${c.text}: ${c.met ? 'met' : '**NOT MET**'}`);
  const lines = [
    '| figure | portal | naive way | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    ...rs.map((r) => `| ${r.figure} | ${r.ours} | ${r.naive} | ${r.ratio} | ${r.checks.map(mark).join('; ')} |`),
  ];
  return lines.join('\n');
}

/** Targets missed in this run (a "reported" figure is never missed). */
export function missed(rs: Row[]): string[] {
  return rs.flatMap((r) => r.checks.filter((c) => c.met === false).map((c) => `${r.figure}: ${c.text}`));
}

/** The page-load rows: the portal beside the naive page, and as a multiple of the floor (also for `--only pages`). */
export function pageLoadRows(ready: Measurements['mapReady']): Row[] {
  const readyRatio = ready.naive ? ready.naive.median / ready.ours.median : null;
  const naiveReady = ready.naive
    ? `${fmtMs(ready.naive.median)} (median of ${ready.naive.n}${ready.naiveFailed ? `; ${ready.naiveFailed} not coloured within ${fmtMs(ready.limitMs)}` : ''})`
    : `not coloured within ${fmtMs(ready.limitMs)} (${ready.naiveFailed} runs)`;
  return [
    {
      figure: 'navigation → fully coloured national map (Chromium)',
      ours: `${fmtMs(ready.ours.median)} (median of ${ready.ours.n})`,
      naive: naiveReady,
      ratio: readyRatio === null ? `> ${fmtRatio(ready.limitMs / ready.ours.median)} faster` : `${fmtRatio(readyRatio)} faster`,
      checks: [
        check(
          `≥ ${TARGETS.mapReadyFaster}× faster`,
          readyRatio !== null ? readyRatio >= TARGETS.mapReadyFaster : ready.limitMs / ready.ours.median >= TARGETS.mapReadyFaster ? true : null,
        ),
      ],
    },
    {
      figure: 'the floor: MapLibre with a background layer only, navigation → idle (Chromium); the portal as a multiple of it',
      ours: `${fmtMs(ready.ours.median)} = ${fmtRatio(ready.ours.median / ready.floor.median)} the floor`,
      naive: `${fmtMs(ready.floor.median)} (median of ${ready.floor.n} fresh contexts)`,
      ratio: `${fmtRatio(ready.ours.median / ready.floor.median)}`,
      checks: [check(`within ${TARGETS.floorMultiple}× of the floor`, ready.ours.median <= TARGETS.floorMultiple * ready.floor.median)],
    },
    {
      figure: 'bytes received by a cold load, navigation → coloured map (page, scripts, styles, fonts, data, tiles, glyphs; headers included)',
      ours: ready.bytes.ours === null ? NONE : fmtBytes(ready.bytes.ours),
      naive: ready.bytes.naive === null ? NONE : fmtBytes(ready.bytes.naive),
      ratio: ready.bytes.ours !== null && ready.bytes.naive !== null ? `${fmtRatio(ready.bytes.naive / ready.bytes.ours)} fewer` : NONE,
      checks: [check('reported', null)],
    },
  ];
}
