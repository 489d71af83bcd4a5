// Whole years of assessments kept in memory (frozen objects, so treat them as read-only), by data
// version: a year read at version v is served until the store's version moves on. The cache decorator's
// (cached.ts) LRU.

import type { Assessment, Vintage } from '../../shared/domain/types.js';

const YEAR_CACHE_SIZE = 24;

function deepFreeze(a: Assessment): Assessment {
  Object.freeze(a.residential);
  Object.freeze(a.agencies);
  Object.freeze(a.enterprises);
  Object.freeze(a.schools);
  return Object.freeze(a);
}

interface Year {
  version: number;
  list: Assessment[];
  byProvince: Map<string, Assessment[]>;
}

export class YearCache {
  private readonly years = new Map<string, Year>();

  /** The cached year at `version`, or undefined (then read it with the province filter in SQL, or load it whole). */
  get(vintage: Vintage, year: number, version: number): Year | undefined {
    const key = `${vintage}|${year}`;
    const y = this.years.get(key);
    if (!y) return undefined;
    this.years.delete(key);
    if (y.version !== version) return undefined;
    this.years.set(key, y); // LRU: to the end
    return y;
  }

  put(vintage: Vintage, year: number, version: number, rows: Assessment[], provinceOf: Map<string, string>): Year {
    const list = rows.map(deepFreeze);
    const byProvince = new Map<string, Assessment[]>();
    for (const a of list) {
      const p = provinceOf.get(a.communeCode) ?? '';
      const l = byProvince.get(p);
      if (l) l.push(a);
      else byProvince.set(p, [a]);
    }
    const y = { version, list, byProvince };
    this.years.set(`${vintage}|${year}`, y);
    while (this.years.size > YEAR_CACHE_SIZE) this.years.delete(this.years.keys().next().value!);
    return y;
  }

  /** Copies of the cached lists (callers may sort or filter them). */
  static pick(y: Year, provinceCode?: string): Assessment[] {
    return provinceCode === undefined ? y.list.slice() : (y.byProvince.get(provinceCode) ?? []).slice();
  }
}
