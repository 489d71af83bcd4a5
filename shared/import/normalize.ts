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
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * "Phường  Hoà  Bình" and "phường hòa bình" → the same key; "Đồng Kỵ" and "Đồng Kỳ" stay apart.
 * Each syllable's tone mark is moved to the syllable's end, so any placement gives one key.
 */
export function nameKey(s: string): string {
  return s
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}0-9]+/gu, ' ')
    .trim()
    .split(' ')
    .map((syl) => {
      const tones = syl.match(TONES);
      return tones ? syl.replace(TONES, '') + tones[0] : syl;
    })
    .join(' ')
    .normalize('NFC');
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
