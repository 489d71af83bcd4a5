// npm run backup [-- --dir DIR]
// A consistent copy of the portal's database while it runs, into DIR (default var/backups, or
// ANTQ_BACKUP_DIR) as antq-<UTC time>.sqlite with its sha256 beside it. The embedded SQLite store
// only for now; a PostgreSQL store (once it exists) gets its pg_dump branch in `backupFor`.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, paths } from '../server/config.js';
import { backupSqlite, BackupError, type BackupResult } from './backup/sqlite.js';

const USAGE = 'usage: npm run backup [-- --dir DIR]';

/** Which store this environment runs on: a server database when ANTQ_DATABASE_URL names one. */
export const storeKind = (env: NodeJS.ProcessEnv) => (env.ANTQ_DATABASE_URL ? 'postgres' : 'sqlite');

export function backupDir(argv: string[], env: NodeJS.ProcessEnv): string {
  const k = argv.indexOf('--dir');
  if (k >= 0 && !argv[k + 1]) throw new BackupError(USAGE);
  const extra = argv.filter((a, i) => a !== '--dir' && argv[i - 1] !== '--dir');
  if (extra.length) throw new BackupError(`unknown argument ${extra.join(' ')}\n${USAGE}`);
  return resolve(ROOT, k >= 0 ? argv[k + 1] : (env.ANTQ_BACKUP_DIR ?? 'var/backups'));
}

async function backupFor(env: NodeJS.ProcessEnv, dir: string): Promise<BackupResult> {
  if (storeKind(env) === 'postgres') throw new BackupError('ANTQ_DATABASE_URL is set: back the PostgreSQL database up with pg_dump (this script backs up the embedded SQLite store only, for now)');
  return backupSqlite(paths(env).dbPath, dir);
}

export async function backup(argv: string[], env: NodeJS.ProcessEnv = process.env, log: (s: string) => void = console.log): Promise<BackupResult> {
  const dir = backupDir(argv, env);
  mkdirSync(dir, { recursive: true });
  const r = await backupFor(env, dir);
  const rows = Object.entries(r.check.tables).map(([t, n]) => `${t} ${n}`).join(', ');
  log(`backup: ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB, schema ${r.check.migration}, sha256 ${r.sha256.slice(0, 16)}…)`);
  log(`backup: rows: ${rows}`);
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  backup(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof BackupError ? `backup: ${e.message}` : e);
    process.exit(1);
  });
}
