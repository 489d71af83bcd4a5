// npm run bench -- --cluster N: /api/stats through nginx with 1 and N app processes on PostgreSQL, beside one
// process on SQLite (the main benchmark's server), in the same run; then 200 connections through nginx while one
// app process is killed and restarted, which must cost zero failed requests.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster } from '../cluster/cluster.js';
import { startPostgres } from '../cluster/postgres.js';
import { load } from './load.js';
import type { Load } from './targets.js';

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
    log(`cluster: ${o.path}, 50 connections, ${o.seconds} s: 1 process on SQLite…`);
    const sqlite = await measure(o.sqliteUrl);
    const postgres: ClusterFigures['postgres'] = [];
    for (const workers of [...new Set([1, o.workers])]) {
      log(`cluster: ${workers} app process${workers > 1 ? 'es' : ''} on PostgreSQL behind nginx (seeding an empty database first)…`);
      const cl = await startCluster({ workers, port: 0, dir: join(o.dir, `run-${workers}`), databaseUrl, log });
      try {
        postgres.push({ workers, load: await measure(cl.url) });
      } finally {
        await cl.stop();
      }
    }
    const workers = Math.max(2, o.workers);
    log(`cluster: failover, 200 connections for ${o.soakSeconds} s through nginx to ${workers} processes; one is killed, then restarted…`);
    const cl = await startCluster({ workers, port: 0, dir: join(o.dir, 'failover'), databaseUrl, log });
    try {
      const killedAtS = o.soakSeconds / 4;
      const restartedAtS = o.soakSeconds / 2;
      const soak = load(cl.url, [o.path, o.path.replace('&fields=status', ''), '/api/meta'], 200, o.soakSeconds);
      await new Promise((r) => setTimeout(r, killedAtS * 1000));
      await cl.kill(0);
      await new Promise((r) => setTimeout(r, (restartedAtS - killedAtS) * 1000));
      await cl.restart(0);
      return { sqlite, postgres, failover: { ...(await soak), killedAtS, restartedAtS } };
    } finally {
      await cl.stop();
    }
  } finally {
    server.stop();
  }
}

export function clusterTable(f: ClusterFigures): string {
  const row = (what: string, l: Load) => `  ${what.padEnd(38)} ${Math.round(l.rps).toString().padStart(7)} req/s   p99 ${String(l.p99).padStart(5)} ms   ${l.errors} failed`;
  return [
    'Scale-out (/api/stats through nginx):',
    row('1 process, SQLite (no nginx)', f.sqlite),
    ...f.postgres.map((p) => row(`${p.workers} process${p.workers > 1 ? 'es' : ''}, PostgreSQL, nginx`, p.load)),
    row(`failover: 200 conn., kill at ${f.failover.killedAtS} s, restart at ${f.failover.restartedAtS} s`, f.failover),
    f.failover.errors === 0 ? '  failover: zero failed requests (target met)' : `  failover: ${f.failover.errors} failed requests (target: zero)`,
  ].join('\n');
}
