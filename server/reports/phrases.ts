// The phrases the report's sentences are made of: tallies, rates, the place's words, lists of communes.

import { formatCount, formatPercent } from '../../shared/lib/format.js';
import { formatPoints } from '../../shared/export/keyFigures.js';
import { coverage, type Aggregate, type ReportedFigure } from '../../shared/domain/aggregate.js';
import type { Tally } from '../../shared/domain/types.js';
import type { CommuneLine, ReportFigures, ReportPlace } from './reportFigures.js';
import { joinAnd, typesPhrase, typeWord } from './viText.js';

export const STANDARD = '“An toàn về an ninh, trật tự”';
export const MOVEMENT = 'phong trào Toàn dân bảo vệ an ninh Tổ quốc';
/** Lists longer than this name the first ones and refer to the table. */
const MAX_NAMED = 12;

export const tally = (t: Tally) => `${formatCount(t.certified)}/${formatCount(t.total)}`;
export const share = (t: Tally) => formatPercent(t.total > 0 ? t.certified / t.total : null);
/** " (báo cáo 87/120 xã)" after a figure some communes did not report: the sum, its rate or the flag's count are over those. */
export const cov = (a: Aggregate, f: ReportedFigure) => {
  const c = coverage(a, f);
  return c ? ` (${c})` : '';
};
export const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);

/** "toàn tỉnh", "toàn thành phố", "toàn quốc"; a commune speaks of itself. */
export function subject(p: ReportPlace): string {
  if (p.kind === 'country') return 'toàn quốc';
  if (p.kind === 'commune') return p.fullName;
  return `toàn ${typeWord(p.type)}`;
}

/** "trên địa bàn tỉnh", "trên toàn quốc", "trên địa bàn thị trấn". */
export function where(p: ReportPlace): string {
  return p.kind === 'country' ? 'trên toàn quốc' : `trên địa bàn ${typeWord(p.type)}`;
}

/** The communes' unit words as the place has them: "xã, phường, thị trấn". */
export function communeWords(a: Aggregate): string {
  return typesPhrase(Object.keys(a.communes.byType));
}

/** "tăng 1,32 điểm %", "giảm 0,50 điểm %", "không thay đổi": the key figures' rounding (formatPoints), in words. */
export function changeWords(now: number | null, before: number | null): string | null {
  const p = formatPoints(now, before);
  if (p === '–') return null;
  const sign = p[0];
  const size = p.slice(1);
  return sign === '+' ? `tăng ${size}` : sign === '−' ? `giảm ${size}` : 'không thay đổi';
}

export function basisNote(prev: NonNullable<ReportFigures['previous']>): string {
  if (prev.basis === 'old-units') return ` (năm ${prev.year} tính trên ${formatCount(prev.total.communes.total)} xã, phường, thị trấn cũ, trước sắp xếp)`;
  if (prev.basis === 'crosswalk') return ` (năm ${prev.year} quy đổi từ các xã, phường, thị trấn cũ theo bảng chuyển đổi ngày 01/7/2025)`;
  return '';
}

/** "Xã A (chưa đạt 2 năm liền; địa bàn trọng điểm)". */
const named = (c: CommuneLine, country: boolean) => `${c.fullName}${country ? ` (${c.provinceName})` : ''}${c.reasons.length ? ` (${c.reasons.join('; ')})` : ''}`;

function nameList(list: readonly CommuneLine[], country: boolean): string {
  const shown = list.slice(0, MAX_NAMED).map((c) => named(c, country));
  const rest = list.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} và ${formatCount(rest)} đơn vị khác (xem bảng số liệu)` : joinAnd(shown);
}

/** For the country, where the communes of a list lie: "nhiều nhất ở Tỉnh A (12), Tỉnh B (9)". */
function byProvince(list: readonly CommuneLine[]): string {
  const counts = new Map<string, number>();
  for (const c of list) counts.set(c.provinceName, (counts.get(c.provinceName) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi')).slice(0, 5);
  return `nhiều nhất ở ${top.map(([p, n]) => `${p} (${formatCount(n)})`).join(', ')}`;
}

export const listOf = (f: ReportFigures, list: readonly CommuneLine[]) => (f.place.kind === 'country' && list.length > MAX_NAMED ? byProvince(list) : nameList(list, f.place.kind === 'country'));
