// The check time of the full-country return (3,321 communes), parsing included: the import service's
// dry run (read the file as an upload is read, find the table, match and check every row, count what a
// commit would replace; nothing written), beside the plain reading of the same bytes (exceljs load, or
// CSV parse) so that the ratio shows what the checking costs. Three files: the template filled in (XLSX,
// CSV) and the same returns in a report layout (importFiles.ts). Each check must put every row on its
// commune, or the figure would time a failure. `npx tsx scripts/bench/import.ts` runs it alone.

import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { parseCsv } from '../../shared/lib/csv.js';
import { readSheet } from '../../server/import/sheet.js';
import { findTable } from '../../server/import/table.js';
import { buildUnitIndex, checkTable } from '../../server/import/validate.js';
import { ImportService } from '../../server/services/imports.js';
import { openStore } from '../../server/store/open.js';
import { importFiles } from './importFiles.js';
import { summarize, type Summary } from './summary.js';

export interface ImportFigures {
  layout: string;
  format: 'xlsx' | 'csv';
  bytes: number;
  rows: number;
  /** exceljs load / CSV parse of the same bytes. */
  read: Summary;
  /** The service's dry run, the reader warm (as for every read after the first). */
  check: Summary;
}

export interface ImportBench {
  files: ImportFigures[];
  /** The first check after the process starts: the reader thread boots (exceljs loaded) for it. */
  firstCheckMs: number;
}

const scope = { province: null, label: 'toàn quốc' };

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function importBench(runs: number, log: (s: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<ImportBench> {
  const { store, admin } = await openStore(env);
  try {
    const [u2025, uOld] = await Promise.all([store.units('2025'), store.units('pre2025')]);
    const index = buildUnitIndex('2025', u2025, uOld);
    const f = await importFiles([...index.byCode.values()], index.provinceNames);
    const svc = new ImportService(store, admin.ledger);
    // Every row of the report layout on its own commune, as the "done when" asks, at full scale.
    const table = findTable((await readSheet(f.reportXlsx)).sheets);
    if ('error' in table) throw new Error(`report layout: ${table.error}`);
    const pure = checkTable(table, index, { year: 2025, provinces: null, allowed: () => true, scopeHint: '', answers: f.reportAnswers });
    const wrong = pure.valid.filter((v) => f.reportLines.get(v.line) !== v.unit.code);
    if (pure.valid.length !== f.reportLines.size || wrong.length > 0) throw new Error(`report layout: ${pure.valid.length} of ${f.reportLines.size} rows checked valid, ${wrong.length} on a wrong commune`);

    const files = [
      { layout: 'template layout, XLSX', format: 'xlsx' as const, bytes: f.templateXlsx, answers: {} },
      { layout: 'template layout, CSV', format: 'csv' as const, bytes: f.templateCsv, answers: {} },
      { layout: 'report layout (title block, merged two-row header, names without codes, province rows, subtotals, signature), XLSX', format: 'xlsx' as const, bytes: f.reportXlsx, answers: f.reportAnswers },
    ];
    let firstCheckMs = NaN;
    const out: ImportFigures[] = [];
    for (const file of files) {
      const check = async () => {
        const r = await svc.check({ fileName: 'ca-nuoc.xlsx', bytes: file.bytes, year: 2025, provinceCode: null, choices: { answers: file.answers } }, scope);
        if (r.valid !== f.reportLines.size || r.errors > 0) throw new Error(`${file.layout}: ${r.valid} valid rows, ${r.errors} errors (${r.problems.find((p) => p.severity === 'error')?.message ?? ''})`);
        return r;
      };
      const read = () => (file.format === 'xlsx' ? new ExcelJS.Workbook().xlsx.load(file.bytes as unknown as ExcelJS.Buffer) : Promise.resolve(parseCsv(file.bytes.toString('utf8'), 'bench', ',')));
      // One run of each first (the first check boots the reader thread); then alternate, so that the load of the machine falls on both.
      const first = await timed(check);
      if (Number.isNaN(firstCheckMs)) firstCheckMs = first;
      await read();
      const reads: number[] = [];
      const checks: number[] = [];
      for (let k = 0; k < runs; k++) {
        reads.push(await timed(read));
        checks.push(await timed(check));
      }
      const fig = { layout: file.layout, format: file.format, bytes: file.bytes.length, rows: f.reportLines.size, read: summarize(reads), check: summarize(checks) };
      log(`  ${fig.layout}: check ${Math.round(fig.check.median)} ms, plain reading ${Math.round(fig.read.median)} ms (medians of ${runs})`);
      out.push(fig);
    }
    return { files: out, firstCheckMs };
  } finally {
    await store.close();
  }
}

if (process.argv[1]?.endsWith('scripts/bench/import.ts')) {
  const r = await importBench(5, console.log);
  console.log(`first check after start: ${Math.round(r.firstCheckMs)} ms (target for the warm check: ≤ 1 s)`);
}
