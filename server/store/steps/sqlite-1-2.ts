// Steps 1–2 (figures; the import ledger, accounts and audit log) of the embedded store's schema (see ../migrations.ts). Released steps are never edited.

import type { Migration } from '../migrations.js';

export const STEPS_1_2: readonly Migration[] = [
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
];
