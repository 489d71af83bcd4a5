// The assessed pre-2025 units and their latent traits, with the populations their sizes use (imputed where the
// census has none).

import { median } from 'd3-array';
import { assessedUnits } from '../../shared/domain/assessed.js';
import type { Unit } from '../../shared/domain/types.js';
import type { Reference } from '../../server/store/store.js';
import { makeCommune, provinceParams } from './draws.js';
import type { SampleSettings } from './figures.js';
import { byCode } from './helpers.js';
import type { Commune } from './model.js';

export interface PreCommunes {
  /** By code, in code order. */
  communes: Map<string, Commune>;
  notes: string[];
}

/** `firstYear`: the first generated year, from which the provinces' certification drifts. */
export function buildCommunes(ref: Reference, s: SampleSettings, provincesPre: readonly Unit[], firstYear: number): PreCommunes {
  const communes = ref.units.filter((u) => u.vintage === 'pre2025' && u.level === 'commune');
  // island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) are assessed
  // as commune-level units: they have crosswalk links of their own to their 2025 đặc khu
  const pre = assessedUnits(ref.units.filter((u) => u.vintage === 'pre2025')).sort(byCode);
  const islands = pre.filter((u) => u.level === 'district');
  // populations: the unit's own; for an island, its đặc khu's (when it is the only predecessor);
  // else the median of its district's known communes, else its province's
  const known = (f: (u: Unit) => boolean) => median(communes.filter((u) => f(u) && u.population !== null).map((u) => u.population!)) ?? NaN;
  const byDistrict = new Map<string, number>();
  const byProvince = new Map<string, number>();
  const successorPop = islandPopulations(ref, new Set(islands.map((u) => u.code)));
  let imputed = 0;
  const params = new Map(provincesPre.map((p) => [p.code, provinceParams(s, `pre2025:${p.code}`, firstYear)]));
  const all = known(() => true);
  const out = new Map<string, Commune>();
  for (const u of pre) {
    let pop = u.population ?? successorPop.get(u.code) ?? null;
    if (pop === null) {
      imputed++;
      if (!byDistrict.has(u.districtCode ?? '')) byDistrict.set(u.districtCode ?? '', known((v) => v.districtCode === u.districtCode));
      pop = u.districtCode === null ? NaN : byDistrict.get(u.districtCode)!;
      if (Number.isNaN(pop)) {
        if (!byProvince.has(u.provinceCode)) byProvince.set(u.provinceCode, known((v) => v.provinceCode === u.provinceCode));
        pop = byProvince.get(u.provinceCode)!;
      }
      if (Number.isNaN(pop)) pop = Number.isNaN(all) ? 8000 : all;
    }
    const p = params.get(u.provinceCode) ?? provinceParams(s, `pre2025:${u.provinceCode}`, firstYear);
    out.set(u.code, makeCommune(s, u, pop, `pre2025:${u.code}`, p));
  }
  const notes: string[] = [];
  if (imputed > 0) notes.push(`${imputed} pre-2025 communes without a 2019 census population: sizes use their district's (else province's) median commune`);
  if (islands.length > 0) {
    notes.push(
      `${islands.length} island districts without communes (${islands.map((u) => u.code).join(', ')}) are assessed as commune-level units (rows with their 3-digit code), sized by their đặc khu's population`,
    );
  }
  return { communes: out, notes };
}

/** Island district → population of the 2025 đặc khu it alone became. */
function islandPopulations(ref: Reference, islands: Set<string>): Map<string, number> {
  const preds = new Map<string, Set<string>>();
  for (const l of ref.crosswalk) preds.set(l.newCode, (preds.get(l.newCode) ?? new Set()).add(l.oldCode));
  const units2025 = new Map(ref.units.filter((u) => u.vintage === '2025').map((u) => [u.code, u]));
  const out = new Map<string, number>();
  for (const l of ref.crosswalk) {
    if (!islands.has(l.oldCode) || preds.get(l.newCode)!.size !== 1) continue;
    const pop = units2025.get(l.newCode)?.population;
    if (pop != null) out.set(l.oldCode, (out.get(l.oldCode) ?? 0) + pop * l.weight);
  }
  return out;
}
