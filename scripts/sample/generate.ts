// The sample-data generator: plausible, deterministic ANTT figures for every commune of both
// vintages (2017–2024 on the pre-2025 communes, 2025 on the new ones) that reproduce every figure
// the seed reports publish (data/seed-figures.json). Pure: takes the Reference, the settings and the
// seed figures, returns BatchWrites and a report. Every random draw is keyed by seed + unit + year +
// purpose (see prng.ts), so no figure depends on the order the units are visited in.
//
// The steps, in order: communes.ts (latent traits), targets.ts (calibration and statuses from the seed
// figures), rows.ts (one commune-year), fixups.ts (exact sums), returns.ts (province returns), rows2025.ts
// (2025 from the predecessors), describe.ts (the report).

import type { BatchWrite, Reference } from '../../server/store/store.js';
import { buildCommunes } from './communes.js';
import { reportEntry } from './describe.js';
import type { SampleSettings, SeedFigures } from './figures.js';
import { fixCounts } from './fixups.js';
import { byCode } from './helpers.js';
import { newCalibration, type Context, type Place, type ReturnRow, type SampleRow } from './model.js';
import { notAssessedNotes } from './notAssessed.js';
import { fixReturns, provinceReturns2025, provinceReturnsPre } from './returns.js';
import { preRow } from './rows.js';
import { rows2025 } from './rows2025.js';
import { calibrate, decideStatuses, placeCommunes } from './targets.js';

export interface SampleResult {
  /** One batch per year (origin 'sample'), assessments and province returns of that year. */
  batches: (BatchWrite & { assessments: SampleRow[] })[];
  /** One line per published figure: how it was met. */
  report: string[];
  /** What the generator assumed (imputed populations, special cases). */
  notes: string[];
}

export function generateSample(ref: Reference, settings: SampleSettings, figures: SeedFigures): SampleResult {
  const years: number[] = [];
  for (let y = settings.pre2025Years.from; y <= settings.pre2025Years.to; y++) years.push(y);
  const provincesPre = ref.units.filter((u) => u.vintage === 'pre2025' && u.level === 'province').sort(byCode);
  const { communes, notes } = buildCommunes(ref, settings, provincesPre, years[0]);
  notes.push(...notAssessedNotes(settings, ref.units));
  const ctx: Context = { ref, settings, years, communes, provincesPre, cal: newCalibration() };

  const places: Place[] = figures.entries.map((entry) => ({ entry, list: placeCommunes(ctx, entry) }));
  for (const p of places) calibrate(ctx, p);
  for (const p of places) decideStatuses(ctx, p);
  const rows = new Map<number, Map<string, SampleRow>>(); // year → code → row
  for (const y of years) rows.set(y, new Map([...communes.values()].map((c) => [c.unit.code, preRow(ctx, c, y)])));
  const placeRows = (p: Place) => p.list.map((c) => rows.get(p.entry.year)!.get(c.unit.code)!);
  for (const p of places) fixCounts(ctx, p, placeRows(p));
  const returns = provinceReturnsPre(ctx);
  for (const p of places) fixReturns(p.entry, returns);
  const y2025 = rows2025(ctx, rows.get(years[years.length - 1])!);
  if (y2025.fresh.length > 0) notes.push(`2025 communes without predecessor figures, generated from their population: ${y2025.fresh.join(', ')}`);
  const returns2025 = provinceReturns2025(ctx, returns);

  const batch = (year: number, assessments: SampleRow[], provinceReturns: ReturnRow[]) => ({
    origin: 'sample' as const,
    source: `${settings.generator} seed=${settings.seed} year=${year}`,
    note: settings.note,
    assessments,
    provinceReturns,
  });
  const batches: SampleResult['batches'] = years.map((y) =>
    batch(
      y,
      [...rows.get(y)!.values()].sort((a, b) => a.communeCode.localeCompare(b.communeCode)),
      returns.filter((r) => r.year === y),
    ),
  );
  batches.push(batch(settings.year2025, y2025.rows, returns2025));
  const report = places.flatMap((p) => reportEntry(p, placeRows(p), returns));
  return { batches, report, notes };
}
