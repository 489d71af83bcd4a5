import type { CommuneFigures } from '../../shared/domain/figures.js';

/** A certified commune of province 01 with round figures; tests override what they are about. */
export function communeFigures(code: string, over: Partial<CommuneFigures> = {}): CommuneFigures {
  return {
    code,
    name: `Xã ${code}`,
    type: 'Xã',
    provinceCode: '01',
    districtCode: null,
    population: 10_000,
    areaKm2: 10,
    origin: 'sample',
    status: 'dat',
    exemplary: false,
    keyArea: false,
    hotSpot: false,
    residential: { total: 10, certified: 10 },
    agencies: { total: 0, certified: 0 },
    enterprises: { total: 0, certified: 0 },
    schools: { total: 0, certified: 0 },
    models: 5,
    ...over,
  };
}
