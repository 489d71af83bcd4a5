import type { Status } from './types.js';

/**
 * The compact form of "each unit's status" that the map colours from (/api/stats?fields=status): a few hundred
 * bytes compressed where the full answer is about 100 KB, so the route serves it at a fraction of the cost.
 */

/** One character per unit; '-' is no data. */
const CHAR: Record<Status, string> = { dat: 'd', chua_dat: 'c', chua_danh_gia: 'n' };
const STATUS_OF: Record<string, Status | null> = { d: 'dat', c: 'chua_dat', n: 'chua_danh_gia', '-': null };

/**
 * Unit codes in order. Codes of one width (every 2025 commune: 5 digits) go as the differences between
 * successive numeric values, small numbers that compress to a fraction of the codes themselves;
 * a list of mixed widths (the old island districts among the pre-2025 communes) goes as it is.
 */
export type PackedCodes = { width: number; deltas: number[] } | { list: string[] };

export function packCodes(codes: readonly string[]): PackedCodes {
  const width = codes[0]?.length ?? 0;
  if (!codes.every((c) => c.length === width && /^\d+$/.test(c))) return { list: [...codes] };
  let previous = 0;
  return {
    width,
    deltas: codes.map((c) => {
      const d = Number(c) - previous;
      previous = Number(c);
      return d;
    }),
  };
}

export function unpackCodes(p: PackedCodes): string[] {
  if ('list' in p) return p.list;
  let value = 0;
  return p.deltas.map((d) => String((value += d)).padStart(p.width, '0'));
}

export function packStatuses(statuses: readonly (Status | null)[]): string {
  return statuses.map((s) => (s ? CHAR[s] : '-')).join('');
}

/** The statuses back, one per code; throws on a character that is not a status or a length that does not match. */
export function unpackStatuses(packed: string, count: number): (Status | null)[] {
  if (packed.length !== count) throw new Error(`Chuỗi tình trạng có ${packed.length} ký tự cho ${count} đơn vị`);
  return [...packed].map((ch, i) => {
    const s = STATUS_OF[ch];
    if (s === undefined) throw new Error(`Ký tự tình trạng không hợp lệ "${ch}" ở vị trí ${i}`);
    return s;
  });
}
