// The words provincial returns are written in, in one place: unit types and their abbreviations, the
// spellings of a certification result, the marks that mean zero, and the words of rows that are not
// communes (totals, signature blocks). Every list is compared after `normalize` (no diacritics, lower
// case, punctuation as spaces) unless it says otherwise. Column headings live in columns.ts.
//
// Unit types are matched WITH diacritics: "Phượng Sơn" and "Phương Liễu" are names, not "Phường …";
// "Xà Phiên" is not "Xã …". A type written without diacritics ("Phuong Ba Dinh") is only read through
// the diacritics-insensitive suggestion, never applied on its own.

import type { Status } from '../domain/types.js';

/** Commune types (2025 and before) as written in full and abbreviated, lower case with diacritics. */
export const COMMUNE_TYPES: readonly { type: string; spellings: readonly string[] }[] = [
  { type: 'Phường', spellings: ['phường', 'p.', 'p'] },
  { type: 'Xã', spellings: ['xã', 'x.'] },
  { type: 'Thị trấn', spellings: ['thị trấn', 'tt.', 'tt', 't.t.', 't.trấn'] },
  { type: 'Đặc khu', spellings: ['đặc khu', 'đk.'] },
];

/** District-level types before 2025, full and abbreviated. */
export const DISTRICT_TYPES: readonly { type: string; spellings: readonly string[] }[] = [
  { type: 'Thành phố', spellings: ['thành phố', 'tp.', 'tp', 't.p.', 't.phố'] },
  { type: 'Thị xã', spellings: ['thị xã', 'tx.', 'tx', 't.x.'] },
  { type: 'Quận', spellings: ['quận', 'q.'] },
  { type: 'Huyện', spellings: ['huyện', 'h.'] },
];

/**
 * Status spellings understood without asking. Anything else that is not blank is asked once per
 * spelling ("11 dòng ghi "Đ": hiểu là Đạt?"); the answers apply to every row with that spelling.
 */
export const STATUS_WORDS: Readonly<Record<string, Status>> = {
  dat: 'dat',
  x: 'dat',
  co: 'dat',
  '1': 'dat',
  'dat chuan': 'dat',
  'da dat': 'dat',
  'dat tieu chuan': 'dat',
  'dat antt': 'dat',
  'dat chuan antt': 'dat',
  'an toan': 'dat',
  'an toan ve antt': 'dat',
  'an toan ve an ninh trat tu': 'dat',
  'cong nhan': 'dat',
  'duoc cong nhan': 'dat',
  'chua dat': 'chua_dat',
  'khong dat': 'chua_dat',
  'chua dat chuan': 'chua_dat',
  'khong dat chuan': 'chua_dat',
  'chua an toan': 'chua_dat',
  'khong cong nhan': 'chua_dat',
  'chua cong nhan': 'chua_dat',
  '0': 'chua_dat',
  'chua danh gia': 'chua_danh_gia',
  'khong danh gia': 'chua_danh_gia',
  'chua xet': 'chua_danh_gia',
  'chua xet duyet': 'chua_danh_gia',
  cdg: 'chua_danh_gia',
};

/**
 * Spellings seen in returns that are probably a result but could be read two ways: proposed as the
 * answer to the question, never applied until the user confirms.
 */
export const STATUS_GUESSES: Readonly<Record<string, Status>> = {
  d: 'dat',
  'giu vung': 'dat',
  'giu vung dat chuan': 'dat',
  'dat lai': 'dat',
  'ko dat': 'chua_dat',
  'k dat': 'chua_dat',
  kd: 'chua_dat',
  'khong': 'chua_dat',
  'chua': 'chua_dat',
  'mat chuan': 'chua_dat',
  'khong xet': 'chua_danh_gia',
  'chua dg': 'chua_danh_gia',
  'chua xep loai': 'chua_danh_gia',
};

export const STATUS_LABELS: Readonly<Record<Status, string>> = { dat: 'Đạt', chua_dat: 'Chưa đạt', chua_danh_gia: 'Chưa đánh giá' };

/** Zero marks accepted without asking; the others ("x" is ambiguous) are errors in a count column. */
export const ZERO_SURE: ReadonlySet<string> = new Set(['-', '–', '—']);

// The words of rows that are not communes are compared WITH diacritics (`nameKey`): "Cộng Hòa",
// "Tống Trân" and "Đồng Đậu" are communes, not "cộng", "tổng" or "đóng dấu".

/** The name cell of a total row: one of these phrases, or starting with one of them. */
export const TOTAL_PHRASES: readonly string[] = ['tổng cộng', 'tổng số', 'toàn tỉnh', 'toàn thành phố', 'cả tỉnh', 'cộng toàn tỉnh', 'tổng hợp', 'cộng chung'];
/** The name cell of a total row when it is only this word. */
export const TOTAL_WORDS: readonly string[] = ['cộng', 'tổng', 'tổng cộng', 'total'];

/** Words of a signature block, a date line or a note below the table (anywhere in the row). */
export const NOTE_WORDS: readonly string[] = [
  'người lập biểu',
  'người lập',
  'giám đốc',
  'trưởng phòng',
  'thủ trưởng đơn vị',
  'chủ tịch',
  'ký tên',
  'ký, ghi rõ họ tên',
  'ký ghi rõ họ tên',
  'đóng dấu',
  'nơi nhận',
  'xác nhận',
  'lưu vt',
  'ghi chú',
  'chỉ huy trưởng',
];
