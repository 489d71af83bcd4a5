// A commune-year's row from its draws: the natural status, the seed figures' overrides, sizes and certified counts.

import type { Status } from '../../shared/domain/types.js';
import { certifiedCount, intSize, natural } from './draws.js';
import type { TallyKey } from './figures.js';
import { overrideKey, type Calibration, type Commune, type Context, type SampleRow } from './model.js';
import { isNotAssessed, notAssessedRow } from './notAssessed.js';

interface Standing {
  status: Status;
  exemplary: boolean;
  keyArea: boolean;
  hotSpot: boolean;
}

/** The row of a commune whose standing is decided: its sizes in `year` and the certified counts they imply. */
export function communeRow(seed: number, cal: Calibration, c: Commune, year: number, key: string, st: Standing): SampleRow {
  const tally = (k: TallyKey) => {
    const total = intSize(c, k, year, cal);
    return { total, certified: certifiedCount(seed, c.deficit, k, total, st.status, st.hotSpot, year, key) };
  };
  return {
    vintage: c.unit.vintage,
    communeCode: c.unit.code,
    year,
    status: st.status,
    exemplary: st.exemplary,
    residential: tally('residential'),
    agencies: tally('agencies'),
    enterprises: tally('enterprises'),
    schools: tally('schools'),
    models: intSize(c, 'models', year, cal),
    keyArea: st.keyArea,
    hotSpot: st.hotSpot,
  };
}

/** A pre-2025 commune-year: the natural draws, with what the seed figures decided for it. */
export function preRow(ctx: Context, c: Commune, year: number): SampleRow {
  if (isNotAssessed(ctx.settings, 'pre2025', c.unit.code)) return notAssessedRow('pre2025', c.unit.code, year);
  const n = natural(ctx.settings, c, year, ctx.cal);
  const o = ctx.cal.overrides.get(overrideKey(c.unit.code, year)) ?? {};
  const status = o.status ?? n.status;
  const exemplary = o.exemplary ?? (n.exemplary && status === 'dat');
  return communeRow(ctx.settings.seed, ctx.cal, c, year, c.unit.code, { status, exemplary, keyArea: n.keyArea, hotSpot: o.hotSpot ?? n.hotSpot });
}
