// The search index: every province and commune of today and their pre-2025 names, as entries of vocabulary ids
// built once; shared/lib/search.ts answers queries over it.
import { fullNameOf, type IndexUnit, type SearchIndexData } from '../domain/searchIndex.js';
import { normalize, tokenize } from './textMatch.js';

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

export interface Entry {
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
