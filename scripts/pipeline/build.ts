/**
 * The data pipeline: official lists + full-resolution commune polygons → web TopoJSON in
 * <buildDir>/geo (national.topo.json, provinces/<pp>.topo.json, manifest.json, each with .gz).
 * Called by scripts/build-data.ts; also runnable on a small fixture (see build.test.ts).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildNationalTopology, buildProvinceTopology, cleanAndSimplify } from './geoprocess.js';
import { hashInputs } from './inputs.js';
import { checkUpToDate, writeManifest, writeOutput, type FileEntry, type Manifest } from './manifest.js';
import { checkIslandsInOutline, finishNational, nationalSpec } from './national.js';
import { COMMUNE_PROPS, INPUTS, INPUT_OBJECT, ISLANDS, OUTPUTS, PIPELINE_VERSION, SETTINGS, type Settings } from './settings.js';
import { quantizationFor, sourceFacts } from './sourceFacts.js';
import { geometriesOf, polygonCount, roundBBox, subsetTopology, type Topo } from './topology.js';
import { parseUnits } from './units.js';
import { assertValid, officialTypes, validateOutput, validateSource, validateUnits } from './validate.js';

export interface BuildOptions {
  sourceDir: string;
  buildDir: string;
  force?: boolean;
  settings?: Settings;
  /** data/sources.json to check the source dir against (warnings only); null to skip. */
  sourcesManifest?: string | null;
  log?: (line: string) => void;
}

export interface BuildResult {
  status: 'up-to-date' | 'built';
  geoDir: string;
  manifest: Manifest;
  warnings: string[];
  /** Why it rebuilt (or 'forced'). */
  reason?: string;
  /** Parts of polygons kept for each archipelago in the national file. */
  islandParts?: Record<string, { source: number; national: number; province: number }>;
}

export async function buildData(opts: BuildOptions): Promise<BuildResult> {
  const s = opts.settings ?? SETTINGS;
  const log = opts.log ?? (() => {});
  const geoDir = join(opts.buildDir, 'geo');

  // 1. Inputs: presence, hashes, comparison with data/sources.json (warnings only).
  const { hash, inputHashes, warnings } = hashInputs(opts.sourceDir, opts.sourcesManifest, s);
  warnings.forEach((w) => log(w));

  // 2. Incremental: nothing to do when the manifest says these inputs were built.
  let reason = 'forced';
  if (!opts.force) {
    const u = checkUpToDate(geoDir, hash);
    if (u.upToDate) return { status: 'up-to-date', geoDir, manifest: u.manifest, warnings };
    reason = u.reason;
  }
  log(`building (${reason})`);

  // 3. Official lists, then the polygons against them.
  let t = Date.now();
  const units = parseUnits(
    readFileSync(join(opts.sourceDir, INPUTS.communesCsv), 'utf8'),
    readFileSync(join(opts.sourceDir, INPUTS.provincesCsv), 'utf8'),
    readFileSync(join(opts.sourceDir, INPUTS.codeChanges), 'utf8'),
    { communes: INPUTS.communesCsv, provinces: INPUTS.provincesCsv, codeChanges: INPUTS.codeChanges },
  );
  assertValid('official lists', validateUnits(units, { communes: INPUTS.communesCsv, provinces: INPUTS.provincesCsv }));
  let sourceJson: string | null = gunzipSync(readFileSync(join(opts.sourceDir, INPUTS.communesTopo))).toString('utf8');
  let source: Topo | null = JSON.parse(sourceJson) as Topo;
  assertValid(`${INPUTS.communesTopo} vs ${INPUTS.communesCsv}`, validateSource(source, INPUT_OBJECT, units, INPUTS.communesTopo));
  const facts = sourceFacts(source, units);
  // eslint-disable-next-line no-useless-assignment -- drops the parsed source (hundreds of MB) for the collector
  source = null;
  const typed = officialTypes(units, INPUTS.communesCsv);
  typed.notes.forEach((n) => log(n));
  log(`read and validated ${units.communes.length} communes, ${units.provinces.length} provinces (${secs(t)})`);

  // 4. Clean + simplify once at the province level of detail.
  t = Date.now();
  const fine = JSON.parse(await cleanAndSimplify(sourceJson, INPUT_OBJECT, s.provinceIntervalM)) as Topo;
  // eslint-disable-next-line no-useless-assignment -- drops the source text for the collector
  sourceJson = null;
  // Every layer carries the unit's type by the authority (1027/CTK-CSCL), not the polygons' later one.
  for (const g of geometriesOf(fine, 'communes')) if (g.properties) g.properties.type = typed.types.get(String(g.properties.code)) ?? g.properties.type;
  const fineJson = JSON.stringify(fine);
  log(`cleaned and simplified to ${s.provinceIntervalM} m: ${fine.arcs.length} arcs (${secs(t)})`);

  const provinceName = new Map(units.provinces.map((p) => [p.code, p.name]));
  const provinceCodes = new Set(provinceName.keys());
  const allCodes = new Set(units.communes.map((c) => c.code));
  const files: Record<string, FileEntry> = {};

  // 5. National file.
  t = Date.now();
  const national = await buildNationalTopology(fineJson, s.nationalIntervalM, s.nationalQuantization);
  finishNational(national, units, facts.islandBBoxes, s);
  assertValid(OUTPUTS.national, [
    ...validateOutput(national, OUTPUTS.national, nationalSpec(allCodes, provinceCodes, units)),
    ...checkIslandsInOutline(national),
  ]);
  files[OUTPUTS.national] = writeOutput(geoDir, OUTPUTS.national, JSON.stringify(national), s.gzipLevel);
  log(`national: simplified to ${s.nationalIntervalM} m (${secs(t)})`);

  // 6. One file per province, from the same cleaned topology.
  t = Date.now();
  const islandParts: NonNullable<BuildResult['islandParts']> = {};
  for (const isl of ISLANDS) {
    const g = geometriesOf(national, 'communes').find((x) => x.id === isl.code)!;
    islandParts[isl.code] = { source: facts.islandParts[isl.code], national: polygonCount(g), province: 0 };
  }
  for (const p of units.provinces) {
    const sub = subsetTopology(fine, 'communes', (g) => g.properties?.province_code === p.code);
    const topo = await buildProvinceTopology(JSON.stringify(sub), quantizationFor(facts.provinceBBoxes[p.code], s));
    for (const g of geometriesOf(topo, 'province')) {
      g.id = p.code;
      g.properties = { code: p.code, name: p.name };
    }
    const rel = OUTPUTS.province(p.code);
    const codes = new Set(units.communes.filter((c) => c.province_code === p.code).map((c) => c.code));
    assertValid(rel, validateOutput(topo, rel, {
      communes: { kind: 'polygon', props: COMMUNE_PROPS, count: codes.size, ids: codes, idPattern: /^\d{5}$/, provinceCodes: new Set([p.code]) },
      province: { kind: 'polygon', props: ['code', 'name'], count: 1, ids: new Set([p.code]) },
    }));
    for (const isl of ISLANDS) {
      const g = geometriesOf(topo, 'communes').find((x) => x.id === isl.code);
      if (g) islandParts[isl.code].province = polygonCount(g);
    }
    files[rel] = writeOutput(geoDir, rel, JSON.stringify(topo), s.gzipLevel);
  }
  log(`provinces: ${units.provinces.length} files (${secs(t)})`);
  for (const isl of ISLANDS) {
    const n = islandParts[isl.code];
    if (n.national < n.source || n.province < n.source) {
      const w = `WARNING: ${isl.name} (${isl.code}) has ${n.source} polygons in the source but ${n.national} in ${OUTPUTS.national} and ${n.province} in its province file`;
      warnings.push(w);
      log(w);
    }
  }
  removeStale(geoDir, new Set(Object.keys(files)));

  // 7. Budgets, then the manifest (last, so that a failed build is never "up to date").
  const over = Object.entries(files)
    .filter(([rel, f]) => f.gzipBytes > (rel === OUTPUTS.national ? s.budgetNationalGz : s.budgetProvinceGz))
    .map(([rel, f]) => `${rel}: ${f.gzipBytes} bytes gzipped > budget ${rel === OUTPUTS.national ? s.budgetNationalGz : s.budgetProvinceGz}`);
  assertValid('size budgets', over);

  const manifest: Manifest = {
    version: PIPELINE_VERSION,
    builtAt: new Date().toISOString(),
    inputsHash: hash,
    counts: { communes: units.communes.length, provinces: units.provinces.length },
    provinces: Object.fromEntries(
      units.provinces.map((p) => [p.code, { name: p.name, bbox: roundBBox(facts.provinceBBoxes[p.code]), communes: facts.communesPerProvince[p.code] }]),
    ),
    bbox: roundBBox(facts.bbox),
    files,
    inputs: inputHashes,
  };
  writeManifest(geoDir, manifest);
  return { status: 'built', geoDir, manifest, warnings, reason, islandParts };
}

/** Deletes province files (and .gz) left over from an earlier build that are not in this one. */
function removeStale(geoDir: string, keep: Set<string>): void {
  const dir = join(geoDir, 'provinces');
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) {
    const rel = `provinces/${f.replace(/\.gz$/, '')}`;
    if (!keep.has(rel)) rmSync(join(dir, f), { force: true });
  }
}

const secs = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
