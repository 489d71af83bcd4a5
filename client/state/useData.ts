import { useEffect, useState } from 'react';
import type { Topology } from 'topojson-specification';
import { fetchStats, type Stats } from '../api.js';
import { decodeProvince } from '../lib/topo.js';
import type { Drilldown } from '../map/MapView.js';

const statsCache = new Map<string, Promise<Stats>>();

/** Figures for one year at one level (optionally one province); each request is made once per page. */
export function loadStats(year: number, level: 'province' | 'commune', province: string | null): Promise<Stats> {
  const key = `${year}|${level}|${province ?? ''}`;
  let p = statsCache.get(key);
  if (!p) {
    p = fetchStats({ year, level, ...(province ? { province } : {}) });
    p.catch(() => statsCache.delete(key));
    statsCache.set(key, p);
  }
  return p;
}

/** Resolves a promise into state; null while loading or when there is nothing to load. */
export function useAsync<T>(make: (() => Promise<T>) | null, deps: unknown[]): { value: T | null; error: string | null } {
  const [state, setState] = useState<{ value: T | null; error: string | null }>({ value: null, error: null });
  useEffect(() => {
    if (!make) return setState({ value: null, error: null });
    let live = true;
    make()
      .then((value) => live && setState({ value, error: null }))
      .catch((e: Error) => live && setState({ value: null, error: e.message }));
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

const provinceCache = new Map<string, Promise<Drilldown>>();

/** A province's finer commune layer for drill-down. */
export function loadProvince(code: string, bbox: [number, number, number, number]): Promise<Drilldown> {
  let p = provinceCache.get(code);
  if (!p) {
    p = fetch(`/api/boundaries/provinces/${code}.topo.json`)
      .then((r) => {
        if (!r.ok) throw new Error(`Không tải được ranh giới tỉnh ${code} (${r.status})`);
        return r.json() as Promise<Topology>;
      })
      .then((topo) => ({ code, bbox, communes: decodeProvince(topo) }));
    p.catch(() => provinceCache.delete(code));
    provinceCache.set(code, p);
  }
  return p;
}
