// Removing Vietnamese diacritics, the one rule: the text decomposed (NFD), its combining marks dropped (tones,
// circumflex, breve, horn), đ/Đ made d/D. Case and everything else stay; each caller folds case and
// punctuation as its use needs (search, spreadsheet headings, file names, the census's province names).

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** "Đồng Kỵ, Thuỷ" → "Dong Ky, Thuy". */
export const stripDiacritics = (s: string): string => s.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
