import { useEffect, useState } from 'react';
import { unpackCodes, unpackStatuses } from '../../shared/domain/compactStatus.js';
import { dataToken } from '../../shared/domain/dataVersion.js';
import type { Status } from '../../shared/domain/types.js';
import { fetchMeta, fetchProvinceLayer, fetchStats, fetchStatuses, type Meta, type Stats, type Statuses } from '../api.js';
import { decodeProvince } from '../../shared/lib/topo.js';
import type { Drilldown } from '../map/MapView.js';
import { VersionedCache } from '../lib/versionedCache.js';
import { figures } from './dataVersion.js';

/** What the portal holds (years, provinces, batches, "Số liệu đến ngày"), and the data version it is of. */
export async function loadMeta(): Promise<Meta> {
  const meta = await fetchMeta();
  figures.observe(dataToken(meta));
  return meta;
}

/** Figures for one year at one level (optionally one province); each request is made once per data version. */
export function loadStats(year: number, level: 'province' | 'commune', province: string | null): Promise<Stats> {
  return figures.get(`stats|${year}|${level}|${province ?? ''}`, () => fetchStats({ year, level, ...(province ? { province } : {}) }));
}

/** A year's commune statuses unpacked into the rows a status legend reads. */
export interface StatusRows extends Omit<Statuses, 'codes' | 'status'> {
  units: { code: string; status: Status | null }[];
}

/** Each commune's status for one year (optionally one province), from the compact answer; once per data version. */
export function loadStatuses(year: number, province: string | null): Promise<StatusRows> {
  return figures.get(`statuses|${year}|${province ?? ''}`, async () => {
    const { codes: packed, status, ...head } = await fetchStatuses({ year, ...(province ? { province } : {}) });
    const codes = unpackCodes(packed);
    const statuses = unpackStatuses(status, codes.length);
    return { ...head, units: codes.map((code, i) => ({ code, status: statuses[i] })) };
  });
}

/**
 * Loads each year in turn when the browser is idle, each loader after the other (cheap ones first), so that
 * switching years and playing only recolour. Returns a function that stops it.
 */
export function prefetchYears(years: readonly number[], loaders: readonly ((year: number) => Promise<unknown>)[]): () => void {
  let cancelled = false;
  const queue = loaders.flatMap((load) => years.map((y) => () => load(y)));
  const idle = (fn: () => void) => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(fn) : window.setTimeout(fn, 200));
  const next = () => {
    const job = queue.shift();
    if (!cancelled && job) job().then(() => idle(next), () => idle(next));
  };
  idle(next);
  return () => {
    cancelled = true;
  };
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps list what `make` reads
  }, deps);
  return state;
}

/** Boundaries, never dropped: an import changes figures, not geometry. */
const geometry = new VersionedCache();

/** A province's finer commune layer for drill-down; once per page. */
export function loadProvince(code: string, bbox: [number, number, number, number]): Promise<Drilldown> {
  return geometry.get(code, () =>
    fetchProvinceLayer(code).then((topo) => ({ code, bbox, communes: decodeProvince(topo) })),
  );
}
