// npm run bench -- --cluster N: /api/stats through nginx with 1 and N app processes on PostgreSQL, beside one
// process on SQLite (the main benchmark's server), in the same run and in turn; then 200 connections through nginx while one
// app process is killed and restarted, which must cost zero failed requests.

import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster, type Cluster } from '../cluster/cluster.js';
import { startPostgres } from '../cluster/postgres.js';
import { combine, load } from './load.js';
import type { Load } from './targets.js';

/** Rounds of the side-by-side /api/stats runs (each: warm-up, then the timed run). */
const ROUNDS = 3;

export interface ClusterFigures {
  sqlite: Load;
  postgres: { workers: number; load: Load }[];
  failover: Load & { killedAtS: number; restartedAtS: number };
}

export async function clusterBench(o: { workers: number; sqliteUrl: string; path: string; seconds: number; warmup: number; soakSeconds: number; dir: string; log: (s: string) => void }): Promise<ClusterFigures> {
  const { log } = o;
  mkdirSync(o.dir, { recursive: true });
  const server = await startPostgres({ dir: join(o.dir, 'postgres'), durable: true });
  try {
    const c = new pg.Client({ connectionString: server.url('postgres') });
    await c.connect();
    if ((await c.query("SELECT 1 FROM pg_database WHERE datname = 'antq'")).rowCount === 0) await c.query('CREATE DATABASE antq');
    await c.end();
    const databaseUrl = server.url('antq');
    const measure = async (url: string) => {
      await load(url, [o.path], 50, o.warmup);
      return load(url, [o.path], 50, o.seconds);
    };
    // Every cluster is up at once (idle app processes cost nothing), and the sides are measured in turn, round
    // by round: other work on a shared machine then weighs on each side alike, not on whichever ran while it lasted.
    const sizes = [...new Set([1, o.workers, Math.max(2, o.workers)])];
    log(`cluster: ${sizes.join(' and ')} app processes on PostgreSQL behind nginx (seeding an empty database first)…`);
    const clusters = new Map<number, Cluster>();
    try {
      for (const workers of sizes) clusters.set(workers, await startCluster({ workers, port: 0, dir: join(o.dir, `run-${workers}`), databaseUrl, log }));
      const shown = [...new Set([1, o.workers])];
      const sides = [{ name: '1 process on SQLite', url: o.sqliteUrl, runs: [] as Load[] }, ...shown.map((w) => ({ name: `${w} on PostgreSQL`, url: clusters.get(w)!.url, runs: [] as Load[] }))];
      for (let round = 1; round <= ROUNDS; round++) {
        for (const side of sides) {
          side.runs.push(await measure(side.url));
          log(`cluster: round ${round}/${ROUNDS}, ${side.name}: ${Math.round(side.runs.at(-1)!.rps)} req/s, p99 ${side.runs.at(-1)!.p99} ms (load average ${loadavg()[0].toFixed(1)})`);
        }
      }
      const [sqlite, ...pgSides] = sides.map((side) => combine(side.runs));
      const postgres = shown.map((workers, k) => ({ workers, load: pgSides[k] }));

      const workers = Math.max(2, o.workers);
      const cl = clusters.get(workers)!;
      log(`cluster: failover, 200 connections for ${o.soakSeconds} s through nginx to ${workers} processes; one is killed, then restarted…`);
      const killedAtS = o.soakSeconds / 4;
      const restartedAtS = o.soakSeconds / 2;
      const soak = load(cl.url, [o.path, o.path.replace('&fields=status', ''), '/api/meta'], 200, o.soakSeconds);
      await new Promise((r) => setTimeout(r, killedAtS * 1000));
      await cl.kill(0);
      await new Promise((r) => setTimeout(r, (restartedAtS - killedAtS) * 1000));
      await cl.restart(0);
      return { sqlite, postgres, failover: { ...(await soak), killedAtS, restartedAtS } };
    } finally {
      for (const cl of clusters.values()) await cl.stop();
    }
  } finally {
    server.stop();
  }
}

export function clusterTable(f: ClusterFigures): string {
  const row = (what: string, l: Load) => `  ${what.padEnd(38)} ${Math.round(l.rps).toString().padStart(7)} req/s   p99 ${String(l.p99).padStart(5)} ms   ${l.errors} failed`;
  return [
    `Scale-out (/api/stats through nginx; ${ROUNDS} rounds, the sides in turn):`,
    row('1 process, SQLite (no nginx)', f.sqlite),
    ...f.postgres.map((p) => row(`${p.workers} process${p.workers > 1 ? 'es' : ''}, PostgreSQL, nginx`, p.load)),
    row(`failover: 200 conn., kill at ${f.failover.killedAtS} s, restart at ${f.failover.restartedAtS} s`, f.failover),
    f.failover.errors === 0 ? '  failover: zero failed requests (target met)' : `  failover: ${f.failover.errors} failed requests (target: zero)`,
  ].join('\n');
}
