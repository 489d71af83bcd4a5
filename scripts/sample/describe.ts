// The generator's report: one line per published figure, saying how the generated rows meet it.

import { fmtInt, fmtPct, fmtRatio, pct, roundTo, TALLY_LABELS, type SeedFigure } from './figures.js';
import { ofTypes, type Place, type ReturnRow, type SampleRow } from './model.js';

/** `rows`: the place's rows in the seed's year, in the order of `place.list`. */
export function reportEntry(place: Place, rows: SampleRow[], returns: ReturnRow[]): string[] {
  const e = place.entry;
  const head = `${e.seed.slice(0, 3)} ${e.place.name} (${e.place.level} ${e.place.code}) ${e.year}`;
  return e.figures.map((f) => `${head} · ${f.published} → ${describe(f, place, rows, returns)}`);
}

export function describe(f: SeedFigure, { entry: e, list }: Place, rows: SampleRow[], returns: ReturnRow[]): string {
  const sum = (g: (r: SampleRow) => number) => rows.reduce((s, r) => s + g(r), 0);
  switch (f.kind) {
    case 'not_modelled':
      return `not modelled: ${f.reason}`;
    case 'unit_count': {
      const n = ofTypes(list, f.unitTypes).length;
      return n === f.count ? `the list has the same ${n} communes` : `the list has ${n} communes, not ${f.count}`;
    }
    case 'communes_certified': {
      const group = ofTypes(list, f.unitTypes).map((c) => c.unit.code);
      const n = group.length;
      const k = rows.filter((r) => group.includes(r.communeCode) && r.status === 'dat').length;
      const label = f.unitTypes ? f.unitTypes.map((t) => t.toLocaleLowerCase('vi')).join(', ') : 'xã, phường, thị trấn';
      if (f.total !== undefined && f.total === n) return `exact count ${k}/${n}`;
      const publishedRate = f.total !== undefined ? pct(f.count, f.total) : f.rate!;
      const publishedText = f.total !== undefined ? `${fmtInt(f.count)}/${fmtInt(f.total)} = ${fmtPct(publishedRate)}` : fmtPct(publishedRate, f.rateDecimals ?? 2);
      const listed = f.total !== undefined ? `${n} ${label} in the list, ${f.total} in the report` : `${n} ${label} in the list, ~${Math.round((100 * f.count) / publishedRate)} implied by the report`;
      return `rate ${fmtPct(pct(k, n))} (${k}/${n} ${label}) for published ${publishedText} (${listed})`;
    }
    case 'tally': {
      const t = sum((r) => r[f.tally].total);
      const c = sum((r) => r[f.tally].certified);
      if (f.total !== undefined) return `exact count ${fmtInt(c)}/${fmtInt(t)} ${TALLY_LABELS[f.tally]}`;
      const d = f.rateDecimals ?? 2;
      const got = roundTo(pct(c, t), d);
      if (got === f.rate) return `exact count ${fmtInt(c)} of ${fmtInt(t)} ${TALLY_LABELS[f.tally]} = ${fmtPct(pct(c, t), d)}, as published`;
      return `exact count ${fmtInt(c)} of ${fmtInt(t)} ${TALLY_LABELS[f.tally]} = ${fmtPct(pct(c, t), d)}: no integer total gives ${fmtPct(f.rate!, d)}; closest, gap ${fmtPct(Math.abs(pct(c, t) - f.rate!), 2).replace(' %', ' pp')}`;
    }
    case 'tally_certified_sum': {
      const c = sum((r) => f.tallies.reduce((s, k) => s + r[k].certified, 0));
      const parts = f.tallies.map((k) => `${TALLY_LABELS[k]} ${fmtRatio(sum((r) => r[k].certified), sum((r) => r[k].total))}`).join(', ');
      return `exact count ${fmtInt(c)} certified (${parts})`;
    }
    case 'province_bodies': {
      const r = returns.find((x) => x.provinceCode === e.place.code && x.year === e.year)!;
      return `exact count ${r.bodies.certified}/${r.bodies.total} in the province return`;
    }
    case 'models':
      return `exact count ${fmtInt(sum((r) => r.models))} models summed over ${rows.length} communes`;
    case 'hot_spots':
      return `exact count ${rows.filter((r) => r.hotSpot).length} hot spots in ${rows.length} communes`;
    case 'exemplary': {
      const ex = rows.filter((r) => r.exemplary);
      return `exact count ${ex.length} exemplary (${ex.map((r) => r.communeCode).join(', ')}${ex.every((r) => r.status === 'dat') ? ', certified' : ''})`;
    }
  }
}
