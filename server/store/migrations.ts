// Schema of the embedded store, as a numbered list of SQL steps. A step, once released, is never
// edited: later changes (e.g. the import history table) are appended as new steps. Each step that
// is not yet in `schema_migrations` runs at open, all of them in one transaction.

import type Database from 'better-sqlite3';
import { STEPS_1_2 } from './steps/sqlite-1-2.js';
import { STEPS_3_6 } from './steps/sqlite-3-6.js';
import { STEPS_7 } from './steps/sqlite-7.js';
import { SQLITE_STEP_8 } from './steps/step-8.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Every step, in order; a new step goes at the end of the last list (or a new one). */
export const MIGRATIONS: readonly Migration[] = [...STEPS_1_2, ...STEPS_3_6, ...STEPS_7, SQLITE_STEP_8];

/** Applies the pending migrations in one transaction; returns the ids applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const ids = [...migrations.map((m) => m.id)];
  if (ids.some((id, k) => k > 0 && id <= ids[k - 1])) throw new Error('migrations must have increasing ids');
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  const readDone = db.prepare('SELECT id FROM schema_migrations');
  const known = new Set(ids);
  // IMMEDIATE: takes the write lock first, so two processes opening a new file do not both migrate
  const pending = db
    .transaction(() => {
      const done = new Set((readDone.all() as { id: number }[]).map((r) => r.id));
      const unknown = [...done].filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new Error(`database has migrations ${unknown.join(', ')} that this code does not know (newer schema?)`);
      }
      const todo = migrations.filter((m) => !done.has(m.id));
      for (const m of todo) {
        db.exec(m.sql);
        record.run(m.id, m.name, new Date().toISOString());
      }
      return todo;
    })
    .immediate();
  return pending.map((m) => m.id);
}
