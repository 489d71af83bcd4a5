// Step 8 (the database's identity) of both stores' schemas (../migrations.ts, ../pg/migrations.ts). Released steps
// are never edited.
//
// The data version counts writes from 0 in each new database, so a database re-seeded from nothing repeats the
// numbers of the one it replaced: a page still open on the old one would take the new figures for its own. A random
// id given once, when the database is made (or first migrated), tells them apart: pages compare it with the version.

import type { Migration } from '../migrations.js';

const NAME = "the database's identity, beside its data version";

/** A new identity, in each dialect: 24 random hex digits (gen_random_uuid() is built in from PostgreSQL 13). */
const NEW_ID = { sqlite: 'lower(hex(randomblob(12)))', postgres: "left(replace(gen_random_uuid()::text, '-', ''), 24)" } as const;

export const SQLITE_STEP_8: Migration = { id: 8, name: NAME, sql: `INSERT INTO meta (key, value) VALUES ('db_id', ${NEW_ID.sqlite});` };
export const PG_STEP_8: Migration = { id: 8, name: NAME, sql: `INSERT INTO meta (key, value) VALUES ('db_id', ${NEW_ID.postgres});` };

/**
 * Gives a restored database an identity of its own: after a restore its versions go on from the backup's, and would
 * repeat numbers the database it replaced had already used.
 */
export const renewIdentitySql = (dialect: keyof typeof NEW_ID) => `UPDATE meta SET value = ${NEW_ID[dialect]} WHERE key = 'db_id'`;
