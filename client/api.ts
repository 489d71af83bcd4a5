import { hc } from 'hono/client';
import type { Topology } from 'topojson-specification';
import type { AppType } from '../server/app.js';

/** The only way the client talks to the server: typed from the server's routes. */
export const client = hc<AppType>(typeof window === 'undefined' ? 'http://localhost' : window.location.origin);

export async function ok<T>(res: Response & { json(): Promise<T> }): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `${res.status} ${res.statusText}`);
  }
  return res.json() as Promise<T>;
}

/**
 * The answer to a 304. The browser revalidates from its own cache and hands over the 200 it kept, so a 304 reaches
 * the code only for a request that named an ETag itself, which this client does only for /api/version.
 */
export const notModified = (path: string) => new Error(`${path}: máy chủ trả lời 304 cho một yêu cầu không hỏi bản đã lưu`);

export const fetchMeta = async () => ok(await client.api.meta.$get());

/**
 * The store's data version, that every figure write moves on (client/state/dataVersion.ts asks it), asked
 * conditionally: null when it is still the one of `etag` (a 304). The page keeps the ETag itself, so that the answer
 * is a 304 whatever the browser's cache does.
 */
export const fetchDataVersion = async (etag: string | null) => {
  const res = await client.api.version.$get({ query: {} }, { headers: etag ? { 'If-None-Match': etag } : {}, init: { cache: 'no-store' } });
  if (res.status === 304) return null;
  return { ...(await ok(res)), etag: res.headers.get('ETag') };
};

const statsQuery = (q: { year: number; level: 'province' | 'commune'; province?: string }) => ({ year: String(q.year), level: q.level, ...(q.province ? { province: q.province } : {}) });

/** Every figure of every unit: for legends of figures, panels, exports. */
export const fetchStats = async (q: { year: number; level: 'province' | 'commune'; province?: string }) => {
  const res = await client.api.stats.$get({ query: statsQuery(q) });
  if (res.status === 304) throw notModified('/api/stats');
  const s = await ok(res);
  if (!('units' in s)) throw new Error('/api/stats: câu trả lời thiếu "units"');
  return s;
};

/** Each commune's status only, packed (a few hundred bytes): what the map colours from for the status metric. */
export const fetchStatuses = async (q: { year: number; province?: string }) => {
  const res = await client.api.stats.$get({ query: { ...statsQuery({ ...q, level: 'commune' }), fields: 'status' } });
  if (res.status === 304) throw notModified('/api/stats');
  const s = await ok(res);
  if (!('status' in s)) throw new Error('/api/stats?fields=status: câu trả lời thiếu "status"');
  return s;
};

export const fetchUnit = async (code: string) =>
  ok(await client.api.units[':code'].$get({ param: { code }, query: {} }));

/**
 * Every name the search box finds, with its ETag. The answer may be kept an hour (max-age): after the data moved
 * on, `revalidate` asks the server whether the browser's copy still holds (a 304 when the names did not change).
 */
export const fetchSearchIndex = async (revalidate = false) => {
  const res = await client.api['search-index'].$get(undefined, revalidate ? { init: { cache: 'no-cache' } } : undefined);
  if (res.status === 304) throw notModified('/api/search-index');
  return { data: await ok(res), etag: res.headers.get('ETag') };
};

/** The boundary layers' manifest, with the codes and labels the first map needs (shared/lib/topo.ts NationalIndex). */
export const fetchBoundaries = async () => {
  const res = await client.api.boundaries.$get();
  if (res.status === 304) throw notModified('/api/boundaries');
  return ok(res);
};

/** A TopoJSON layer: sent as the pipeline's precompressed bytes, so its type is the pipeline's, not the route's. */
async function topology(res: Response, what: string): Promise<Topology> {
  if (!res.ok) throw new Error(`Không tải được ${what} (${res.status})`);
  return (await res.json()) as Topology;
}

export const fetchNationalLayer = async () => topology(await client.api.boundaries['national.topo.json'].$get(), 'ranh giới toàn quốc');

export const fetchProvinceLayer = async (code: string) =>
  topology(await client.api.boundaries.provinces[':file'].$get({ param: { file: `${code}.topo.json` } }), `ranh giới tỉnh ${code}`);

export type Meta = Awaited<ReturnType<typeof fetchMeta>>;
export type Stats = Awaited<ReturnType<typeof fetchStats>>;
export type Statuses = Awaited<ReturnType<typeof fetchStatuses>>;
export type UnitDetailResponse = Awaited<ReturnType<typeof fetchUnit>>;
