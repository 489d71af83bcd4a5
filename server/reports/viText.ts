/** Vietnamese typography of official documents (Nghị định 30/2020/NĐ-CP): dates, lists, unit words. */

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "ngày 06 tháng 02 năm 2024": days below 10 and months below 3 take a leading zero, as official documents write
 * them (so "tháng 02" but "tháng 3"). The date is read in Vietnam's time zone.
 */
export function longDate(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const month = get('month');
  return `ngày ${pad2(get('day'))} tháng ${month < 3 ? pad2(month) : month} năm ${get('year')}`;
}

/** "A, B và C". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** Unit types in the order the reports list them. */
export const TYPE_ORDER = ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'] as const;

/** Lower-case unit word: "xã", "phường", "thị trấn", "đặc khu". */
export const typeWord = (type: string) => type.toLocaleLowerCase('vi-VN');

/** The types present, in report order, as one phrase: "xã, phường, thị trấn". */
export function typesPhrase(types: Iterable<string>): string {
  const present = new Set(types);
  const ordered = [...TYPE_ORDER.filter((t) => present.has(t)), ...[...present].filter((t) => !(TYPE_ORDER as readonly string[]).includes(t))];
  return ordered.map(typeWord).join(', ') || 'xã, phường';
}

/** Upper case for heading blocks: "TỈNH BẮC NINH". */
export const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
