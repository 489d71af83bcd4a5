// npm run bench [-- --quick] [--cluster N] [--only pages|api]
// Measures the portal beside the naive way (one GeoJSON of every commune, a minimal MapLibre page,
// a hello-world route) and the floor (MapLibre with a background layer only), the first script, search keystrokes, the
// import check of the full-country return (beside the plain reading of the file), prints a table of the figures with each target met or not, and writes them to
// build/bench/results.json. Everything runs on 127.0.0.1. Not part of the test suite.
//   --quick   a smoke run: 3 page loads per side, 5 s load runs, a 10 s soak (ANTQ_BENCH_SOAK_S overrides)
//   --cluster N   also /api/stats through nginx with 1 and N app processes on PostgreSQL, and a failover soak
//   --only pages  only the page loads (portal, naive page, floor, in turn) and their rows, to compare client changes
//   --only api    only the API's figures (/api/stats beside hello-world, the log-in timing): no browser, no import check;
//                 written to build/bench/results-api.json

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { paths } from '../server/config.js';
import { readGeoManifest } from '../server/routes/boundaries.js';
import { launchBrowser, recolourTimes, switchLabel, timeToColoured, type ReadyRun, type Switch } from './bench/browser.js';
import { portalGeometryBytes, wireBytes } from './bench/bytes.js';
import { get } from './bench/get.js';
import { firstScriptBytes } from './bench/firstScript.js';
import { importBench, type ImportBench } from './bench/import.js';
import { statsLoads } from './bench/api.js';
import { clusterBench, clusterTable, type ClusterFigures } from './bench/cluster.js';
import { load } from './bench/load.js';
import { loginTiming } from './bench/login.js';
import { naiveGeojsonGz } from './bench/naive-geo.js';
import { startNaiveSite } from './bench/naive-site.js';
import { prepare } from './bench/prepare.js';
import { searchSpeed, typedQueries } from './bench/searchSpeed.js';
import type { SearchIndexData } from '../shared/domain/searchIndex.js';
import { startServer, type BenchServer } from './bench/server.js';
import { summarize } from './bench/summary.js';
import { apiRows, missed, pageLoadRows, rows, table, type Measurements } from './bench/targets.js';
import { INPUTS } from './pipeline/settings.js';

const USAGE = 'usage: npm run bench [-- --quick] [--cluster N] [--only pages|api]';

interface Plan {
  pageLoads: number;
  /** Longest wait for one page load or one recolour. */
  limitMs: number;
  loadSeconds: number;
  warmupSeconds: number;
  soakSeconds: number;
  /** App processes for the scale-out figures; 0: none. */
  cluster: number;
  /** Log-ins of each kind timed. */
  logins: number;
  /** Only the page loads, or only the API's figures. */
  only: 'pages' | 'api' | null;
}

function plan(argv: string[]): Plan {
  const k = argv.indexOf('--cluster');
  const cluster = k >= 0 ? Number(argv[k + 1]) : 0;
  if (k >= 0 && !(Number.isInteger(cluster) && cluster >= 1 && cluster <= 16)) throw new Error(`--cluster needs a number of app processes (1–16)\n${USAGE}`);
  const o = argv.indexOf('--only');
  const only = o >= 0 ? argv[o + 1] : null;
  if (only !== null && only !== 'pages' && only !== 'api') throw new Error(`--only takes "pages" or "api"\n${USAGE}`);
  const unknown = argv.filter((a, i) => a !== '--quick' && !(k >= 0 && (i === k || i === k + 1)) && !(o >= 0 && (i === o || i === o + 1)));
  if (unknown.length) throw new Error(`unknown argument ${unknown.join(' ')}\n${USAGE}`);
  const quick = argv.includes('--quick');
  const soak = Number(process.env.ANTQ_BENCH_SOAK_S ?? (quick ? 10 : 60));
  if (!(soak > 0 && soak <= 600)) throw new Error(`ANTQ_BENCH_SOAK_S must be in (0, 600]: ${process.env.ANTQ_BENCH_SOAK_S}`);
  return quick
    ? { pageLoads: 3, limitMs: 180_000, loadSeconds: 6, warmupSeconds: 1, soakSeconds: soak, cluster, logins: 10, only }
    : { pageLoads: 5, limitMs: 180_000, loadSeconds: 12, warmupSeconds: 2, soakSeconds: soak, cluster, logins: 30, only };
}

async function main() {
  const run = plan(process.argv.slice(2));
  const log = (s: string) => console.log(s);
  const p = paths();
  const outDir = join(p.buildDir, 'bench');
  prepare(log, { client: run.only !== 'api' });
  if (run.only === 'api') return apiOnly(run, outDir, log);
  const naiveFile = await naiveGeojsonGz(join(p.sourceDir, INPUTS.communesTopo), join(outDir, 'naive-communes.geojson.gz'), log);
  const manifest = readGeoManifest(join(p.buildDir, 'geo'));
  let importCheck: ImportBench | null = null;
  if (run.only !== 'pages') {
    log('import check of the full-country return (dry run), beside the plain reading of the same file…');
    importCheck = await importBench(run.pageLoads, log);
  }

  // Other work on the machine slows both sides of every comparison, but not equally: say how busy it was.
  const loadBefore = loadavg()[0];
  const server = await startServer();
  const naive = await startNaiveSite(naiveFile, manifest.bbox);
  const browser = await launchBrowser();
  try {
    log(`portal ${server.url} (pid ${server.pid}), naive page ${naive.url}`);

    const timed = (rs: ReadyRun[]) => rs.flatMap((r) => (r.ms === null ? [] : [r.ms]));
    // Round by round, one load of each side in turn: other work on a shared machine comes and goes over
    // minutes, and so weighs on the three sides alike rather than on whichever ran while it lasted.
    const sides = [
      { side: 'portal', url: `${server.url}/`, runs: [] as ReadyRun[] },
      { side: 'naive', url: `${naive.url}/`, runs: [] as ReadyRun[] },
      { side: 'floor', url: `${naive.url}/floor`, runs: [] as ReadyRun[] },
    ];
    const loadDuring: number[] = [];
    log('navigation → coloured map (portal, naive page) and → idle (the floor: MapLibre with a background layer only), in turn…');
    // One load of the portal and of the floor first, not counted: the browser's first WebGL page of any kind starts
    // its GPU process and fills its shader caches (0.9-1.5 s more of that process's CPU), which only the first side
    // of the first round paid, and the server cuts the tiles in view once.
    for (const s of sides.filter((x) => x.side !== 'naive')) {
      const r = await timeToColoured(browser, s.url, run.limitMs);
      log(`  ${s.side} warm-up load, not counted: ${r.ms === null ? 'not ready' : `${Math.round(r.ms)} ms`}`);
    }
    for (let i = 0; i < run.pageLoads; i++) {
      for (const s of sides) {
        const r = await timeToColoured(browser, s.url, run.limitMs);
        loadDuring.push(loadavg()[0]);
        const cpu = r.cpu ? `; CPU renderer ${r.cpu.renderer.toFixed(2)} s, GPU process ${r.cpu.gpu.toFixed(2)} s` : '';
        log(`  ${s.side} load ${i + 1}/${run.pageLoads}: ${r.ms === null ? `not coloured within ${run.limitMs} ms` : `${Math.round(r.ms)} ms`}${cpu} (load average ${loadDuring.at(-1)!.toFixed(1)})`);
        s.runs.push(r);
      }
    }
    const [oursRuns, naiveRuns, floorRuns] = sides.map((s) => s.runs);
    if (timed(floorRuns).length === 0) throw new Error('the floor page never reached idle');
    const medianBytes = (rs: ReadyRun[]) => {
      const b = rs.flatMap((r) => (r.bytes === null ? [] : [r.bytes]));
      return b.length ? summarize(b).median : null;
    };
    const lastHeap = (rs: ReadyRun[]) => rs.findLast((r) => r.heap !== null)?.heap ?? null;
    if (timed(oursRuns).length === 0) throw new Error('the portal never reported a coloured map');
    const mapReady: Measurements['mapReady'] = {
      ours: summarize(timed(oursRuns)),
      naive: timed(naiveRuns).length ? summarize(timed(naiveRuns)) : null,
      naiveFailed: naiveRuns.filter((r) => r.ms === null).length,
      limitMs: run.limitMs,
      floor: summarize(timed(floorRuns)),
      bytes: { ours: medianBytes(oursRuns), naive: medianBytes(naiveRuns) },
    };
    // The ratio of each round's portal load to the floor's beside it, for a machine whose load swings between rounds.
    const roundRatios = oursRuns.flatMap((r, i) => (r.ms !== null && floorRuns[i].ms !== null ? [r.ms / floorRuns[i].ms] : []));
    log(`portal / floor, round by round: ${roundRatios.map((x) => x.toFixed(2)).join(', ')} (median ${summarize(roundRatios).median.toFixed(2)})`);
    // CPU time is what a load cost whatever else ran meanwhile: a steadier comparison on a shared machine than wall time.
    const cpuTotal = (r: ReadyRun) => (r.cpu ? r.cpu.renderer + r.cpu.gpu + r.cpu.other : null);
    const cpuRatios = oursRuns.flatMap((r, i) => {
      const [a, b] = [cpuTotal(r), cpuTotal(floorRuns[i])];
      return a !== null && b !== null ? [a / b] : [];
    });
    for (const s of sides) {
      const runs = s.runs.flatMap((r) => (r.cpu ? [r.cpu] : []));
      if (runs.length) log(`  CPU time of a ${s.side} load (median): renderer ${summarize(runs.map((c) => c.renderer)).median.toFixed(2)} s, GPU process ${summarize(runs.map((c) => c.gpu)).median.toFixed(2)} s`);
    }
    if (cpuRatios.length) log(`portal / floor in CPU time, round by round: ${cpuRatios.map((x) => x.toFixed(2)).join(', ')} (median ${summarize(cpuRatios).median.toFixed(2)})`);
    if (run.only === 'pages') {
      log(`\n${table(pageLoadRows(mapReady))}\n`);
      log(`load average (1 min) before / during the page loads: ${loadBefore.toFixed(1)} / ${Math.min(...loadDuring).toFixed(1)}–${Math.max(...loadDuring).toFixed(1)}`);
      return;
    }

    log('geometry bytes…');
    const ours = await portalGeometryBytes(server.url);
    const naiveBytes = await wireBytes(`${naive.url}/communes.geojson`);

    log('recolour after year and metric switches…');
    const years = await years2025(server.url);
    // Down through the years and back up (every year shown at least once), then each metric twice in the latest year.
    const desc = [...years].sort((a, b) => b - a);
    const switches: Switch[] = [
      ...[...desc.slice(1), ...desc.slice(0, -1).reverse()].map((year) => ({ year })),
      ...['rate', 'density:population', 'status', 'rate', 'density:population', 'status'].map((metric) => ({ metric })),
    ];
    const recolour = await recolourTimes(browser, `${server.url}/`, switches, run.limitMs);
    log(`  ${recolour.map((r, i) => `${switchLabel(switches[i])} ${Math.round(r.idle)}/${Math.round(r.painted)}`).join(', ')} ms (idle/next frame)`);

    log('search: names typed letter by letter…');
    const searchData = (await (await get(`${server.url}/api/search-index`)).json()) as SearchIndexData;
    const search = searchSpeed(searchData, typedQueries(searchData, run.pageLoads > 3 ? 300 : 100));
    const firstScript = await firstScriptBytes(server.url);

    const { stats, login } = await apiFigures(server, Math.max(...years), run, log);

    const soakPaths = [
      ...years.map((y) => `/api/stats?year=${y}&level=commune`),
      ...years.map((y) => `/api/stats?year=${y}&level=commune&fields=status`),
      ...years.map((y) => `/api/stats?year=${y}&level=province`),
      '/api/boundaries',
      '/api/boundaries/national.topo.json',
      // The tiles of the national view at its first zoom.
      ...['25/14', '25/15', '26/14', '26/15'].map((t) => `/api/boundaries/tiles/communes/5/${t}.pbf`),
      ...Object.keys(manifest.provinces).map((c) => `/api/boundaries/provinces/${c}.topo.json`),
    ];
    log(`soak: 200 connections, ${run.soakSeconds} s, ${soakPaths.length} stats and boundary paths…`);
    const soak = await load(server.url, soakPaths, 200, run.soakSeconds);
    const mem = server.memory();
    let scaleOut: ClusterFigures | null = null;
    if (run.cluster) {
      scaleOut = await clusterBench({ workers: run.cluster, sqliteUrl: server.url, path: `/api/stats?year=${Math.max(...years)}&level=commune&fields=status`, seconds: run.loadSeconds, warmup: run.warmupSeconds, soakSeconds: run.soakSeconds, dir: join(outDir, 'cluster'), log });
    }

    const m: Measurements = {
      geometry: {
        national: { ours: ours.national, naive: naiveBytes },
        province: { ours: ours.province.bytes, oursName: ours.province.name, naive: naiveBytes },
      },
      mapReady,
      firstScript,
      search,
      recolour: { idle: summarize(recolour.map((r) => r.idle)), painted: summarize(recolour.map((r) => r.painted)) },
      stats,
      login,
      soak,
      importCheck: importCheck!,
      memory: { serverRss: mem.rss, serverPeakRss: mem.peakRss, oursHeap: lastHeap(oursRuns) ?? NaN, naiveHeap: lastHeap(naiveRuns) },
    };
    const rs = rows(m);
    const environment = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
      chromium: browser.version(),
      loadAverage1m: { before: loadBefore, pageLoads: { min: Math.min(...loadDuring), max: Math.max(...loadDuring) }, after: loadavg()[0] },
      plan: run,
    };
    log(`\n${table(rs)}\n`);
    if (scaleOut) log(`${clusterTable(scaleOut)}\n`);
    log(`${environment.cpus}; Node ${environment.node}; Chromium ${environment.chromium} (SwiftShader)`);
    const during = environment.loadAverage1m.pageLoads;
    log(`load average (1 min) before / during the page loads / after: ${loadBefore.toFixed(1)} / ${during.min.toFixed(1)}–${during.max.toFixed(1)} / ${environment.loadAverage1m.after.toFixed(1)}`);
    // The load after includes the benchmark's own browser, server and load generator: only the load before tells of other work.
    if (loadBefore > cpus().length || during.max > 2 * cpus().length) log('warning: the machine was busy with other work; timings are pessimistic');
    const misses = missed(rs);
    log(misses.length ? `targets not met:\n  ${misses.join('\n  ')}` : 'all targets met');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'results.json');
    writeFileSync(
      file,
      JSON.stringify({ environment, measurements: m, scaleOut, samples: { oursRuns, naiveRuns, floorRuns, recolour }, rows: rs, missed: misses }, null, 2),
    );
    log(`figures written to ${file}`);
  } finally {
    await browser.close();
    await naive.close();
    await server.stop();
  }
}

/** The years of the 2025 map the portal holds. */
async function years2025(url: string): Promise<number[]> {
  const meta = (await (await get(`${url}/api/meta`)).json()) as { vintages: { id: string; years: number[] }[] };
  return meta.vintages.find((v) => v.id === '2025')!.years;
}

/** The API's figures: /api/stats of `year` beside hello-world, and the log-in timing. */
async function apiFigures(server: BenchServer, year: number, run: Plan, log: (s: string) => void) {
  const stats = await statsLoads(server, year, { seconds: run.loadSeconds, warmup: run.warmupSeconds }, log);
  log(`log-in timing: ${run.logins} of each kind…`);
  return { stats, login: await loginTiming(run.logins, log) };
}

/** `--only api`: the portal's server and the API's figures, nothing else. */
async function apiOnly(run: Plan, outDir: string, log: (s: string) => void) {
  const loadBefore = loadavg()[0];
  const server = await startServer();
  try {
    log(`portal ${server.url} (pid ${server.pid})`);
    const { stats, login } = await apiFigures(server, Math.max(...(await years2025(server.url))), run, log);
    const rs = apiRows({ stats, login });
    const environment = { date: new Date().toISOString(), node: process.version, cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`, loadAverage1m: { before: loadBefore, after: loadavg()[0] }, plan: run };
    log(`\n${table(rs)}\n`);
    log(`load average (1 min) before / after: ${loadBefore.toFixed(1)} / ${environment.loadAverage1m.after.toFixed(1)}${loadBefore > cpus().length ? ' (busy with other work: throughput is pessimistic, the ratios less so)' : ''}`);
    const misses = missed(rs);
    log(misses.length ? `targets not met:\n  ${misses.join('\n  ')}` : 'all targets met');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'results-api.json');
    writeFileSync(file, JSON.stringify({ environment, measurements: { stats, login }, rows: rs, missed: misses }, null, 2));
    log(`figures written to ${file}`);
  } finally {
    await server.stop();
  }
}

main().catch((e: Error) => {
  console.error(`bench: ${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}`);
  process.exit(1);
});
