// How one entry of the search index matches a parsed query, and how two hits rank (see search() in search.ts).
import { EXACT, PREFIX, wordQuality } from './textMatch.js';
import type { Entry, SearchIndex } from './searchEntries.js';

/** Query words that name a unit type (normalised), and the type they stand for. */
const TYPE_WORDS: Record<string, string> = {
  'thi tran': 'thi tran', tt: 'thi tran', 'thi xa': 'thi xa', tx: 'thi xa', 'thanh pho': 'thanh pho', tp: 'thanh pho',
  'dac khu': 'dac khu', xa: 'xa', phuong: 'phuong', tinh: 'tinh', quan: 'quan', huyen: 'huyen',
};

/** Typed words kept in SearchIndex.qualities before it starts afresh (each array is one float per vocabulary word). */
const QUALITY_CACHE = 256;

export interface Query {
  words: Float32Array[]; // per word: its quality against each vocabulary word
  phrases: { type: string; words: Float32Array[] }[];
  glued: string; // the only name word, for "dongngan", "hcm"
}

export function parseQuery(index: SearchIndex, tokens: string[]): Query {
  const cache = index.qualities;
  if (cache.size > QUALITY_CACHE) cache.clear();
  const q = (t: string) => cache.get(t) ?? cache.set(t, Float32Array.from(index.vocabulary, (v) => wordQuality(t, v))).get(t)!;
  const words: string[] = [];
  const phrases: Query['phrases'] = [];
  for (let i = 0; i < tokens.length; i++) {
    const two = `${tokens[i]} ${tokens[i + 1]}`;
    if (TYPE_WORDS[two]) {
      phrases.push({ type: TYPE_WORDS[two], words: [q(tokens[i]), q(tokens[++i])] });
    } else if (TYPE_WORDS[tokens[i]]) phrases.push({ type: TYPE_WORDS[tokens[i]], words: [q(tokens[i])] });
    else words.push(tokens[i]);
  }
  return { words: words.map(q), phrases, glued: words.length === 1 ? words[0] : '' };
}

/** The best unused word (quality ≥ min) a typed word matches, or -1. */
function pick(q: Float32Array, words: number[], used: Uint8Array, min: number): number {
  let at = -1;
  let best = 0;
  for (let i = 0; i < words.length; i++) {
    const v = q[words[i]];
    if (v >= min && v > best && !used[i]) {
      best = v;
      at = i;
    }
  }
  return at;
}

export interface Hit {
  entry: Entry;
  tier: number; // 4 exact full name, 3 exact name, 2 every word a prefix, 1 typos
  typeScore: number;
  quality: number;
  lead: boolean; // the query starts where the name starts
  accents: number;
}

const ANY = 0.1;
const used = new Uint8Array(64);
const usedContext = new Uint8Array(64);

/** Words run together ("dongngan") or initials ("hcm", "tphcm"): as good as a typo. */
function glued(e: Entry, g: string, typeScore: number): Hit | null {
  const hit = (g.length >= 4 && e.joined.startsWith(g)) || (g.length >= 2 && (g === e.initials || g === e.typedInitials));
  return hit ? { entry: e, tier: 1, typeScore, quality: 1, lead: true, accents: 0 } : null;
}

// Scratch space of match(), reused: a query calls it for thousands of entries.
const leftovers: Float32Array[] = [];
const picked = new Int32Array(2);

export function match(e: Entry, query: Query): Hit | null {
  const name = e.words;
  used.fill(0, 0, name.length);
  let sum = 0;
  let nameWorst = EXACT;
  leftovers.length = 0;
  let last = -1;
  let first = -1;
  let ordered = true; // "loc vinh" finds "Lộc Vĩnh" exactly, "Vĩnh Lộc" only as well as a prefix
  for (const q of query.words) {
    const i = pick(q, name, used, ANY);
    if (i < 0) leftovers.push(q);
    else {
      ordered &&= i > last;
      if (last < 0) first = i;
      last = i;
      used[i] = 1;
      sum += q[name[i]];
      nameWorst = Math.min(nameWorst, q[name[i]]);
    }
  }
  let typeScore = 0;
  for (const p of query.phrases) {
    // A type word can be part of a name ("Phường 1", "Quan Sơn"); otherwise it only tells types apart.
    const n = p.words.length;
    let all = true;
    for (let k = 0; k < n; k++) {
      const i = pick(p.words[k], name, used, PREFIX);
      if (i >= 0) used[i] = 1;
      else all = false;
      picked[k] = i;
    }
    if (all) {
      for (let k = 0; k < n; k++) {
        sum += p.words[k][name[picked[k]]];
        nameWorst = Math.min(nameWorst, p.words[k][name[picked[k]]]);
      }
    } else {
      for (let k = 0; k < n; k++) if (picked[k] >= 0) used[picked[k]] = 0;
      typeScore += p.type === e.type ? 1 : -1;
    }
  }
  if (sum === 0) return glued(e, query.glued, typeScore);
  let complete = true;
  for (let i = 0; i < name.length; i++) if (!used[i]) complete = false;
  let worst = nameWorst;
  if (leftovers.length) {
    // The place may follow the name ("vinh loc thanh hoa"), once the name itself is complete.
    if (!complete) return glued(e, query.glued, typeScore);
    usedContext.fill(0, 0, e.context.length);
    for (const q of leftovers) {
      const i = pick(q, e.context, usedContext, ANY);
      if (i < 0) return glued(e, query.glued, typeScore);
      usedContext[i] = 1;
      sum += q[e.context[i]];
      worst = Math.min(worst, q[e.context[i]]);
    }
  }
  const tier = complete && ordered && nameWorst === EXACT ? (typeScore > 0 ? 4 : 3) : worst >= PREFIX ? 2 : 1;
  return { entry: e, tier, typeScore, quality: sum, lead: first === 0, accents: 0 };
}

/** Negative when a ranks before b (see search()). */
export function ranks(a: Hit, b: Hit): number {
  return (
    b.tier - a.tier ||
    b.typeScore - a.typeScore ||
    b.quality - a.quality ||
    b.accents - a.accents ||
    Number(b.lead) - Number(a.lead) ||
    a.entry.order - b.entry.order ||
    a.entry.words.length - b.entry.words.length ||
    a.entry.alpha - b.entry.alpha
  );
}
