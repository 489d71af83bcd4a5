import { client, ok } from './api.js';

/** The planners' routes (GET /api/worklist, /api/targets and their .xlsx/.csv downloads). */
export const fetchWorklist = async (query: Record<string, string>) => ok(await client.api.worklist.$get({ query: query as never }));

export const fetchTarget = async (q: { province: string; year: number; target: number }) =>
  ok(await client.api.targets.$get({ query: { province: q.province, year: String(q.year), target: String(q.target) } }));

/** A link the browser downloads (the server sets Content-Disposition). */
export function downloadUrl(what: 'worklist' | 'targets', format: 'xlsx' | 'csv', query: Record<string, string>): string {
  return `/api/${what}.${format}?${new URLSearchParams(query)}`;
}

export type WorklistData = Awaited<ReturnType<typeof fetchWorklist>>;
export type WorklistRowData = WorklistData['rows'][number];
export type TargetData = Awaited<ReturnType<typeof fetchTarget>>;
