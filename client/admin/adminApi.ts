// The admin area's calls: imports, audit log and accounts, through the typed client. Every write echoes the
// session's CSRF token (client/session.ts); errors come back as Error(message) through ok() of the map's client.
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { ImportChoices } from '../../shared/import/choices.js';
import { client, fetchMeta, notModified, ok } from '../api.js';
import { writeHeaders } from '../session.js';

export { login, logout, me, type Role, type User } from '../session.js';
export type { ImportChoices };

const api = client.api;
type UploadQuery = InferRequestType<typeof api.imports.check.$post>['query'];
export type ImportReport = InferResponseType<typeof api.imports.check.$post, 200>;
type Committed = InferResponseType<typeof api.imports.$post, 200>;
type Refused = InferResponseType<typeof api.imports.$post, 422>;
export type ImportRecord = InferResponseType<typeof api.imports.$get, 200>['imports'][number];
export type AuditEntry = InferResponseType<typeof api.admin.audit.$get, 200>['entries'][number];
type NewUser = InferRequestType<typeof api.admin.users.$post>['json'];
type UserChange = InferRequestType<(typeof api.admin.users)[':name']['$patch']>['json'];

const path = (u: URL) => `${u.pathname}${u.search}`;

export const templateUrl = (year: number, province: string, format: 'xlsx' | 'csv') =>
  path(api.imports.template.$url({ query: { year: String(year), province, format } }));

/** A commit refused by the server (422): the message and the report saying why. */
export class RejectedImport extends Error {
  constructor(message: string, readonly report: ImportReport) {
    super(message);
  }
}

export interface UploadTarget {
  file: File;
  year: number;
  /** A province of the year's list: a 2025 code, or for years before 2025 an old code. */
  province: string;
  choices: ImportChoices;
}

const uploadQuery = (t: UploadTarget, skipInvalid: boolean): UploadQuery => ({
  year: String(t.year),
  // The import page lists the old provinces for years before 2025: its code is an old one.
  ...(t.province ? { province: t.province, provinceVintage: t.year >= 2025 ? '2025' : 'pre2025' } : {}),
  name: t.file.name,
  ...(Object.keys(t.choices).length ? { choices: JSON.stringify(t.choices) } : {}),
  ...(skipInvalid ? { skipInvalid: '1' } : {}),
});

/** Sends the file with XMLHttpRequest, for its upload progress (0…1), to the typed client's URL of the route. */
function upload<T>(url: URL, t: UploadTarget, onProgress: (f: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path(url));
    for (const [k, v] of Object.entries(writeHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new Error('Mất kết nối tới máy chủ khi gửi tệp'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText || null, { status: xhr.status, statusText: xhr.statusText, headers: { 'content-type': 'application/json' } });
      if (xhr.status === 422) {
        const body = JSON.parse(xhr.responseText) as Refused;
        if (body.report) return reject(new RejectedImport(body.error.message, body.report));
      }
      ok<T>(res).then(resolve, reject);
    };
    xhr.send(t.file);
  });
}

export const checkImport = (t: UploadTarget, onProgress: (f: number) => void) =>
  upload<ImportReport>(api.imports.check.$url({ query: uploadQuery(t, false) }), t, onProgress);

export const commitImport = (t: UploadTarget, skipInvalid: boolean, onProgress: (f: number) => void) =>
  upload<Committed>(api.imports.$url({ query: uploadQuery(t, skipInvalid) }), t, onProgress);

export const imports = async () => (await ok(await api.imports.$get())).imports;

export const rollback = async (batchId: number) =>
  ok(await api.imports[':id'].rollback.$post({ param: { id: String(batchId) } }, { headers: writeHeaders() }));

export const audit = async (before?: number) =>
  (await ok(await api.admin.audit.$get({ query: { limit: '100', ...(before ? { before: String(before) } : {}) } }))).entries;

export const users = async () => (await ok(await api.admin.users.$get())).users;

export const addUser = async (u: NewUser) => (await ok(await api.admin.users.$post({ json: u }, { headers: writeHeaders() }))).user;

export const updateUser = async (name: string, change: UserChange) =>
  (await ok(await api.admin.users[':name'].$patch({ param: { name }, json: change }, { headers: writeHeaders() }))).user;

export interface ProvinceOption {
  code: string;
  name: string;
}

/** The provinces of a year: the 34 of /api/meta from 2025, the 63 old ones (from /api/stats on the old units) before. */
export async function provincesOf(year: number): Promise<ProvinceOption[]> {
  if (year >= 2025) {
    const meta = await fetchMeta();
    return meta.provinces.map((p) => ({ code: p.code, name: p.fullName })).sort((a, b) => a.code.localeCompare(b.code));
  }
  const res = await api.stats.$get({ query: { year: String(year), level: 'province', vintage: 'pre2025' } });
  if (res.status === 304) throw notModified('/api/stats');
  const s = await ok(res);
  if (!('units' in s)) throw new Error('/api/stats: câu trả lời thiếu "units"');
  return s.units.map((u) => ({ code: u.code, name: u.name })).sort((a, b) => a.code.localeCompare(b.code));
}
