// Search over today's provinces and communes and their pre-2025 names: diacritics-insensitive, typo-tolerant.
// The index is built by searchEntries.ts, an entry matched and ranked by searchMatch.ts.
import { accentedWords, hasDiacritics, tokenize } from './textMatch.js';
import type { Entry, SearchIndex, SearchResult } from './searchEntries.js';
import { match, parseQuery, ranks, type Hit, type Query } from './searchMatch.js';

export { buildIndex, type SearchIndex, type SearchResult } from './searchEntries.js';

/**
 * The entries a query can match: those whose name holds a word one of the query's words matches at all
 * (match() finds nothing in the others but the words run together or initials), and for a one-word query
 * those it can match glued. In index order, each once.
 */
function candidates(index: SearchIndex, query: Query): Entry[] {
  const { entries, byWord, seen } = index;
  const stamp = (index.stamp = (index.stamp + 1) >>> 0 || (seen.fill(0), 1));
  const taken: number[] = [];
  const take = (i: number) => {
    if (seen[i] !== stamp) {
      seen[i] = stamp;
      taken.push(i);
    }
  };
  for (const q of [...query.words, ...query.phrases.flatMap((p) => p.words)]) {
    for (let w = 0; w < q.length; w++) if (q[w] > 0) for (const i of byWord[w]) take(i);
  }
  const g = query.glued;
  if (g.length >= 2) {
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if ((g.length >= 4 && e.joined.startsWith(g)) || g === e.initials || g === e.typedInitials) take(i);
    }
  }
  return taken.sort((a, b) => a - b).map((i) => entries[i]);
}

/**
 * The best `limit` results. Ranked by: exact full name (with its type) > exact name > every word a
 * prefix > typos; then the query's type words, closeness, its diacritics where it has any; today's
 * units before old names; provinces first; shorter names; alphabetical.
 */
export function search(index: SearchIndex, text: string, limit = 10): SearchResult[] {
  const tokens = tokenize(text);
  if (tokens.join('').length < 2) return [];
  const query = parseQuery(index, tokens);
  const accented = hasDiacritics(text) ? accentedWords(text) : null;
  // The best `limit` so far, best first: the order is total (alpha is unique), so this is the head of the full sort.
  const best: Hit[] = [];
  for (const e of candidates(index, query)) {
    const hit = match(e, query);
    if (!hit) continue;
    if (accented) {
      // Whether the query's diacritics could lift it into the list, before they are counted.
      hit.accents = accented.length;
      if (best.length === limit && ranks(hit, best[limit - 1]) >= 0) continue;
      hit.accents = 0;
      e.accents ??= new Set(accentedWords(e.shown));
      for (const a of accented) if (e.accents.has(a)) hit.accents++;
    }
    if (best.length === limit && ranks(hit, best[limit - 1]) >= 0) continue;
    let at = best.length;
    while (at > 0 && ranks(hit, best[at - 1]) < 0) at--;
    best.splice(at, 0, hit);
    if (best.length > limit) best.pop();
  }
  return best.map((h) => h.entry.result);
}
