import { aggregate, type Aggregate, type WeightedFigures } from './aggregate.js';
import type { CommuneFigures } from './figures.js';
import type { CrosswalkLink } from './types.js';

/** Said wherever an area's year before the reform is shown on its old communes. */
export const OLD_UNITS_NOTE =
  'Số liệu của tỉnh và cả nước các năm trước 2025 là số liệu báo cáo của các xã cũ (trước sắp xếp) hợp thành tỉnh mới, ' +
  'không phải số quy đổi: xã cũ nhập trọn được tính nguyên; xã cũ chia cho nhiều tỉnh được tính theo tỷ lệ diện tích trong bảng chuyển đổi 01/7/2025. ' +
  '(An area\'s figures before 2025 are the reported figures of the old communes that make it up.)';

/** One area's figures on its old communes, and how many of them lie only partly inside it. */
export interface OldUnitsArea {
  total: Aggregate;
  /** Old communes counted for a share (split between this area and another). */
  split: number;
  /** Whether the figures of one of its old communes are sample data. */
  sample: boolean;
}

/** An area none of whose old communes reported. */
export const noOldUnits = (): OldUnitsArea => ({ total: aggregate([]), split: 0, sample: false });

/**
 * Each 2025 province's figures of a year before the reform, from its old communes as they were reported (never the
 * roll-up). An old commune belongs to the provinces of the new communes it went into, for the sum of its links'
 * weights in each; an old commune whose links all stay in one province counts whole. The country is every old
 * commune once.
 */
export function oldUnitsByProvince(
  old: readonly CommuneFigures[],
  links: readonly CrosswalkLink[],
  provinceOfNew: ReadonlyMap<string, string>,
): { country: OldUnitsArea; provinces: Map<string, OldUnitsArea> } {
  const shares = new Map<string, Map<string, number>>();
  for (const l of links) {
    const p = provinceOfNew.get(l.newCode);
    if (p === undefined) continue;
    const m = shares.get(l.oldCode) ?? new Map<string, number>();
    m.set(p, (m.get(p) ?? 0) + l.weight);
    shares.set(l.oldCode, m);
  }
  const rows = new Map<string, WeightedFigures[]>();
  const split = new Map<string, number>();
  for (const c of old) {
    const m = shares.get(c.code);
    if (!m) continue;
    const sum = [...m.values()].reduce((s, w) => s + w, 0);
    for (const [p, w] of m) {
      const share = w / sum;
      const list = rows.get(p) ?? [];
      list.push(share === 1 ? c : { ...c, weight: share });
      rows.set(p, list);
      if (share !== 1) split.set(p, (split.get(p) ?? 0) + 1);
    }
  }
  const sample = (r: readonly CommuneFigures[]) => r.some((c) => c.origin === 'sample');
  const provinces = new Map([...rows].map(([p, r]) => [p, { total: aggregate(r), split: split.get(p) ?? 0, sample: sample(r) }]));
  return { country: { total: aggregate(old), split: 0, sample: sample(old) }, provinces };
}
