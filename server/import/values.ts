// One cell → one value, or a problem with a hint; a rate cell against its counts. The common spellings
// people use are accepted (the list is in dictionary.ts); other spellings of a result are asked once
// for the whole file (questions.ts).

import type { Status } from '../../shared/domain/types.js';
import { STATUS_WORDS } from '../../shared/import/dictionary.js';
import { normalize } from '../../shared/import/normalize.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; hint: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string, hint: string): Parsed<T> => ({ ok: false, message, hint });

/** "Đạt", "đạt", "x" → dat; "Chưa đạt" → chua_dat; blank or "Chưa đánh giá" → chua_danh_gia. */
export function parseStatus(raw: string): Parsed<Status> {
  if (raw.trim() === '') return ok('chua_danh_gia');
  const s = STATUS_WORDS[normalize(raw)];
  if (s) return ok(s);
  return bad(`Không hiểu kết quả "${raw.trim()}"`, 'Ghi "Đạt", "Chưa đạt", hoặc để trống nếu chưa đánh giá.');
}

/** The largest count accepted in one cell: more is surely a typing slip (e.g. a phone number). */
const MAX_COUNT = 1_000_000;

/** A count: digits, with "." or spaces as thousands separators (1.234); blank = 0. */
export function parseCount(raw: string): Parsed<number> {
  const t = raw.trim().replace(/[\s\u00a0]/g, '');
  if (t === '') return ok(0);
  const hint = 'Ghi một số nguyên không âm, ví dụ 12 (để trống nếu là 0).';
  let digits: string | null = null;
  if (/^\d+$/.test(t)) digits = t;
  else if (/^\d{1,3}(\.\d{3})+$/.test(t)) digits = t.replace(/\./g, '');
  else if (/^\d+\.0+$/.test(t)) digits = t.replace(/\.0+$/, ''); // Excel's "12.0"
  if (digits === null) {
    if (/^[-−]\s*\d/.test(t)) return bad(`Số âm "${raw.trim()}"`, hint);
    if (/^\d+([.,]\d+)?$/.test(t)) return bad(`"${raw.trim()}" không phải số nguyên`, hint);
    return bad(`"${raw.trim()}" không phải là số`, hint);
  }
  const n = Number(digits);
  if (n > MAX_COUNT) return bad(`Số ${raw.trim()} quá lớn`, `Mỗi ô tối đa ${MAX_COUNT.toLocaleString('vi-VN')}; hãy kiểm tra lại.`);
  return ok(n);
}

const YES = new Set(['x', 'co', '1', 'yes', 'true', 'v', 'dung', 'phai']);
const NO = new Set(['khong', '0', 'no', 'false', 'sai']);

/** A yes/no cell: "x", "có", "1" → true; blank, "không", "0" → false. */
export function parseFlag(raw: string): Parsed<boolean> {
  if (raw.trim() === '') return ok(false);
  // Only punctuation ("??") normalises to '' too: that is not a blank cell.
  const n = normalize(raw.replace(/[✓✔]/g, 'x')) || '?';
  if (YES.has(n)) return ok(true);
  if (NO.has(n)) return ok(false);
  return bad(`Không hiểu giá trị "${raw.trim()}"`, 'Ghi "x" nếu có, để trống nếu không.');
}

/** A commune code; Excel drops leading zeros (00004 → 4), so short codes are padded back. */
export function parseCode(raw: string): Parsed<string> {
  const t = raw.trim().replace(/\.0+$/, '');
  if (t === '') return ok('');
  if (!/^\d{1,5}$/.test(t)) return bad(`Mã "${raw.trim()}" không hợp lệ`, 'Mã xã gồm 5 chữ số, ví dụ 00004; xem mẫu tải về.');
  return ok(t);
}

/** "85", "85%", "85,5", "0,85" against certified/total: a message when they disagree. */
export function rateMismatch(raw: string, certified: number, total: number): string | null {
  const t = raw.replace('%', '').replace(',', '.').trim();
  const v = Number(t);
  const pct = (certified / total) * 100;
  const shown = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  if (t === '' || !Number.isFinite(v)) return `Tỷ lệ "${raw}" không phải là số`;
  // Rounded to a whole percent at worst; a fraction (0,85) when the cell is formatted as a percentage.
  if (Math.abs(v - pct) <= 0.51 || (v <= 1 && Math.abs(v * 100 - pct) <= 0.51)) return null;
  return `Tỷ lệ ghi ${shown(v <= 1 && !raw.includes('%') && pct > 1 ? v * 100 : v)} % nhưng ${certified}/${total} = ${shown(pct)} %`;
}
