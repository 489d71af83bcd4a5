// npm run backup [-- --dir DIR]
// A consistent copy of the portal's database while it runs, into DIR (default var/backups, or
// ANTQ_BACKUP_DIR) with its sha256 beside it: antq-<UTC time>.sqlite for the embedded store, or
// antq-<UTC time>.pgdump (pg_dump's custom format) when ANTQ_DATABASE_URL names a PostgreSQL database.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, paths } from '../server/config.js';
import { databaseUrl } from '../server/store/open.js';
import { BackupError, rowSummary, type BackupResult } from './backup/common.js';
import { backupPg } from './backup/pg.js';
import { backupSqlite } from './backup/sqlite.js';

const USAGE = 'usage: npm run backup [-- --dir DIR]';

export function backupDir(argv: string[], env: NodeJS.ProcessEnv): string {
  const k = argv.indexOf('--dir');
  if (k >= 0 && !argv[k + 1]) throw new BackupError(USAGE);
  const extra = argv.filter((a, i) => a !== '--dir' && argv[i - 1] !== '--dir');
  if (extra.length) throw new BackupError(`unknown argument ${extra.join(' ')}\n${USAGE}`);
  // npm runs scripts in the package folder; INIT_CWD is where the command was typed.
  return k >= 0 ? resolve(env.INIT_CWD ?? process.cwd(), argv[k + 1]) : resolve(ROOT, env.ANTQ_BACKUP_DIR ?? 'var/backups');
}

export async function backup(argv: string[], env: NodeJS.ProcessEnv = process.env, log: (s: string) => void = console.log): Promise<BackupResult> {
  const dir = backupDir(argv, env);
  mkdirSync(dir, { recursive: true });
  const url = databaseUrl(env);
  const r = url ? await backupPg(url, dir, env) : await backupSqlite(paths(env).dbPath, dir);
  log(`backup: ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB, schema ${r.check.migration}, sha256 ${r.sha256.slice(0, 16)}…)`);
  log(`backup: rows: ${rowSummary(r.check)}`);
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  backup(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof BackupError ? `backup: ${e.message}` : e);
    process.exit(1);
  });
}
