import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/domain/types.js';
import { certifiedCount, intSize, makeCommune, natural, provinceParams, realSize } from './draws.js';
import { loadSampleSettings } from './figures.js';
import { newCalibration } from './model.js';

const s = loadSampleSettings();
const unit = (vintage: Unit['vintage'], code: string, type = 'Xã'): Unit => ({
  vintage, code, level: 'commune', name: code, fullName: `${type} ${code}`, type, provinceCode: '27', districtCode: null, population: 8000, areaKm2: null,
});
const province = provinceParams(s, 'pre2025:27', 2017);

describe('draws', () => {
  it('draws province parameters within the settings, the same for the same key', () => {
    expect(provinceParams(s, 'pre2025:27', 2017)).toEqual(province);
    expect(provinceParams(s, 'pre2025:28', 2017)).not.toEqual(province);
    expect(province.p0).toBeGreaterThanOrEqual(s.certification.baseMin);
    expect(province.p0).toBeLessThan(s.certification.baseMax);
    expect(province.modelRate).toBeGreaterThanOrEqual(s.modelsPer10000.min);
    expect(province.modelRate).toBeLessThan(s.modelsPer10000.max);
  });

  it('sizes a ward larger in enterprises than a commune of the same population', () => {
    const wards = Array.from({ length: 200 }, (_, i) => makeCommune(s, unit('pre2025', `w${i}`, 'Phường'), 8000, `w${i}`, province));
    const communes = Array.from({ length: 200 }, (_, i) => makeCommune(s, unit('pre2025', `c${i}`), 8000, `c${i}`, province));
    const mean = (cs: typeof wards) => cs.reduce((t, c) => t + c.x.enterprises, 0) / cs.length;
    expect(mean(wards)).toBeGreaterThan(2 * mean(communes));
  });

  it('applies the calibration to pre-2025 units only', () => {
    const cal = newCalibration();
    const old = makeCommune(s, unit('pre2025', '09169'), 8000, 'pre2025:09169', province);
    const now = { ...old, unit: unit('2025', '09169') };
    const before = realSize(old, 'residential', 2023, cal);
    cal.factors.set('09169', { residential: 2 });
    expect(realSize(old, 'residential', 2023, cal)).toBeCloseTo(2 * before, 9);
    expect(realSize(now, 'residential', 2023, cal)).toBe(before);
    cal.factors.set('09169', { residential: 0 });
    expect(intSize(old, 'residential', 2023, cal)).toBe(1); // every commune has a residential area
    expect(intSize(old, 'enterprises', 2023, cal)).toBe(Math.floor(realSize(old, 'enterprises', 2023, cal) + old.u.enterprises));
  });

  it('certifies a commune that passes when its score is raised, not when it is lowered', () => {
    const cal = newCalibration();
    const cs = Array.from({ length: 100 }, (_, i) => makeCommune(s, unit('pre2025', `c${i}`), 8000, `c${i}`, province));
    for (const c of cs) cal.zOffset.set(c.unit.code, 10);
    const up = cs.map((c) => natural(s, c, 2023, cal));
    expect(up.every((n) => n.status === 'dat' || n.hotSpot || n.status === 'chua_danh_gia')).toBe(true);
    for (const c of cs) cal.zOffset.set(c.unit.code, -10);
    expect(cs.every((c) => natural(s, c, 2023, cal).status !== 'dat')).toBe(true);
    // the other draws do not move with the score
    expect(cs.map((c) => natural(s, c, 2023, cal).keyArea)).toEqual(up.map((n) => n.keyArea));
  });

  it('certifies fewer bodies in an uncertified commune, always within the total', () => {
    const deficit = { residential: 0.04, agencies: 0.02, enterprises: 0.08, schools: 0.01 };
    let dat = 0;
    let chuaDat = 0;
    for (let i = 0; i < 200; i++) {
      const a = certifiedCount(s.seed, deficit, 'residential', 20, 'dat', false, 2023, `c${i}`);
      const b = certifiedCount(s.seed, deficit, 'residential', 20, 'chua_dat', false, 2023, `c${i}`);
      for (const x of [a, b]) expect(x >= 0 && x <= 20 && Number.isInteger(x)).toBe(true);
      dat += a;
      chuaDat += b;
    }
    expect(chuaDat).toBeLessThan(dat);
    expect(certifiedCount(s.seed, deficit, 'schools', 0, 'dat', true, 2023, 'c0')).toBe(0);
  });
});
