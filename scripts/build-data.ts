/**
 * npm run data — builds the web boundaries into <buildDir>/geo from the source data.
 *   --force   rebuild even if the manifest says the outputs are up to date
 * Source and build folders: ANTQ_SOURCE_DIR, ANTQ_BUILD_DIR (see server/config.ts).
 */
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { paths, ROOT } from '../server/config.js';
import { buildPre2025 } from './gis/pre2025.js';
import { buildData, type BuildResult } from './pipeline/build.js';
import { OUTPUTS } from './pipeline/settings.js';
import { SOURCES_JSON } from './pipeline/sources-manifest.js';

/** The build peaks at about 1.3 GB; re-spawn with a bigger heap only where node's default is small. */
const HEAP_MB = 6144;
const MIN_HEAP_MB = 3072;

function respawnWithBiggerHeap(): never {
  const r = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, ANTQ_DATA_CHILD: '1' },
  });
  process.exit(r.status ?? 1);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const size = (f: { bytes: number; gzipBytes: number }) => `${kb(f.bytes)} (${f.bytes} B), gzip ${kb(f.gzipBytes)} (${f.gzipBytes} B)`;

function report(r: BuildResult): void {
  const m = r.manifest;
  const geo = relative(ROOT, r.geoDir) || r.geoDir;
  console.log(`built ${geo}/ — ${m.counts.communes} communes, ${m.counts.provinces} provinces`);
  console.log(`  ${OUTPUTS.national}: ${size(m.files[OUTPUTS.national])}`);
  const prov = Object.entries(m.files).filter(([rel]) => rel.startsWith('provinces/'));
  const byGz = [...prov].sort((a, b) => a[1].gzipBytes - b[1].gzipBytes);
  const name = (rel: string) => m.provinces[rel.slice(10, 12)]?.name ?? '';
  const total = prov.reduce((a, [, f]) => ({ bytes: a.bytes + f.bytes, gzipBytes: a.gzipBytes + f.gzipBytes }), { bytes: 0, gzipBytes: 0 });
  console.log(`  provinces/*.topo.json: ${prov.length} files, total ${size(total)}`);
  const [minRel, minF] = byGz[0];
  const [maxRel, maxF] = byGz[byGz.length - 1];
  console.log(`    largest:  ${maxRel} ${name(maxRel)}: ${size(maxF)}`);
  console.log(`    smallest: ${minRel} ${name(minRel)}: ${size(minF)}`);
  if (r.islandParts) {
    for (const [code, p] of Object.entries(r.islandParts)) {
      console.log(`  commune ${code}: ${p.source} polygons in the source, ${p.national} in the national file, ${p.province} in its province file`);
    }
  }
  console.log(`  manifest.json (bbox ${m.bbox.join(', ')})`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: npm run data [-- --force]');
    return 0;
  }
  const unknown = args.filter((a) => a !== '--force');
  if (unknown.length) {
    console.error(`unknown argument(s): ${unknown.join(' ')} (usage: npm run data [-- --force])`);
    return 2;
  }
  if (getHeapStatistics().heap_size_limit < MIN_HEAP_MB * 1024 * 1024 && !process.env.ANTQ_DATA_CHILD) respawnWithBiggerHeap();

  const t0 = Date.now();
  const { sourceDir, buildDir } = paths();
  try {
    const r = await buildData({
      sourceDir,
      buildDir,
      force: args.includes('--force'),
      sourcesManifest: SOURCES_JSON,
      log: (line) => console.log(line),
    });
    if (r.status === 'up-to-date') {
      console.log(`${relative(ROOT, join(buildDir, 'geo')) || join(buildDir, 'geo')}: up to date (built ${r.manifest.builtAt}; --force to rebuild)`);
    } else {
      report(r);
    }
    // The pre-2025 provinces and districts, for the GIS downloads and the OGC API only.
    console.log(`pre-2025 boundaries (GIS): ${await buildPre2025(sourceDir, buildDir, (line) => console.log(line))}`);
    console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    console.error(`npm run data failed after ${((Date.now() - t0) / 1000).toFixed(1)} s:\n${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

process.exitCode = await main();
