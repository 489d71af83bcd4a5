// The API part of the benchmark: /api/stats beside a hello-world route under load (autocannon), rounds in turn.

import { combine, load, measuredLoad } from './load.js';
import { BARE_HELLO_PATH, HELLO_PATH } from './server.js';
import type { Load, Measurements } from './targets.js';

/** Runs of each path, one of each in turn: other work on a shared machine then weighs on every path alike. */
const ROUNDS = 3;

/**
 * /api/stats of `year`, fields=status (what the map colours from) and whole, beside hello-world on the app's base and
 * on a bare Hono app: 50 connections.
 */
export async function statsLoads(server: { url: string; pid: number }, year: number, o: { seconds: number; warmup: number }, log: (s: string) => void): Promise<Measurements['stats']> {
  const url = server.url;
  const fullPath = `/api/stats?year=${year}&level=commune`;
  const paths = { hello: HELLO_PATH, ours: `${fullPath}&fields=status`, full: fullPath, bare: BARE_HELLO_PATH };
  const runs = { hello: [] as Load[], ours: [] as Load[], full: [] as Load[], bare: [] as Load[] };
  const seconds = Math.max(1, Math.round(o.seconds / ROUNDS));
  log(`load: ${Object.values(paths).join(', ')}, 50 connections, ${ROUNDS} rounds of ${seconds} s each (after ${o.warmup} s warm-up)…`);
  for (const p of Object.values(paths)) await load(url, [p], 50, o.warmup);
  for (let k = 0; k < ROUNDS; k++) {
    for (const [side, p] of Object.entries(paths) as [keyof typeof paths, string][]) {
      const r = await measuredLoad(url, [p], 50, seconds, server.pid);
      runs[side].push(r);
      const cpu = `CPU a request: server ${Math.round(r.cpu!.server)} µs, autocannon ${Math.round(r.cpu!.client)} µs`;
      log(`  ${side} round ${k + 1}/${ROUNDS}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, ${cpu}${r.errors ? `, ${r.errors} errors` : ''}`);
    }
  }
  return { hello: combine(runs.hello), ours: combine(runs.ours), full: combine(runs.full), bare: combine(runs.bare) };
}
