// Spreadsheet text compared the way people type it: with or without diacritics, any case, any spacing.

/** "Kết quả  ANTT (Đạt/Chưa đạt)" → "ket qua antt dat chua dat". */
export function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const UNIT_TYPES = ['thi tran', 'dac khu', 'phuong', 'xa'];

/** A commune's name without its type, normalised: "Phường Đông Ngàn" and "dong ngan" → "dong ngan". */
export function normalizeUnitName(s: string): string {
  const n = normalize(s);
  for (const t of UNIT_TYPES) if (n.startsWith(`${t} `)) return n.slice(t.length + 1);
  return n;
}
