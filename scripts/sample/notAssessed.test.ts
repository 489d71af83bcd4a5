import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/domain/types.js';
import { loadSampleSettings } from './figures.js';
import { isNotAssessed, notAssessedNotes, notAssessedRow } from './notAssessed.js';

const s = loadSampleSettings();
const unit = (vintage: Unit['vintage'], code: string, fullName: string): Unit => ({
  vintage, code, level: 'district', name: fullName, fullName, type: 'Huyện', provinceCode: '48', districtCode: null, population: null, areaKm2: null,
});

describe('not-assessed units', () => {
  it('are the ones the settings list, by vintage', () => {
    expect(isNotAssessed(s, 'pre2025', '498')).toBe(true);
    expect(isNotAssessed(s, '2025', '498')).toBe(false);
    expect(isNotAssessed(s, '2025', '20333')).toBe(true);
  });

  it('have a row with no counts', () => {
    expect(notAssessedRow('pre2025', '498', 2020)).toEqual({
      vintage: 'pre2025', communeCode: '498', year: 2020, status: 'chua_danh_gia', exemplary: false,
      residential: { total: 0, certified: 0 }, agencies: { total: 0, certified: 0 }, enterprises: { total: 0, certified: 0 }, schools: { total: 0, certified: 0 },
      models: 0, keyArea: false, hotSpot: false,
    });
  });

  it('are noted with their reason when the reference has them', () => {
    expect(notAssessedNotes(s, [unit('pre2025', '498', 'Huyện Hoàng Sa'), unit('pre2025', '20333', 'not this vintage')])).toEqual([
      'pre2025 498 Huyện Hoàng Sa: Chưa đánh giá with no counts in every year (no resident local administration to assess)',
    ]);
  });
});
