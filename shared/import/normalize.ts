// Spreadsheet text compared the way people type it. Two strengths:
// - `normalize`: no diacritics, any case, any spacing — for headings and value spellings, and for a
//   name only as a suggestion (it makes "Đồng Kỵ" equal to "Đồng Kỳ");
// - `nameKey`: keeps every diacritic but forgives what does not change the name: case, spacing,
//   Unicode composition (NFC/NFD) and the old/new tone-mark placement ("hoà" = "hòa", "thuỷ" = "thủy").

import { stripDiacritics } from '../lib/diacritics.js';
import { COMMUNE_TYPES, DISTRICT_TYPES } from './dictionary.js';

/** "Kết quả  ANTT (Đạt/Chưa đạt)" → "ket qua antt dat chua dat". */
export function normalize(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// The five tone marks (grave, acute, tilde, hook above, dot below); the other marks (circumflex,
// breve, horn) belong to the vowel and stay where they are.
const isTone = (c: number) => c === 0x300 || c === 0x301 || c === 0x303 || c === 0x309 || c === 0x323;
const WORD_CHAR = /[\p{L}\p{M}0-9]/u;

/**
 * "Phường  Hoà  Bình" and "phường hòa bình" → the same key; "Đồng Kỵ" and "Đồng Kỳ" stay apart.
 * Each syllable's tone mark is moved to the syllable's end, so any placement gives one key.
 * One pass over the characters: it runs for every name of a 3,321-row file (see `npm run bench`).
 */
export function nameKey(s: string): string {
  const d = s.normalize('NFD').toLowerCase();
  let out = '';
  let tone = '';
  let inWord = false;
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    // Lower-case ASCII and digits, combining marks, and other letters (a surrogate pair as one).
    const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < d.length;
    const ch = wide ? d.slice(i, i + 2) : d[i];
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x300 && c <= 0x36f) || (c > 127 && WORD_CHAR.test(ch))) {
      if (!inWord && out !== '') out += ' ';
      inWord = true;
      if (!isTone(c)) out += ch;
      else if (tone === '') tone = ch;
    } else if (inWord) {
      out += tone;
      tone = '';
      inWord = false;
    }
    if (wide) i++;
  }
  return (out + tone).normalize('NFC');
}

export interface TypedName {
  /** The type the text starts with ("Phường"), or null. */
  type: string | null;
  /** The rest, as a key (`nameKey`). */
  key: string;
}

function splitTyped(text: string, types: typeof COMMUNE_TYPES): TypedName {
  const t = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  for (const { type, spellings } of types) {
    for (const sp of spellings) {
      if (!t.startsWith(sp)) continue;
      const rest = t.slice(sp.length);
      // "P.Ba Đình", "P. Ba Đình", "Phường Ba Đình" — but "Phượng Sơn" does not start with "phường",
      // and "Pác Nặm" does not start with "p": an abbreviation without a dot needs a space after it.
      if (sp.endsWith('.') ? rest.trim() !== '' : rest.startsWith(' ') && rest.trim() !== '') return { type, key: nameKey(rest) };
    }
  }
  return { type: null, key: nameKey(t) };
}

/** "P. Đông Ngàn" → { type: "Phường", key: "đông ngàn" }; "Phượng Sơn" → { type: null, key: "phượng sơn" }. */
export const splitCommuneName = (text: string) => splitTyped(text, COMMUNE_TYPES);
/** "TP. Bắc Ninh" → { type: "Thành phố", key: "bắc ninh" }. */
export const splitDistrictName = (text: string) => splitTyped(text, DISTRICT_TYPES);

/** Whether a text starts with a district-level type word ("Huyện Yên Thế", "TX. Từ Sơn"). */
export const startsWithDistrictType = (text: string) => splitDistrictName(text).type !== null;
