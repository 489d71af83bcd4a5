// Schema of the embedded store, as a numbered list of SQL steps. A step, once released, is never
// edited: later changes (e.g. the import history table) are appended as new steps. Each step that
// is not yet in `schema_migrations` runs at open, all of them in one transaction.

import type Database from 'better-sqlite3';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'units, crosswalk, batches, assessments, province returns',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO meta (key, value) VALUES ('version', '0'), ('reference_version', '0');

      CREATE TABLE units (
        vintage       TEXT NOT NULL CHECK (vintage IN ('2025', 'pre2025')),
        code          TEXT NOT NULL,
        level         TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
        name          TEXT NOT NULL,
        full_name     TEXT NOT NULL,
        type          TEXT NOT NULL,
        province_code TEXT NOT NULL,
        district_code TEXT,
        population    INTEGER CHECK (population IS NULL OR population >= 0),
        area_km2      REAL CHECK (area_km2 IS NULL OR area_km2 >= 0),
        PRIMARY KEY (vintage, code)
      ) WITHOUT ROWID;
      CREATE INDEX units_by_level ON units (vintage, level, province_code);

      CREATE TABLE crosswalk (
        old_code TEXT NOT NULL,
        new_code TEXT NOT NULL,
        relation TEXT NOT NULL CHECK (relation IN ('full', 'partial')),
        weight   REAL NOT NULL CHECK (weight > 0 AND weight <= 1),
        PRIMARY KEY (old_code, new_code)
      ) WITHOUT ROWID;
      CREATE INDEX crosswalk_by_new ON crosswalk (new_code);

      CREATE TABLE batches (
        id         INTEGER PRIMARY KEY,
        origin     TEXT NOT NULL CHECK (origin IN ('sample', 'import')),
        source     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        note       TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX batches_by_origin ON batches (origin);

      CREATE TABLE assessments (
        vintage       TEXT NOT NULL CHECK (vintage IN ('2025', 'pre2025')),
        commune_code  TEXT NOT NULL,
        year          INTEGER NOT NULL,
        province_code TEXT NOT NULL, -- copied from units, for per-province queries without a join
        status        TEXT NOT NULL CHECK (status IN ('dat', 'chua_dat', 'chua_danh_gia')),
        exemplary     INTEGER NOT NULL CHECK (exemplary IN (0, 1)),
        rd_total      INTEGER NOT NULL,
        rd_certified  INTEGER NOT NULL,
        ag_total      INTEGER NOT NULL,
        ag_certified  INTEGER NOT NULL,
        en_total      INTEGER NOT NULL,
        en_certified  INTEGER NOT NULL,
        sc_total      INTEGER NOT NULL,
        sc_certified  INTEGER NOT NULL,
        models        INTEGER NOT NULL,
        key_area      INTEGER NOT NULL CHECK (key_area IN (0, 1)),
        hot_spot      INTEGER NOT NULL CHECK (hot_spot IN (0, 1)),
        batch_id      INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        CONSTRAINT year_in_vintage CHECK ((vintage = '2025') = (year >= 2025) AND year BETWEEN 1990 AND 2100),
        CONSTRAINT residential_counts CHECK (rd_certified >= 0 AND rd_certified <= rd_total),
        CONSTRAINT agencies_counts CHECK (ag_certified >= 0 AND ag_certified <= ag_total),
        CONSTRAINT enterprises_counts CHECK (en_certified >= 0 AND en_certified <= en_total),
        CONSTRAINT schools_counts CHECK (sc_certified >= 0 AND sc_certified <= sc_total),
        CONSTRAINT models_count CHECK (models >= 0),
        PRIMARY KEY (vintage, year, commune_code) -- one year of a vintage is one contiguous range
      ) WITHOUT ROWID;
      CREATE INDEX assessments_by_year_province ON assessments (vintage, year, province_code);
      CREATE INDEX assessments_by_commune ON assessments (vintage, commune_code);
      CREATE INDEX assessments_by_batch ON assessments (batch_id);

      CREATE TABLE province_returns (
        vintage          TEXT NOT NULL CHECK (vintage IN ('2025', 'pre2025')),
        province_code    TEXT NOT NULL,
        year             INTEGER NOT NULL,
        bodies_total     INTEGER NOT NULL,
        bodies_certified INTEGER NOT NULL,
        batch_id         INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        CONSTRAINT year_in_vintage CHECK ((vintage = '2025') = (year >= 2025) AND year BETWEEN 1990 AND 2100),
        CONSTRAINT bodies_counts CHECK (bodies_certified >= 0 AND bodies_certified <= bodies_total),
        PRIMARY KEY (vintage, year, province_code)
      ) WITHOUT ROWID;
      CREATE INDEX province_returns_by_batch ON province_returns (batch_id);
    `,
  },
  {
    id: 2,
    name: 'imports, assessment history, users, sessions, audit log',
    sql: `
      -- One row per import batch: what was read, by whom, and whether it was rolled back.
      CREATE TABLE imports (
        batch_id       INTEGER PRIMARY KEY REFERENCES batches (id) ON DELETE CASCADE,
        vintage        TEXT NOT NULL CHECK (vintage IN ('2025', 'pre2025')),
        year           INTEGER NOT NULL,
        province_code  TEXT,
        file_name      TEXT NOT NULL,
        file_sha256    TEXT NOT NULL,
        user_name      TEXT NOT NULL,
        rows_written   INTEGER NOT NULL,
        rows_skipped   INTEGER NOT NULL,
        created_at     TEXT NOT NULL,
        rolled_back_at TEXT,
        rolled_back_by TEXT
      );

      -- The before-image of every assessment an import replaced (same columns as assessments), so that
      -- rolling the import back restores exactly what was there. No row: the commune had no figures.
      -- before_batch_id has no foreign key: regenerating the sample data must not erase the history.
      CREATE TABLE assessment_history (
        replaced_by     INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        vintage         TEXT NOT NULL,
        year            INTEGER NOT NULL,
        commune_code    TEXT NOT NULL,
        province_code   TEXT NOT NULL,
        status          TEXT NOT NULL,
        exemplary       INTEGER NOT NULL,
        rd_total        INTEGER NOT NULL,
        rd_certified    INTEGER NOT NULL,
        ag_total        INTEGER NOT NULL,
        ag_certified    INTEGER NOT NULL,
        en_total        INTEGER NOT NULL,
        en_certified    INTEGER NOT NULL,
        sc_total        INTEGER NOT NULL,
        sc_certified    INTEGER NOT NULL,
        models          INTEGER NOT NULL,
        key_area        INTEGER NOT NULL,
        hot_spot        INTEGER NOT NULL,
        before_batch_id INTEGER NOT NULL,
        before_origin   TEXT NOT NULL,
        PRIMARY KEY (replaced_by, vintage, year, commune_code)
      ) WITHOUT ROWID;
      CREATE INDEX assessment_history_by_row ON assessment_history (vintage, year, commune_code);

      CREATE TABLE users (
        name          TEXT PRIMARY KEY,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
        province_code TEXT, -- a 2025 province, editors only
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at    TEXT NOT NULL,
        CONSTRAINT editor_has_province CHECK ((role = 'editor') = (province_code IS NOT NULL))
      );

      -- Only a hash of the session token is stored: a copy of the database opens no session.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_name  TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        user_name   TEXT NOT NULL,
        action      TEXT NOT NULL,
        target      TEXT NOT NULL,
        file_sha256 TEXT,
        summary     TEXT NOT NULL,
        details     TEXT NOT NULL -- JSON: before and after
      );
    `,
  },
  {
    id: 3,
    name: 'decks of saved views (conference slides)',
    sql: `
      -- A deck is an ordered list of saved map views, played in presentation mode.
      CREATE TABLE decks (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        owner      TEXT NOT NULL, -- the user who created it (no foreign key: a deck outlives its account)
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- view: the map's URL query string without presentation keys (validated by shared/domain/slideView.ts).
      CREATE TABLE deck_slides (
        id         INTEGER PRIMARY KEY,
        deck_id    INTEGER NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL CHECK (position >= 0),
        title      TEXT NOT NULL,
        subtitle   TEXT,
        view       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (deck_id, position)
      );
    `,
  },
  {
    id: 4,
    name: 'log-in attempts; sessions keep a hash of the CSRF token',
    sql: `
      -- Every log-in attempt, reserved before the password is checked (outcome 'pending') and settled after,
      -- so that parallel attempts are counted as they start. Kept 30 days: successes mark known addresses.
      CREATE TABLE login_attempts (
        id      INTEGER PRIMARY KEY,
        at      INTEGER NOT NULL, -- ms since the epoch
        account TEXT NOT NULL,    -- as typed, lower-cased (unknown names too)
        address TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'fail', 'ok'))
      );
      CREATE INDEX login_attempts_by_account ON login_attempts (account, at);
      CREATE INDEX login_attempts_by_address ON login_attempts (address, at);
      CREATE INDEX login_attempts_by_at ON login_attempts (at);

      -- Sessions are short-lived: the ones open before this step end (their CSRF token was stored in clear).
      DROP TABLE sessions;
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_name  TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
        csrf_hash  TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    id: 5,
    name: 'column mappings of returns, remembered per province',
    sql: `
      -- The column mapping and spelling answers a user confirmed for a province's return, offered for
      -- the next file of that province. key: the 2025 province ('tỉnh 24', also for the old provinces that went into it) or '*' (all).
      CREATE TABLE import_mappings (
        key        TEXT PRIMARY KEY,
        mapping    TEXT NOT NULL, -- JSON: { columns: { heading: column id | "ignore" }, answers: { question id: answer } }
        saved_at   TEXT NOT NULL,
        saved_by   TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    id: 6,
    name: 'figures a return does not report are NULL (unknown), never 0',
    sql: `
      -- SQLite cannot drop NOT NULL in place: both tables are rebuilt, their rows copied as they are.
      -- A count pair is reported whole or not at all. Nothing references these tables (no foreign key to rebuild).
      CREATE TABLE assessments_v6 (
        vintage       TEXT NOT NULL CHECK (vintage IN ('2025', 'pre2025')),
        commune_code  TEXT NOT NULL,
        year          INTEGER NOT NULL,
        province_code TEXT NOT NULL, -- copied from units, for per-province queries without a join
        status        TEXT NOT NULL CHECK (status IN ('dat', 'chua_dat', 'chua_danh_gia')),
        exemplary     INTEGER NOT NULL CHECK (exemplary IN (0, 1)),
        rd_total      INTEGER,
        rd_certified  INTEGER,
        ag_total      INTEGER,
        ag_certified  INTEGER,
        en_total      INTEGER,
        en_certified  INTEGER,
        sc_total      INTEGER,
        sc_certified  INTEGER,
        models        INTEGER, -- NULL: not reported
        key_area      INTEGER NOT NULL CHECK (key_area IN (0, 1)),
        hot_spot      INTEGER NOT NULL CHECK (hot_spot IN (0, 1)),
        batch_id      INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        CONSTRAINT year_in_vintage CHECK ((vintage = '2025') = (year >= 2025) AND year BETWEEN 1990 AND 2100),
        CONSTRAINT residential_counts CHECK ((rd_total IS NULL) = (rd_certified IS NULL) AND rd_certified >= 0 AND rd_certified <= rd_total),
        CONSTRAINT agencies_counts CHECK ((ag_total IS NULL) = (ag_certified IS NULL) AND ag_certified >= 0 AND ag_certified <= ag_total),
        CONSTRAINT enterprises_counts CHECK ((en_total IS NULL) = (en_certified IS NULL) AND en_certified >= 0 AND en_certified <= en_total),
        CONSTRAINT schools_counts CHECK ((sc_total IS NULL) = (sc_certified IS NULL) AND sc_certified >= 0 AND sc_certified <= sc_total),
        CONSTRAINT models_count CHECK (models >= 0),
        PRIMARY KEY (vintage, year, commune_code)
      ) WITHOUT ROWID;
      INSERT INTO assessments_v6 SELECT vintage, commune_code, year, province_code, status, exemplary, rd_total, rd_certified,
        ag_total, ag_certified, en_total, en_certified, sc_total, sc_certified, models, key_area, hot_spot, batch_id FROM assessments;
      DROP TABLE assessments;
      ALTER TABLE assessments_v6 RENAME TO assessments;
      CREATE INDEX assessments_by_year_province ON assessments (vintage, year, province_code);
      CREATE INDEX assessments_by_commune ON assessments (vintage, commune_code);
      CREATE INDEX assessments_by_batch ON assessments (batch_id);

      CREATE TABLE assessment_history_v6 (
        replaced_by     INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        vintage         TEXT NOT NULL,
        year            INTEGER NOT NULL,
        commune_code    TEXT NOT NULL,
        province_code   TEXT NOT NULL,
        status          TEXT NOT NULL,
        exemplary       INTEGER NOT NULL,
        rd_total        INTEGER,
        rd_certified    INTEGER,
        ag_total        INTEGER,
        ag_certified    INTEGER,
        en_total        INTEGER,
        en_certified    INTEGER,
        sc_total        INTEGER,
        sc_certified    INTEGER,
        models          INTEGER,
        key_area        INTEGER NOT NULL,
        hot_spot        INTEGER NOT NULL,
        before_batch_id INTEGER NOT NULL,
        before_origin   TEXT NOT NULL,
        PRIMARY KEY (replaced_by, vintage, year, commune_code)
      ) WITHOUT ROWID;
      INSERT INTO assessment_history_v6 SELECT replaced_by, vintage, year, commune_code, province_code, status, exemplary,
        rd_total, rd_certified, ag_total, ag_certified, en_total, en_certified, sc_total, sc_certified, models, key_area,
        hot_spot, before_batch_id, before_origin FROM assessment_history;
      DROP TABLE assessment_history;
      ALTER TABLE assessment_history_v6 RENAME TO assessment_history;
      CREATE INDEX assessment_history_by_row ON assessment_history (vintage, year, commune_code);
    `,
  },
  {
    id: 7,
    name: 'yes/no flags a return does not report are NULL (unknown), never "no"',
    // Each flag column replaced by a nullable copy (SQLite cannot drop NOT NULL in place); the flags move to the end of the row.
    sql: ['assessments', 'assessment_history']
      .flatMap((t) =>
        ['exemplary', 'key_area', 'hot_spot'].map(
          (c) => `ALTER TABLE ${t} ADD COLUMN ${c}_v7 INTEGER${t === 'assessments' ? ` CHECK (${c}_v7 IN (0, 1))` : ''};
            UPDATE ${t} SET ${c}_v7 = ${c};
            ALTER TABLE ${t} DROP COLUMN ${c};
            ALTER TABLE ${t} RENAME COLUMN ${c}_v7 TO ${c};`,
        ),
      )
      .join('\n'),
  },
];

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
