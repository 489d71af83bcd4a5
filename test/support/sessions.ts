// Logging test users in through the real API, and requests made as one of them.

import { expect } from 'vitest';

export interface TestSession {
  cookie: string;
  csrf: string;
}

type Requester = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** Logs each user in (all with the same password); their cookie and CSRF token by name. */
export async function logIn(app: Requester, names: string[], password: string): Promise<Record<string, TestSession>> {
  const sessions: Record<string, TestSession> = {};
  for (const name of names) {
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
    expect(res.status, `log-in of ${name}`).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    sessions[name] = { cookie: cookie.split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }
  return sessions;
}

/** `init` sent with the session's cookie and (unless `csrf` is false) its CSRF token; no session for null. */
export function asUser(session: TestSession | null, init: RequestInit = {}, csrf = true): RequestInit {
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...(session ? { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrf } : {}) } : {}) },
  };
}
