// Which units are assessed, the one rule: communes, and the island districts that had no communes (Bạch Long Vĩ,
// Cồn Cỏ, Hoàng Sa, Trường Sa, Côn Đảo, Lý Sơn before 2025), which report as communes do and have crosswalk links
// of their own to their 2025 đặc khu. The stores keep the rule as SQL (rows.ts), tested against this function.

import type { Unit } from './types.js';

type Leveled = Pick<Unit, 'code' | 'level' | 'districtCode'>;

/** The assessed units among `units` (all of one vintage), in their order. */
export function assessedUnits<U extends Leveled>(units: Iterable<U>): U[] {
  const list = [...units];
  const withCommunes = new Set<string>();
  for (const u of list) if (u.level === 'commune' && u.districtCode) withCommunes.add(u.districtCode);
  return list.filter((u) => u.level === 'commune' || (u.level === 'district' && !withCommunes.has(u.code)));
}
