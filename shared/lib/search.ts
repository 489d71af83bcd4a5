// Search over today's provinces and communes and their pre-2025 names: diacritics-insensitive, typo-tolerant.
import { fullNameOf, type IndexUnit, type SearchIndexData } from '../domain/searchIndex.js';
import { EXACT, PREFIX, accentedWords, hasDiacritics, normalize, tokenize, wordQuality } from './textMatch.js';

type MatchedKind = 'province' | 'commune' | 'alias';

export interface SearchResult {
  /** Unique among results (an old name can carry the code of a commune of today). */
  id: string;
  /** What choosing the result selects: always a unit of today. */
  kind: 'province' | 'commune';
  code: string;
  matched: MatchedKind;
  /** Today's full name, e.g. "Phường Từ Sơn". */
  name: string;
  /** Today's province of a commune, e.g. "Tỉnh Bắc Ninh"; null for a province. */
  province: string | null;
  /** Set when the query matched an old name: where it was, and the other communes a split one went into. */
  alias: { oldName: string; oldPlace: string; alsoInto: string[] } | null;
}

/** Query words that name a unit type (normalised), and the type they stand for. */
const TYPE_WORDS: Record<string, string> = {
  'thi tran': 'thi tran', tt: 'thi tran', 'thi xa': 'thi xa', tx: 'thi xa', 'thanh pho': 'thanh pho', tp: 'thanh pho',
  'dac khu': 'dac khu', xa: 'xa', phuong: 'phuong', tinh: 'tinh', quan: 'quan', huyen: 'huyen',
};

interface Entry {
  words: number[]; // vocabulary ids of the name
  context: number[]; // of the province (for an old name also its old district and province)
  type: string; // normalised
  joined: string; // "dongngan"
  initials: string; // "hcm"
  typedInitials: string; // "tphcm"
  order: number; // ties: provinces, communes, old provinces, old communes
  alpha: number;
  shown: string; // the name the query matched, with its diacritics
  accents?: Set<string>;
  result: SearchResult;
}

export interface SearchIndex {
  entries: Entry[];
  vocabulary: string[];
  /** Per vocabulary word, the entries whose name holds it: a query looks only at entries one of its words can match. */
  byWord: Int32Array[];
  /** A typed word's quality against each vocabulary word, kept across keystrokes (the earlier words do not change). */
  qualities: Map<string, Float32Array>;
  /** Marks of the entries already taken by the current query. */
  seen: Uint32Array;
  stamp: number;
}

/** Typed words kept in SearchIndex.qualities before it starts afresh (each array is one float per vocabulary word). */
const QUALITY_CACHE = 256;

/** Builds the searchable entries once (≈ 12,000); a query then compares words by vocabulary id. */
export function buildIndex(data: SearchIndexData): SearchIndex {
  const vocabulary: string[] = [];
  const wordIds = new Map<string, number>();
  const memo = new Map<string, number[]>();
  const idsOf = (s: string) => {
    let ids = memo.get(s);
    if (!ids) {
      ids = tokenize(s).map((t) => wordIds.get(t) ?? (wordIds.set(t, vocabulary.length), vocabulary.push(t) - 1));
      memo.set(s, ids);
    }
    return ids;
  };
  const byCode = (rows: IndexUnit[]) =>
    new Map(rows.map(([code, name, type, parent, fullName]) => [code, { code, name, type, parent, full: fullNameOf({ name, type, fullName }) }]));
  const provinces = byCode(data.provinces);
  const communes = byCode(data.communes);
  const oldProvinces = byCode(data.oldProvinces);
  const oldDistricts = byCode(data.oldDistricts);

  const entries: Entry[] = [];
  const add = (name: string, type: string, context: string[], order: number, result: SearchResult) => {
    const words = idsOf(name);
    const typeWords = idsOf(type).map((w) => vocabulary[w]);
    const initials = words.map((w) => vocabulary[w][0]).join('');
    entries.push({
      words,
      context: context.flatMap(idsOf),
      type: typeWords.join(' '),
      joined: words.map((w) => vocabulary[w]).join(''),
      initials: words.length >= 2 ? initials : '',
      typedInitials: typeWords.map((w) => w[0]).join('') + initials,
      order,
      alpha: 0,
      shown: result.alias?.oldName ?? result.name,
      result,
    });
  };

  for (const p of provinces.values()) {
    add(p.name, p.type, [], 0, { id: `p${p.code}`, kind: 'province', code: p.code, matched: 'province', name: p.full, province: null, alias: null });
  }
  for (const c of communes.values()) {
    const prov = provinces.get(c.parent);
    add(c.name, c.type, prov ? [prov.name] : [], 1, {
      id: `c${c.code}`, kind: 'commune', code: c.code, matched: 'commune', name: c.full, province: prov?.full ?? null, alias: null,
    });
  }
  for (const o of oldProvinces.values()) {
    const now = provinces.get(o.parent);
    // A province that kept its name is found as itself.
    if (!now || normalize(now.full) === normalize(o.full)) continue;
    add(o.name, o.type, [], 2, {
      id: `op${o.code}`, kind: 'province', code: now.code, matched: 'alias', name: now.full, province: null,
      alias: { oldName: o.full, oldPlace: '', alsoInto: [] },
    });
  }
  for (const [code, name, type, district, targets, fullName] of data.aliases) {
    const [first, ...rest] = targets.flatMap((t) => communes.get(t) ?? []);
    if (!first) continue;
    const d = oldDistricts.get(district);
    const own = district === code; // an island district without communes is its own district
    const op = oldProvinces.get(d?.parent ?? '');
    const prov = provinces.get(first.parent);
    add(name, type, [own ? '' : (d?.name ?? ''), op?.name ?? '', prov?.name ?? ''], 3, {
      id: `o${code}`, kind: 'commune', code: first.code, matched: 'alias', name: first.full, province: prov?.full ?? null,
      alias: {
        oldName: fullNameOf({ name, type, fullName }),
        oldPlace: [own ? undefined : d?.full, op?.full].filter(Boolean).join(', '),
        alsoInto: rest.map((c) => c.full),
      },
    });
  }
  // Alphabetical order, decided once: a collator in every comparison of a query's sort costs milliseconds.
  const keys = entries.map((e) => `${e.words.map((w) => vocabulary[w]).join(' ')}\u0000${e.result.id}`);
  [...entries.keys()].sort((a, b) => (keys[a] < keys[b] ? -1 : 1)).forEach((i, rank) => (entries[i].alpha = rank));
  const lists: number[][] = vocabulary.map(() => []);
  entries.forEach((e, i) => new Set(e.words).forEach((w) => lists[w].push(i)));
  return { entries, vocabulary, byWord: lists.map((l) => Int32Array.from(l)), qualities: new Map(), seen: new Uint32Array(entries.length), stamp: 0 };
}

interface Query {
  words: Float32Array[]; // per word: its quality against each vocabulary word
  phrases: { type: string; words: Float32Array[] }[];
  glued: string; // the only name word, for "dongngan", "hcm"
}

function parseQuery(index: SearchIndex, tokens: string[]): Query {
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

interface Hit {
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

function match(e: Entry, query: Query): Hit | null {
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

/** Negative when a ranks before b (see search()). */
function ranks(a: Hit, b: Hit): number {
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
