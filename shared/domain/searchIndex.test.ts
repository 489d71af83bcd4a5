import { describe, expect, it } from 'vitest';
import { buildSearchIndex, fullNameOf } from './searchIndex.js';
import type { CrosswalkLink, Unit } from './types.js';

function unit(vintage: Unit['vintage'], level: Unit['level'], code: string, type: string, name: string, provinceCode: string, districtCode: string | null = null, fullName = `${type} ${name}`): Unit {
  return { vintage, level, code, type, name, fullName, provinceCode, districtCode, population: null, areaKm2: null };
}
const byCode = (us: Unit[]) => new Map(us.map((u) => [u.code, u]));

describe('buildSearchIndex', () => {
  const now = byCode([
    unit('2025', 'province', '24', 'Tỉnh', 'Bắc Ninh', '24'),
    unit('2025', 'commune', '09367', 'Phường', 'Từ Sơn', '24'),
    unit('2025', 'commune', '09368', 'Phường', 'Tam Sơn', '24'),
    unit('2025', 'commune', '09370', 'Phường', 'Đồng Nguyên', '24'),
    unit('2025', 'commune', '09999', 'Xã', 'Bắc Sơn', '24', null, 'xã Bắc Sơn'),
  ]);
  const old = byCode([
    unit('pre2025', 'province', '27', 'Tỉnh', 'Bắc Ninh', '27'),
    unit('pre2025', 'district', '261', 'Thành phố', 'Từ Sơn', '27'),
    unit('pre2025', 'commune', '09367', 'Phường', 'Đông Ngàn', '27', '261'),
    unit('pre2025', 'commune', '09370', 'Phường', 'Đồng Nguyên', '27', '261'),
    unit('pre2025', 'commune', '09371', 'Phường', 'Tân Hồng', '27', '261'),
    unit('pre2025', 'commune', '09372', 'Phường', 'Phường 1', '27', '261', 'Phường 1'), // as the source writes numbered wards
    unit('pre2025', 'district', '498', 'Huyện', 'Hoàng Sa', '48'),
  ]);
  const links: CrosswalkLink[] = [
    { oldCode: '09367', newCode: '09367', relation: 'full', weight: 1 },
    { oldCode: '09370', newCode: '09370', relation: 'full', weight: 1 },
    { oldCode: '09371', newCode: '09367', relation: 'partial', weight: 0.3 },
    { oldCode: '09371', newCode: '09368', relation: 'partial', weight: 0.7 },
    { oldCode: '09372', newCode: '09999', relation: 'full', weight: 1 },
    { oldCode: '498', newCode: '20333', relation: 'full', weight: 1 }, // a target missing from today's units
  ];
  const index = buildSearchIndex(now, old, links);

  it("lists today's provinces and communes as compact rows", () => {
    expect(index.provinces).toEqual([['24', 'Bắc Ninh', 'Tỉnh', '']]);
    expect(index.communes).toContainEqual(['09367', 'Từ Sơn', 'Phường', '24']);
    // The full name travels only where it is not "type name".
    expect(index.communes).toContainEqual(['09999', 'Bắc Sơn', 'Xã', '24', 'xã Bắc Sơn']);
  });

  it('makes old names aliases of their successors, the largest share first, and skips unchanged ones', () => {
    expect(index.aliases).toEqual([
      ['09367', 'Đông Ngàn', 'Phường', '261', ['09367']],
      ['09371', 'Tân Hồng', 'Phường', '261', ['09368', '09367']],
      ['09372', 'Phường 1', 'Phường', '261', ['09999'], 'Phường 1'],
    ]);
  });

  it('gives each old province the 2025 province its communes went into, and keeps the districts for context', () => {
    expect(index.oldProvinces).toEqual([['27', 'Bắc Ninh', 'Tỉnh', '24']]);
    expect(index.oldDistricts).toEqual([
      ['261', 'Từ Sơn', 'Thành phố', '27'],
      ['498', 'Hoàng Sa', 'Huyện', '48'],
    ]);
  });

  it('reads full names back', () => {
    expect(fullNameOf({ name: 'Từ Sơn', type: 'Phường' })).toBe('Phường Từ Sơn');
    expect(fullNameOf({ name: 'Phường 1', type: 'Phường', fullName: 'Phường 1' })).toBe('Phường 1');
  });
});
