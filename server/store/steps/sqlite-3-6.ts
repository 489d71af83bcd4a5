// Steps 3–6 (decks, log-in attempts, column mappings, figures not reported) of the embedded store's schema (see ../migrations.ts). Released steps are never edited.

import type { Migration } from '../migrations.js';

export const STEPS_3_6: readonly Migration[] = [
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
];
