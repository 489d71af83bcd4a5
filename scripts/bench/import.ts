// npx tsx scripts/bench/import.ts — the check time of the full-country return (3,321 communes, XLSX),
// parsing included: read the sheets, find the table, match and check every row. Target ≤ 1 s.
// Not wired into `npm run bench` yet (see the report of issue #12); prints one line per run.

import { performance } from 'node:perf_hooks';
import { paths } from '../../server/config.js';
import { readSheet } from '../../server/import/sheet.js';
import { findTable } from '../../server/import/table.js';
import { templateXlsx } from '../../server/import/template.js';
import { buildUnitIndex, checkTable } from '../../server/import/validate.js';
import { buildReference } from '../reference/build.js';
import { readSourceTexts } from '../reference/load.js';

const { reference } = buildReference(readSourceTexts(paths().sourceDir));
const u2025 = reference.units.filter((u) => u.vintage === '2025');
const index = buildUnitIndex('2025', u2025, reference.units.filter((u) => u.vintage === 'pre2025'));
const communes = [...index.byCode.values()];
const bytes = await templateXlsx({ year: 2025, title: 'bench', units: communes });
const times: number[] = [];
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const sheet = await readSheet(bytes);
  const table = findTable(sheet.sheets);
  if ('error' in table) throw new Error(table.error);
  const r = checkTable(table, index, { year: 2025, provinces: null, allowed: () => true, scopeHint: '' });
  times.push(performance.now() - t0);
  console.log(`run ${run + 1}: ${r.dataRows} rows, ${r.unfilled} unfilled, ${(times[run] / 1000).toFixed(2)} s`);
}
const median = [...times].sort((a, b) => a - b)[1];
console.log(`import check, full country (${communes.length} communes, ${(bytes.length / 1024).toFixed(0)} KB XLSX): median ${(median / 1000).toFixed(2)} s (target ≤ 1 s)`);
