// npm run restore -- FILE [--force]
// Puts a backup made by `npm run backup` in place of the portal's database, with the portal stopped: a SQLite
// file in place of ANTQ_DB, or a pg_dump archive (or a SQLite file, copied over) in place of the PostgreSQL
// database in ANTQ_DATABASE_URL; the kind is read from the file. The file is checked first (checksum, content, schema); a database holding data
// is replaced only with --force, and is kept (<db>.before-restore-<time>, or database <name>_before_restore_<time>)
// so that a restore can itself be undone.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { paths } from '../server/config.js';
import { databaseUrl, redact } from '../server/store/open.js';
import { BackupError, backupKind, rowSummary, type RestoreResult } from './backup/common.js';
import { restorePg } from './backup/pg.js';
import { restoreSqlite } from './backup/sqlite.js';

const USAGE = 'usage: npm run restore -- FILE [--force]   (stop the portal first; --force replaces a database that holds data)';

export async function restore(argv: string[], env: NodeJS.ProcessEnv = process.env, log: (s: string) => void = console.log): Promise<RestoreResult> {
  const force = argv.includes('--force');
  const rest = argv.filter((a) => a !== '--force');
  if (rest.length !== 1 || rest[0].startsWith('-')) throw new BackupError(USAGE);
  // npm runs scripts in the package folder; INIT_CWD is where the command was typed.
  const file = resolve(env.INIT_CWD ?? process.cwd(), rest[0]);
  const kind = backupKind(file);
  const url = databaseUrl(env);
  if (kind === null) throw new BackupError(`${file} is neither a SQLite database nor a pg_dump archive (custom format): not a backup made by npm run backup`);
  if (kind === 'pgdump' && !url) throw new BackupError(`${file} is a pg_dump archive of a PostgreSQL store: set ANTQ_DATABASE_URL to the database to restore it into`);
  const where = url ? redact(url) : paths(env).dbPath;
  const r = url ? await restorePg(file, url, { force }, env) : await restoreSqlite(file, where, { force });
  log(`restore: ${file} → ${where} (schema ${r.check.migration}; ${rowSummary(r.check)})`);
  if (r.previous) log(`restore: the database it replaced is kept as ${r.previous}${url ? ` (DROP DATABASE ${r.previous} once the restore is checked)` : ''}`);
  log('restore: to check it, compare these rows with those `npm run backup` printed for this file, then start the portal and open /api/health and the map');
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  restore(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof BackupError ? `restore: ${e.message}` : e);
    process.exit(1);
  });
}
