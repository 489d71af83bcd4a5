// The small two-vintage reference of the store tests (an island district without communes included).

import type { Unit } from '../../shared/domain/types.js';
import type { BatchWrite, Reference } from '../../server/store/store.js';
import { sampleRow, type Row } from './importFixture.js';

export const unit = (u: Partial<Unit> & Pick<Unit, 'vintage' | 'code' | 'level' | 'provinceCode'>): Unit => ({
  name: `U${u.code}`,
  fullName: `Unit U${u.code}`,
  type: u.level === 'province' ? 'Tỉnh' : u.level === 'district' ? 'Huyện' : 'Xã',
  districtCode: null,
  population: 1000,
  areaKm2: null,
  ...u,
});

export const REF: Reference = {
  units: [
    unit({ vintage: '2025', code: '01', level: 'province', provinceCode: '01' }),
    unit({ vintage: '2025', code: '02', level: 'province', provinceCode: '02' }),
    unit({ vintage: '2025', code: '00001', level: 'commune', provinceCode: '01', areaKm2: 10 }),
    unit({ vintage: '2025', code: '00002', level: 'commune', provinceCode: '02', areaKm2: 30, population: null }),
    unit({ vintage: 'pre2025', code: '01', level: 'province', provinceCode: '01' }),
    unit({ vintage: 'pre2025', code: '001', level: 'district', provinceCode: '01' }),
    unit({ vintage: 'pre2025', code: '009', level: 'district', provinceCode: '01' }), // island district, no communes
    unit({ vintage: 'pre2025', code: '10001', level: 'commune', provinceCode: '01', districtCode: '001' }),
    unit({ vintage: 'pre2025', code: '10002', level: 'commune', provinceCode: '01', districtCode: '001' }),
    unit({ vintage: 'pre2025', code: '10003', level: 'commune', provinceCode: '01', districtCode: '001' }),
  ],
  crosswalk: [
    { oldCode: '10001', newCode: '00001', relation: 'full', weight: 1 },
    { oldCode: '10002', newCode: '00001', relation: 'partial', weight: 0.25 },
    { oldCode: '10002', newCode: '00002', relation: 'partial', weight: 0.75 },
    { oldCode: '10003', newCode: '00002', relation: 'full', weight: 1 },
    { oldCode: '009', newCode: '00002', relation: 'full', weight: 1 },
  ],
};

export const row = sampleRow;
export const batch = (origin: BatchWrite['origin'], assessments: Row[], provinceReturns: BatchWrite['provinceReturns'] = []): BatchWrite => ({
  origin,
  source: `${origin} test`,
  note: 'test',
  assessments,
  provinceReturns,
});
