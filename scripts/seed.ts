// npm run seed [-- --if-empty]
// Loads the reference data (units of both vintages + crosswalk) from paths().sourceDir into the
// store at paths().dbPath, and replaces the sample data (origin 'sample') with freshly generated
// batches, in one transaction. Imported data (origin 'import') is never touched: a sample row never
// replaces an imported one.
//   --if-empty   do nothing if the database already has reference data and at least one batch

import { paths } from '../server/config.js';
import { openStore } from '../server/store/open.js';
import { CsvError } from '../shared/lib/csv.js';
import { loadReference, SourceFileError } from './reference/load.js';
import { fmtInt, loadSampleSettings, loadSeedFigures, type SampleSettings, type SeedFigures } from './sample/figures.js';
import { generateSample } from './sample/generate.js';

const USAGE = 'usage: npm run seed [-- --if-empty]';

export interface SeedOptions {
  log?: (line: string) => void;
  /** Environment for paths() (ANTQ_DB, ANTQ_SOURCE_DIR); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Default: data/seed-figures.json and data/sample-settings.json. */
  figures?: SeedFigures;
  settings?: SampleSettings;
}

/** The CLI's work; returns without writing when --if-empty finds data. */
export async function seed(argv: string[], opts: SeedOptions = {}): Promise<void> {
  const log = opts.log ?? console.log;
  const unknown = argv.filter((a) => a !== '--if-empty');
  if (unknown.length > 0) throw new UsageError(`unknown argument ${unknown.join(' ')}\n${USAGE}`);
  const ifEmpty = argv.includes('--if-empty');
  const t0 = performance.now();
  const ms = () => `${((performance.now() - t0) / 1000).toFixed(2)} s`;
  const p = paths(opts.env);
  const { store, where } = await openStore(opts.env);
  try {
    if (ifEmpty) {
      const c = await store.counts();
      if (c.units > 0 && c.batches > 0) {
        log(`seed: ${where} already has reference data (${fmtInt(c.units)} units) and ${c.batches} batches; nothing to do (--if-empty)`);
        return;
      }
    }
    log(`seed: source ${p.sourceDir}`);
    log(`seed: database ${where}`);
    const { reference, notes } = loadReference(p.sourceDir);
    log(`\nReference (${ms()}):`);
    for (const n of notes) log(`  ${n}`);

    const sample = generateSample(reference, opts.settings ?? loadSampleSettings(), opts.figures ?? loadSeedFigures());
    log(`\nSample generator (${ms()}):`);
    for (const n of sample.notes) log(`  ${n}`);
    log('\nSeed figures:');
    for (const r of sample.report) log(`  ${r}`);

    await store.replaceReference(reference);
    const ids = await store.replaceOrigin('sample', sample.batches);
    const c = await store.counts();
    const generated = sample.batches.reduce((s, b) => s + b.assessments.length, 0);
    log(`\nWritten (${ms()}):`);
    for (const [k, b] of sample.batches.entries()) {
      log(`  batch ${ids[k]}: ${b.source} — ${fmtInt(b.assessments.length)} assessments, ${b.provinceReturns.length} province returns`);
    }
    log(
      `  totals: ${fmtInt(c.units)} units, ${fmtInt(c.crosswalk)} crosswalk links, ${c.batches} batches, ` +
        `${fmtInt(c.assessments)} assessments (${fmtInt(c.assessmentsByOrigin.sample)} sample, ${fmtInt(c.assessmentsByOrigin.import)} imported), ` +
        `${fmtInt(c.provinceReturns)} province returns`,
    );
    const shadowed = generated - c.assessmentsByOrigin.sample;
    if (shadowed > 0) log(`  ${fmtInt(shadowed)} generated sample rows were not written: imported rows exist for them`);
    log(`seed: done in ${ms()}`);
  } finally {
    await store.close();
  }
}

class UsageError extends Error {}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/seed.ts');
if (isMain) {
  seed(process.argv.slice(2)).catch((e: unknown) => {
    const known = e instanceof UsageError || e instanceof CsvError || e instanceof SourceFileError;
    console.error(`seed: ${known ? e.message : ((e as Error).stack ?? String(e))}`);
    process.exit(1);
  });
}
