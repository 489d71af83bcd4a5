// The admin area's calls: log-in, imports, audit log and accounts. Every write echoes the session's
// CSRF token in X-CSRF-Token; errors come back as Error(message) through ok() of the map's client.
import { ok } from '../api.js';
import type { ImportChoices, ImportReport } from '../../server/services/imports.js';
import type { AuditEntry, ImportRecord, Role, User } from '../../server/store/admin.js';

export type { AuditEntry, ImportChoices, ImportRecord, ImportReport, Role, User };

export interface Me {
  user: User | null;
  csrfToken: string | null;
}

/** The session's CSRF token, set on log-in and by me(). */
let csrf: string | null = null;

const json = (body: unknown): RequestInit => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const write = init.method !== undefined && init.method !== 'GET';
  const headers = { ...(init.headers as Record<string, string> | undefined), ...(write && csrf ? { 'X-CSRF-Token': csrf } : {}) };
  return ok<T>(await fetch(path, { credentials: 'same-origin', ...init, headers }));
}

export async function me(): Promise<Me> {
  const m = await call<Me>('/api/auth/me');
  csrf = m.csrfToken;
  return m;
}

export async function login(name: string, password: string): Promise<Me> {
  const m = await call<Me>('/api/auth/login', { method: 'POST', ...json({ name, password }) });
  csrf = m.csrfToken;
  return m;
}

export async function logout(): Promise<void> {
  await call('/api/auth/logout', { method: 'POST' });
  csrf = null;
}

export const templateUrl = (year: number, province: string, format: 'xlsx' | 'csv') =>
  `/api/imports/template?${new URLSearchParams({ year: String(year), province, format })}`;

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

/** Sends the file with XMLHttpRequest, for its upload progress (0…1). */
function upload<T>(path: string, t: UploadTarget, extra: Record<string, string>, onProgress: (f: number) => void): Promise<T> {
  const q = new URLSearchParams({
    year: String(t.year),
    // The import page lists the old provinces for years before 2025: its code is an old one.
    ...(t.province ? { province: t.province, provinceVintage: t.year >= 2025 ? '2025' : 'pre2025' } : {}),
    name: t.file.name,
    ...(Object.keys(t.choices).length ? { choices: JSON.stringify(t.choices) } : {}),
    ...extra,
  });
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${path}?${q}`);
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new Error('Mất kết nối tới máy chủ khi gửi tệp'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText || null, { status: xhr.status, statusText: xhr.statusText, headers: { 'content-type': 'application/json' } });
      if (xhr.status === 422) {
        const body = JSON.parse(xhr.responseText) as { error: { message: string }; report?: ImportReport };
        if (body.report) return reject(new RejectedImport(body.error.message, body.report));
      }
      ok<T>(res).then(resolve, reject);
    };
    xhr.send(t.file);
  });
}

export const checkImport = (t: UploadTarget, onProgress: (f: number) => void) => upload<ImportReport>('/api/imports/check', t, {}, onProgress);

export const commitImport = (t: UploadTarget, skipInvalid: boolean, onProgress: (f: number) => void) =>
  upload<{ record: ImportRecord; report: ImportReport }>('/api/imports', t, skipInvalid ? { skipInvalid: '1' } : {}, onProgress);

export const imports = async () => (await call<{ imports: ImportRecord[] }>('/api/imports')).imports;

export const rollback = (batchId: number) =>
  call<{ batchId: number; restored: number; removed: number }>(`/api/imports/${batchId}/rollback`, { method: 'POST' });

export const audit = async (before?: number) =>
  (await call<{ entries: AuditEntry[] }>(`/api/admin/audit?limit=100${before ? `&before=${before}` : ''}`)).entries;

export const users = async () => (await call<{ users: User[] }>('/api/admin/users')).users;

export const addUser = async (u: { name: string; role: Role; provinceCode: string | null; password: string }) =>
  (await call<{ user: User }>('/api/admin/users', { method: 'POST', ...json(u) })).user;

export const updateUser = async (name: string, change: { disabled?: boolean; role?: Role; provinceCode?: string | null; password?: string }) =>
  (await call<{ user: User }>(`/api/admin/users/${encodeURIComponent(name)}`, { method: 'PATCH', ...json(change) })).user;

export interface ProvinceOption {
  code: string;
  name: string;
}

/** The provinces of a year: the 34 of /api/meta from 2025, the 63 old ones (from /api/stats on the old units) before. */
export async function provincesOf(year: number): Promise<ProvinceOption[]> {
  if (year >= 2025) {
    const meta = await call<{ provinces: { code: string; fullName: string }[] }>('/api/meta');
    return meta.provinces.map((p) => ({ code: p.code, name: p.fullName })).sort((a, b) => a.code.localeCompare(b.code));
  }
  const s = await call<{ units: { code: string; name: string }[] }>(`/api/stats?year=${year}&level=province&vintage=pre2025`);
  return s.units.map((u) => ({ code: u.code, name: u.name })).sort((a, b) => a.code.localeCompare(b.code));
}
