// The PostgreSQL store's writes of figures and reference, each a few statements with the rows as one array
// per column (unnest), run inside the caller's transaction.

import type pg from 'pg';
import { AssessableMemo, assessableFrom, checkBatch } from '../batchCheck.js';
import { FIGURE_COLUMNS, READ_SQL, figureColumns } from '../rows.js';
import type { BatchWrite, Reference } from '../store.js';
import { metaValue } from './reads.js';
import { wrapPg } from './runner.js';

const ROW_TYPES: Record<string, string> = { vintage: 'text', commune_code: 'text', year: 'int', province_code: 'text', status: 'text', batch_id: 'int' };
const UPSERT_COLUMNS = ['vintage', 'commune_code', 'year', 'province_code', ...FIGURE_COLUMNS, 'batch_id'] as const;
// One statement per batch: the rows as one array per column. An import replaces any row; a sample row never replaces an imported one.
const UPSERT_ASSESSMENTS = `
  INSERT INTO assessments (${UPSERT_COLUMNS.join(', ')})
  SELECT * FROM unnest(${UPSERT_COLUMNS.map((c, k) => `$${k + 1}::${ROW_TYPES[c] ?? (c === 'exemplary' || c === 'key_area' || c === 'hot_spot' ? 'smallint' : 'int')}[]`).join(', ')})
  ON CONFLICT (vintage, year, commune_code) DO UPDATE SET
    ${['province_code', ...FIGURE_COLUMNS, 'batch_id'].map((c) => `${c} = excluded.${c}`).join(', ')}
  WHERE $${UPSERT_COLUMNS.length + 1} = 'import' OR (SELECT origin FROM batches b WHERE b.id = assessments.batch_id) <> 'import'`;
const UPSERT_RETURNS = `
  INSERT INTO province_returns (vintage, province_code, year, bodies_total, bodies_certified, batch_id)
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[])
  ON CONFLICT (vintage, year, province_code) DO UPDATE SET
    bodies_total = excluded.bodies_total, bodies_certified = excluded.bodies_certified, batch_id = excluded.batch_id
  WHERE $7 = 'import' OR (SELECT origin FROM batches b WHERE b.id = province_returns.batch_id) <> 'import'`;

const columnsOf = <T extends Record<string, unknown>>(rows: T[], cols: readonly (keyof T)[]) => cols.map((c) => rows.map((r) => r[c]));

/** The reference replaced whole on `c` (checked by the caller); assessments follow their communes' provinces. */
export async function writeReference(c: pg.PoolClient, ref: Reference): Promise<void> {
  await c.query('DELETE FROM crosswalk');
  await c.query('DELETE FROM units');
  const u = ref.units;
  await c.query(
    `INSERT INTO units (vintage, code, level, name, full_name, type, province_code, district_code, population, area_km2)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::float8[])`,
    [u.map((x) => x.vintage), u.map((x) => x.code), u.map((x) => x.level), u.map((x) => x.name), u.map((x) => x.fullName), u.map((x) => x.type),
      u.map((x) => x.provinceCode), u.map((x) => x.districtCode), u.map((x) => x.population), u.map((x) => x.areaKm2)],
  );
  const l = ref.crosswalk;
  await c.query('INSERT INTO crosswalk (old_code, new_code, relation, weight) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[])', [
    l.map((x) => x.oldCode), l.map((x) => x.newCode), l.map((x) => x.relation), l.map((x) => x.weight),
  ]);
  await c.query(`UPDATE assessments a SET province_code = u.province_code FROM units u
    WHERE u.vintage = a.vintage AND u.code = a.commune_code AND u.province_code <> a.province_code`);
  await c.query("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'reference_version'");
}

/** Writes one batch and its rows; runs inside a transaction on `c`. Returns the batch id. */
export async function writeBatchRows(c: pg.PoolClient, batch: BatchWrite, memo: AssessableMemo): Promise<number> {
  const refVersion = await metaValue(c, 'reference_version');
  const codes = memo.get(refVersion) ?? memo.set(refVersion, assessableFrom((await c.query(READ_SQL.assessableUnits)).rows as never, (await c.query(READ_SQL.provinceCodes)).rows as never));
  const { assessments, returns } = checkBatch(batch, codes);
  try {
    const { rows } = await c.query<{ id: number }>('INSERT INTO batches (origin, source, created_at, note) VALUES ($1, $2, $3, $4) RETURNING id', [
      batch.origin, batch.source, new Date().toISOString(), batch.note ?? '',
    ]);
    const batchId = rows[0].id;
    if (assessments.length > 0) {
      const named = assessments.map((a) => ({ vintage: a.vintage, commune_code: a.communeCode, year: a.year, province_code: a.provinceCode, ...figureColumns(a), batch_id: batchId }));
      await c.query(UPSERT_ASSESSMENTS, [...columnsOf(named, UPSERT_COLUMNS), batch.origin]);
    }
    if (returns.length > 0) {
      await c.query(UPSERT_RETURNS, [
        returns.map((r) => r.vintage), returns.map((r) => r.provinceCode), returns.map((r) => r.year),
        returns.map((r) => r.bodies.total), returns.map((r) => r.bodies.certified), returns.map(() => batchId), batch.origin,
      ]);
    }
    return batchId;
  } catch (e) {
    return wrapPg(e, 'writeBatch');
  }
}
