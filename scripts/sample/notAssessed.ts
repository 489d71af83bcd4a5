// The units the settings list as not assessed (Hoàng Sa): "Chưa đánh giá" with no counts in every generated year.

import type { Unit, Vintage } from '../../shared/domain/types.js';
import type { SampleSettings } from './figures.js';
import type { SampleRow } from './model.js';

export const isNotAssessed = (s: SampleSettings, vintage: Vintage, code: string) => s.notAssessed[vintage]?.[code] !== undefined;

export function notAssessedRow(vintage: Vintage, communeCode: string, year: number): SampleRow {
  const zero = () => ({ total: 0, certified: 0 });
  return {
    vintage, communeCode, year, status: 'chua_danh_gia', exemplary: false,
    residential: zero(), agencies: zero(), enterprises: zero(), schools: zero(), models: 0, keyArea: false, hotSpot: false,
  };
}

/** One note per listed unit that the reference has, with the settings' reason. */
export function notAssessedNotes(s: SampleSettings, units: readonly Unit[]): string[] {
  const notes: string[] = [];
  for (const v of ['pre2025', '2025'] as const) {
    for (const [code, why] of Object.entries(s.notAssessed[v] ?? {})) {
      const u = units.find((x) => x.vintage === v && x.code === code);
      if (u) notes.push(`${v} ${code} ${u.fullName}: Chưa đánh giá with no counts in every year (${why})`);
    }
  }
  return notes;
}
