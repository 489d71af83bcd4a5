/**
 * The pre-2025 provinces (63) and districts (692 polygons; Quảng Ninh's are missing from the source) for the GIS
 * downloads and the OGC API, into <buildDir>/geo-pre2025: each as TopoJSON at two details, `national` (simplified to
 * 100 m, as the 2025 national layer) and `fine` (the source's own, already generalised, geometry at 6 decimals).
 * Skipped when the inputs and this module are unchanged.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import mapshaper from 'mapshaper';
import { sha256, writeOutput, type FileEntry } from '../pipeline/manifest.js';

const PRE2025_LAYERS = { provinces: 'boundaries/pre2025/provinces.geojson', districts: 'boundaries/pre2025/districts.geojson' } as const;
const PRE2025_DIR = 'geo-pre2025';

interface Pre2025Manifest {
  inputsHash: string;
  builtAt: string;
  files: Record<string, FileEntry>;
}

async function topo(geojson: string, layer: string, simplifyM: number | null): Promise<string> {
  const cmd = [
    `-i in.json name=${layer}`,
    `-filter-fields code`,
    simplifyM ? `-simplify interval=${simplifyM}m keep-shapes` : '',
    `-o out.json format=topojson no-quantization precision=0.000001 id-field=code`,
  ].filter(Boolean).join(' ');
  const out = await mapshaper.applyCommands(cmd, { 'in.json': geojson });
  const content = out['out.json'];
  if (content == null) throw new Error(`mapshaper produced nothing for ${layer}`);
  return typeof content === 'string' ? content : content.toString('utf8');
}

export async function buildPre2025(sourceDir: string, buildDir: string, log: (line: string) => void = () => {}): Promise<'built' | 'up-to-date' | 'no-source'> {
  const inputs = Object.values(PRE2025_LAYERS).map((rel) => join(sourceDir, rel));
  if (!inputs.every(existsSync)) return 'no-source';
  const dir = join(buildDir, PRE2025_DIR);
  const manifestFile = join(dir, 'manifest.json');
  const hash = sha256(Buffer.concat([...inputs.map((f) => readFileSync(f)), readFileSync(fileURLToPath(import.meta.url))]));
  if (existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as Pre2025Manifest;
    if (m.inputsHash === hash && Object.keys(m.files).every((rel) => existsSync(join(dir, `${rel}.gz`)))) return 'up-to-date';
  }
  mkdirSync(dir, { recursive: true });
  const files: Record<string, FileEntry> = {};
  for (const [layer, rel] of Object.entries(PRE2025_LAYERS)) {
    const src = readFileSync(join(sourceDir, rel), 'utf8');
    for (const [detail, interval] of [['national', 100], ['fine', null]] as const) {
      const out = `${layer}.${detail}.topo.json`;
      files[out] = writeOutput(dir, out, await topo(src, layer, interval));
      log(`  ${PRE2025_DIR}/${out}: ${(files[out].gzipBytes / 1024).toFixed(0)} KB gzip`);
    }
  }
  writeFileSync(manifestFile, JSON.stringify({ inputsHash: hash, builtAt: new Date().toISOString(), files } satisfies Pre2025Manifest, null, 2));
  return 'built';
}
