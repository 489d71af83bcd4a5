// npm run restore FILE
// Puts a backup made by `npm run backup` in place of the database at ANTQ_DB, with the portal stopped.
// The file is checked first (checksum, integrity, schema); the database it replaces is kept beside it
// as <db>.before-restore-<UTC time>, so that a restore can itself be undone.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { paths } from '../server/config.js';
import { BackupError, restoreSqlite, type RestoreResult } from './backup/sqlite.js';
import { storeKind } from './backup.js';

const USAGE = 'usage: npm run restore FILE   (stop the portal first)';

export async function restore(argv: string[], env: NodeJS.ProcessEnv = process.env, log: (s: string) => void = console.log): Promise<RestoreResult> {
  if (argv.length !== 1 || argv[0].startsWith('-')) throw new BackupError(USAGE);
  if (storeKind(env) === 'postgres') throw new BackupError('ANTQ_DATABASE_URL is set: restore the PostgreSQL database with pg_restore (this script restores the embedded SQLite store only, for now)');
  // npm runs scripts in the package folder; INIT_CWD is where the command was typed.
  const file = resolve(env.INIT_CWD ?? process.cwd(), argv[0]);
  const dbPath = paths(env).dbPath;
  const r = await restoreSqlite(file, dbPath);
  log(`restore: ${file} → ${dbPath} (schema ${r.check.migration}; ${Object.entries(r.check.tables).map(([t, n]) => `${t} ${n}`).join(', ')})`);
  if (r.previous) log(`restore: the database it replaced is kept as ${r.previous}`);
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  restore(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof BackupError ? `restore: ${e.message}` : e);
    process.exit(1);
  });
}
