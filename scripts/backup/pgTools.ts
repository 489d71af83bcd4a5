// PostgreSQL's client tools (pg_dump, pg_restore) as a backup runs them: found, of a version that can read the
// server, given the connection without the password on their command line, their errors said in a few lines.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { BackupError } from './common.js';

const exec = promisify(execFile);

type Tool = 'pg_dump' | 'pg_restore';

/** Where a client tool is: in ANTQ_PG_BIN, else the newest /usr/lib/postgresql/N/bin (Debian), else on PATH. */
export function pgTool(name: Tool, env: NodeJS.ProcessEnv = process.env): string {
  if (env.ANTQ_PG_BIN) {
    const p = join(env.ANTQ_PG_BIN, name);
    if (!existsSync(p)) throw new BackupError(`${name} is not in ANTQ_PG_BIN (${env.ANTQ_PG_BIN})`);
    return p;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const dirs = [...versions.map((v) => join(root, v, 'bin')), ...(env.PATH ?? '').split(':').filter(Boolean)];
  const found = dirs.map((d) => join(d, name)).find((p) => existsSync(p));
  if (!found) throw new BackupError(`${name} is not installed: apt-get install postgresql-client (of the server's major version or newer), or set ANTQ_PG_BIN to its folder`);
  return found;
}

/** Refuses a tool older than the server: pg_dump cannot dump a newer server's catalogue. */
export function checkToolVersion(tool: string, versionOutput: string, serverVersionNum: number): number {
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(versionOutput);
  if (!m) throw new BackupError(`${tool} --version says "${versionOutput.trim()}": not PostgreSQL's ${basename(tool)}`);
  const major = Number(m[1]);
  const server = Math.floor(serverVersionNum / 10000);
  if (major < server) {
    throw new BackupError(`${tool} is version ${major}, older than the server (PostgreSQL ${server}): install postgresql-client-${server} or newer, or set ANTQ_PG_BIN to its folder`);
  }
  return major;
}

/** The URL libpq is given (without the password: that goes in PGPASSWORD, out of the process list) and its environment. */
export function libpqArgs(url: string, env: NodeJS.ProcessEnv = process.env): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  // node-postgres's ssl=true is libpq's sslmode=require; libpq refuses parameters it does not know.
  const ssl = u.searchParams.get('ssl');
  if (ssl !== null) {
    u.searchParams.delete('ssl');
    if (ssl !== 'false' && ssl !== '0' && !u.searchParams.has('sslmode')) u.searchParams.set('sslmode', 'require');
  }
  return { dbname: u.toString(), env: password ? { ...env, PGPASSWORD: password } : env };
}

/** Runs a client tool; its stdout, or a BackupError saying `what` and the first lines of its stderr. */
export async function runTool(bin: string, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<string> {
  try {
    return (await exec(bin, args, { env, encoding: 'utf8', maxBuffer: 64 << 20 })).stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    const said = (err.stderr ?? '').trim().split('\n').filter(Boolean).slice(0, 4).join('; ');
    throw new BackupError(`${what}: ${said || err.message}`);
  }
}
