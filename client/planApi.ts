import type { InferRequestType } from 'hono/client';
import { client, ok } from './api.js';

/** The planners' routes (GET /api/worklist, /api/targets and their .xlsx/.csv downloads). */
const api = client.api;
export type WorklistQuery = InferRequestType<typeof api.worklist.$get>['query'];
export type TargetQuery = InferRequestType<typeof api.targets.$get>['query'];

export const fetchWorklist = async (query: WorklistQuery) => ok(await api.worklist.$get({ query }));

export const fetchTarget = async (query: TargetQuery) => ok(await api.targets.$get({ query }));

const path = (u: URL) => `${u.pathname}${u.search}`;

/** Links the browser downloads (the server sets Content-Disposition). */
export const worklistDownload = (format: 'xlsx' | 'csv', query: WorklistQuery) => path(api[`worklist.${format}`].$url({ query }));
export const targetDownload = (format: 'xlsx' | 'csv', query: TargetQuery) => path(api[`targets.${format}`].$url({ query }));

export type WorklistData = Awaited<ReturnType<typeof fetchWorklist>>;
export type WorklistRowData = WorklistData['rows'][number];
export type TargetData = Awaited<ReturnType<typeof fetchTarget>>;
