// Search as a user types: every prefix of a name, letter by letter, answered by the client's index
// (shared/lib/search.ts) over every name the portal serves (/api/search-index, ~14,000 with the old names).

import { buildIndex, search } from '../../shared/lib/search.js';
import { stripDiacritics } from '../../shared/lib/diacritics.js';
import type { SearchIndexData } from '../../shared/domain/searchIndex.js';
import { fullNameOf } from '../../shared/domain/searchIndex.js';

export interface SearchSpeed {
  names: number;
  entries: number;
  keystrokes: number;
  p50: number;
  p95: number;
  max: number;
  /**
   * The process's CPU time per keystroke, p50 / p95 (ms): what a keystroke costs, whatever else the machine runs.
   * On a busy machine the wall-clock figures above also hold the time this process waited for a core.
   */
  cpuP50: number;
  cpuP95: number;
}

/** The p-th percentile (nearest rank) of a sample. */
function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error('percentile of no values');
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** What people type: full names, with and without diacritics, a few with a typo (every 5th: two letters swapped). */
export function typedQueries(data: SearchIndexData, count: number): string[] {
  const names = [
    ...data.communes.map(([, name, type, , full]) => fullNameOf({ name, type, fullName: full })),
    ...data.aliases.map(([, name, type, , , full]) => fullNameOf({ name, type, fullName: full })),
  ];
  const out: string[] = [];
  // Evenly over the list, the same names each run.
  for (let i = 0; i < count; i++) {
    const name = names[Math.floor((i * names.length) / count)];
    const plain = i % 2 ? stripDiacritics(name) : name;
    const k = Math.floor(plain.length / 2);
    out.push(i % 5 === 4 && plain.length > 6 ? plain.slice(0, k) + plain[k + 1] + plain[k] + plain.slice(k + 2) : plain);
  }
  return out;
}

/** Times each keystroke of `queries` typed letter by letter (after one warm-up pass of the first few). */
export function searchSpeed(data: SearchIndexData, queries: string[]): SearchSpeed {
  const index = buildIndex(data);
  for (const q of queries.slice(0, 5)) for (let i = 1; i <= q.length; i++) search(index, q.slice(0, i));
  const times: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      search(index, q.slice(0, i));
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  return {
    names: data.provinces.length + data.communes.length + data.oldProvinces.length + data.aliases.length,
    entries: index.entries.length,
    keystrokes: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
  };
}
