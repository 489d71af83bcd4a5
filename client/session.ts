// Who is logged in, and the session's CSRF token that every write echoes in X-CSRF-Token: for the admin
// area and the deck editor alike.
import { client, ok } from './api.js';

let csrf: string | null = null;

/** The headers of a write: the CSRF token once me() or login() has it. */
export const writeHeaders = (): Record<string, string> => (csrf ? { 'X-CSRF-Token': csrf } : {});

export async function me() {
  const m = await ok(await client.api.auth.me.$get());
  csrf = m.csrfToken;
  return m;
}

export async function login(name: string, password: string): Promise<Me> {
  const m = await ok(await client.api.auth.login.$post({ json: { name, password } }));
  csrf = m.csrfToken;
  return m;
}

export async function logout(): Promise<void> {
  await ok(await client.api.auth.logout.$post(undefined, { headers: writeHeaders() }));
  csrf = null;
}

export type Me = Awaited<ReturnType<typeof me>>;
export type User = NonNullable<Me['user']>;
export type Role = User['role'];
