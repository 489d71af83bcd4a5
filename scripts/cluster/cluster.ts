// A whole scale-out portal on one machine: PostgreSQL (Debian's package, its own data directory), N app
// processes (server/index.ts on the same database, each on its own port) and nginx in front on one port.
// For the tests, the benchmark and operators trying the setup; production runs the same pieces under systemd.

import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { ROOT } from '../../server/config.js';
import { nginxConfig } from './nginx.js';
import { freePort, startPostgres, type PgServer } from './postgres.js';

const NGINX = process.env.ANTQ_NGINX ?? '/usr/sbin/nginx';

export interface ClusterOptions {
  workers: number;
  /** nginx's port on 127.0.0.1 (0: a free one). */
  port: number;
  /** Data directory (PostgreSQL's data and nginx's files), e.g. var/cluster. */
  dir: string;
  /** A PostgreSQL already running (its URL, with the database): then none is started. */
  databaseUrl?: string;
  /** Seed the sample data into an empty database (default true). */
  seed?: boolean;
  log?: (line: string) => void;
  /** Environment for the app processes (e.g. ANTQ_PG_POOL). */
  env?: NodeJS.ProcessEnv;
}

export interface Cluster {
  /** nginx's address. */
  url: string;
  databaseUrl: string;
  /** Each app process's own address, by index. */
  workers: { url: string; pid: number | undefined }[];
  /** Kills app process `k` (SIGKILL) and resolves when it has exited. */
  kill(k: number): Promise<void>;
  /** Starts app process `k` again on its port, resolving when it answers. */
  restart(k: number): Promise<void>;
  stop(): Promise<void>;
}

async function healthy(url: string, ms = 60_000): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > ms) throw new Error(`${url} did not answer /api/health within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs a CLI to its end, killed if it has not finished within `ms` (a migration or seed that hangs must not hang us). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, ms = 300_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not finish within ${ms / 1000} s`));
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${args.join(' ')} exited with ${code}`));
    });
  });
}

/** Resolves when `c` has exited; SIGKILL after `ms` if it has not (a process that ignores SIGTERM). */
function exited(c: ChildProcess, ms = 15_000): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => c.kill('SIGKILL'), ms);
    c.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const log = o.log ?? console.log;
  if (!existsSync(NGINX)) throw new Error(`no nginx at ${NGINX} (apt-get install nginx, or set ANTQ_NGINX)`);
  o = { ...o, dir: resolve(o.dir) };
  mkdirSync(o.dir, { recursive: true });
  let server: PgServer | undefined;
  const children = new Set<ChildProcess>();
  let nginxProc: ChildProcess | undefined;
  const stopAll = async () => {
    // nginx first: an app process that is closing its store must get no more requests.
    if (nginxProc && children.has(nginxProc)) {
      nginxProc.kill('SIGTERM');
      await exited(nginxProc);
    }
    for (const c of children) c.kill('SIGTERM');
    await Promise.all([...children].map((c) => exited(c)));
    server?.stop();
  };
  try {
    let databaseUrl = o.databaseUrl;
    if (!databaseUrl) {
      const pgDir = join(o.dir, 'postgres');
      mkdirSync(pgDir, { recursive: true });
      server = await startPostgres({ dir: pgDir, durable: true });
      const c = new pg.Client({ connectionString: server.url('postgres') });
      await c.connect();
      if ((await c.query("SELECT 1 FROM pg_database WHERE datname = 'antq'")).rowCount === 0) await c.query('CREATE DATABASE antq');
      await c.end();
      databaseUrl = server.url('antq');
      log(`cluster: PostgreSQL ${server.base} (data in ${pgDir})`);
    }
    const env = { ...process.env, ...o.env, ANTQ_DATABASE_URL: databaseUrl };
    await run(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], env);
    if (o.seed !== false) await run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--if-empty'], env);

    const ports = await Promise.all(Array.from({ length: o.workers }, () => freePort()));
    const procs: (ChildProcess | undefined)[] = [];
    const startWorker = async (k: number) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: ROOT, env: { ...env, PORT: String(ports[k]), HOST: '127.0.0.1', ANTQ_TRUSTED_PROXIES: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
      children.add(child);
      child.once('exit', () => children.delete(child));
      procs[k] = child;
      await healthy(`http://127.0.0.1:${ports[k]}`);
    };
    await Promise.all(ports.map((_, k) => startWorker(k)));
    log(`cluster: ${o.workers} app process${o.workers > 1 ? 'es' : ''} on ports ${ports.join(', ')}`);

    const prefix = join(o.dir, 'nginx');
    for (const d of ['tmp/body', 'tmp/proxy', 'tmp/fastcgi', 'tmp/uwsgi', 'tmp/scgi']) mkdirSync(join(prefix, d), { recursive: true });
    const root = process.getuid?.() === 0;
    if (root) for (const d of ['tmp', 'tmp/body', 'tmp/proxy']) chmodSync(join(prefix, d), 0o777);
    const port = o.port || (await freePort());
    const conf = join(prefix, 'nginx.conf');
    writeFileSync(conf, nginxConfig({ prefix, listen: { host: '127.0.0.1', port }, upstreams: ports.map((p) => ({ host: '127.0.0.1', port: p })), user: root ? 'nobody nogroup' : undefined }));
    const nginx = spawn(NGINX, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
    children.add(nginx);
    nginxProc = nginx;
    const url = `http://127.0.0.1:${port}`;
    const failed = new Promise((_, reject) => nginx.once('exit', (code) => reject(new Error(`nginx exited (${code}); config ${conf}`))));
    failed.catch(() => undefined); // once it answered, stopping it later is no failure
    await Promise.race([healthy(url), failed]);
    nginx.once('exit', () => children.delete(nginx));
    log(`cluster: nginx ${url} → ${o.workers} app process${o.workers > 1 ? 'es' : ''} (config ${conf})`);

    return {
      url,
      databaseUrl,
      get workers() {
        return ports.map((p, k) => ({ url: `http://127.0.0.1:${p}`, pid: procs[k]?.pid }));
      },
      async kill(k) {
        const c = procs[k];
        if (!c || c.exitCode !== null || c.signalCode !== null) return;
        const gone = exited(c);
        c.kill('SIGKILL');
        await gone;
      },
      restart: (k) => startWorker(k),
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
