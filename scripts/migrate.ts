// npm run migrate
// Applies the pending schema migrations to the database the portal uses (ANTQ_DATABASE_URL, else the SQLite
// file at ANTQ_DB) and says which. App processes do the same at start; on PostgreSQL under an advisory lock,
// so running this while they start is safe.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { paths } from '../server/config.js';
import { MIGRATIONS, migrate } from '../server/store/migrations.js';
import { databaseUrl, redact } from '../server/store/open.js';
import { PG_MIGRATIONS, migratePg } from '../server/store/pg/migrations.js';

export async function migrateCli(env: NodeJS.ProcessEnv = process.env, log: (s: string) => void = console.log): Promise<number[]> {
  const url = databaseUrl(env);
  let applied: number[];
  let all: readonly { id: number; name: string }[];
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      applied = await migratePg(client);
    } finally {
      await client.end();
    }
    all = PG_MIGRATIONS;
    log(`migrate: ${redact(url)}`);
  } else {
    const path = paths(env).dbPath;
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { timeout: 5000 });
    try {
      applied = migrate(db);
    } finally {
      db.close();
    }
    all = MIGRATIONS;
    log(`migrate: ${path}`);
  }
  for (const m of all) log(`  ${String(m.id).padStart(3)} ${m.name}${applied.includes(m.id) ? '  (applied now)' : ''}`);
  log(applied.length ? `migrate: applied ${applied.join(', ')}` : 'migrate: schema up to date');
  return applied;
}

if (process.argv[1]?.endsWith('scripts/migrate.ts')) {
  migrateCli().catch((e: unknown) => {
    console.error(`migrate: ${(e as Error).message}`);
    process.exit(1);
  });
}
