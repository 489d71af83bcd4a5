// A PostgreSQL of our own for the tests and `npm run cluster`: Debian's server binaries, a data
// directory of its own, a free port on 127.0.0.1, trust authentication for the local test user. PostgreSQL
// refuses to run as root, so as root it runs as the `postgres` system user that the package created.

import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PG_BIN = process.env.ANTQ_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const PG_USER = 'antq';
/** The test run's seeded database (a template for copies). */
export const PG_SEEDED = 'antq_seeded';

export interface PgServer {
  /** postgres://antq@127.0.0.1:PORT/ — add a database name. */
  base: string;
  port: number;
  dir: string;
  url(db: string): string;
  stop(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Why PostgreSQL cannot be started here, or null. */
export function postgresMissing(): string | null {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl')) ? null : `no PostgreSQL server binaries at ${PG_BIN} (apt-get install postgresql)`;
}

/** Runs a server binary, as the postgres user when we are root. */
function asOwner(bin: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]] : [join(PG_BIN, bin), args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * initdb + pg_ctl start in `dir` (a new temporary directory by default). Durability is off (fsync,
 * synchronous_commit): a test database is thrown away, and the machine is shared.
 */
export async function startPostgres(opts: { dir?: string; port?: number; durable?: boolean } = {}): Promise<PgServer> {
  const missing = postgresMissing();
  if (missing) throw new Error(missing);
  const dir = opts.dir ? resolve(opts.dir) : mkdtempSync(join(tmpdir(), 'antq-pg-'));
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  if (!existsSync(join(data, 'PG_VERSION'))) asOwner('initdb', ['-D', data, '-U', PG_USER, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = opts.port ?? (await freePort());
  const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", '-c max_connections=200', '-c shared_buffers=64MB'];
  if (!opts.durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  asOwner('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  const base = `postgres://${PG_USER}@127.0.0.1:${port}/`;
  let stopped = false;
  return {
    base,
    port,
    dir,
    url: (db) => base + db,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        if (!opts.dir) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
