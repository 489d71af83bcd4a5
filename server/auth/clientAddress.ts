// The client's address, for the log-in limits. The socket's peer, unless that peer is a proxy named in
// ANTQ_TRUSTED_PROXIES (comma-separated addresses, e.g. 127.0.0.1 for nginx on the same host): then the
// address that proxy appended to X-Forwarded-For (its last entry; earlier ones are the client's say-so).

import type { Context } from 'hono';

export const parseProxies = (raw: string | undefined): Set<string> => new Set((raw ?? '').split(',').map((s) => s.trim()).filter(Boolean));

export function clientAddress(c: Context, trusted: Set<string> = parseProxies(process.env.ANTQ_TRUSTED_PROXIES)): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress ?? 'local';
  if (!trusted.has(peer)) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded.at(-1) ?? peer;
}
