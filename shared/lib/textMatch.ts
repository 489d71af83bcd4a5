// Comparing Vietnamese place names as people type them: without diacritics, with typos.

import { stripDiacritics } from './diacritics.js';

const folded = new Map<string, string>();

/** One character folded: "Ộ" → "o", "đ" → "d", a combining mark → "", punctuation → " ". */
function fold(ch: string): string {
  let f = folded.get(ch);
  if (f === undefined) {
    f = stripDiacritics(ch).toLowerCase();
    if (f !== '' && !/^[a-z0-9]+$/.test(f)) f = ' ';
    folded.set(ch, f);
  }
  return f;
}

/** Lowercase, no diacritics, đ → d, punctuation as spaces, single spaces: "Đông  Ngàn," → "dong ngan". */
export function normalize(s: string): string {
  // Character by character, ASCII directly and the rest through a memo: String.normalize on every
  // name made building the index slow.
  let out = '';
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f =
      c >= 97 && c <= 122 || c >= 48 && c <= 57 ? s[i] : c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : c < 128 ? ' ' : fold(s[i]);
    if (f === ' ') {
      if (!space) out += ' ';
      space = true;
    } else if (f !== '') {
      out += f;
      space = false;
    }
  }
  return space ? out.slice(0, -1) : out;
}

export function tokenize(s: string): string[] {
  const n = normalize(s);
  return n ? n.split(' ') : [];
}

/** True when the text carries any Vietnamese diacritic (or đ): then the user typed them on purpose. */
export const hasDiacritics = (s: string): boolean => /[\u00c0-\u024f\u1e00-\u1eff]|[\u0300-\u036f]/.test(s);

/**
 * The words with their diacritics, each as base letters plus its marks in a fixed order, so that
 * "Hoá" and "Hóa" (two accepted placements of the tone) are the same word and "Vĩnh" is not "Vinh".
 */
export function accentedWords(s: string): string[] {
  return s
    .toLowerCase()
    .normalize('NFD')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => `${w.replace(/[\u0300-\u036f]/g, '')}|${[...w.replace(/[^\u0300-\u036f]/g, '')].sort().join('')}`);
}

/** Optimal-string-alignment distance (Damerau–Levenshtein, adjacent transpositions); max + 1 as soon as it exceeds max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

export const EXACT = 3;
export const PREFIX = 2;

/** How well a typed word (normalised) matches a name's word: 3 equal, 2 prefix, 1 one edit, 0.5 two edits, 0 not at all. */
export function wordQuality(typed: string, word: string): number {
  if (typed === word) return EXACT;
  if (word.startsWith(typed)) return PREFIX;
  // Two-letter words are too alike ("xa", "ha", "an") for an edit to mean a typo.
  const max = typed.length >= 7 ? 2 : typed.length >= 3 ? 1 : 0;
  if (max === 0) return 0;
  const d = editDistance(typed, word, max);
  return d > max ? 0 : d === 1 ? 1 : 0.5;
}
