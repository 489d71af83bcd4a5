import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ROOT, paths } from '../server/config.js';
import { PG_SEEDED, postgresMissing, startPostgres, type PgServer } from '../scripts/cluster/postgres.js';
import { underCi } from './support/prerequisites.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database seeded once per run with the sample data, for API and end-to-end tests (read-only). */
    seededDb: string | null;
    /** Why seededDb is null (no source data beside the repo). */
    seededDbSkip: string | null;
    /** The run's throwaway PostgreSQL server (postgres://…/ without a database), or null. */
    pgBase: string | null;
    /** Why pgBase is null; under CI there is no such reason: the run fails instead. */
    pgSkip: string | null;
    /** Whether database PG_SEEDED on that server holds the seeded sample data (a template: clone it, never connect to it). */
    pgSeeded: boolean;
  }
}

const run = promisify(execFile);

/** Seeds one database for the whole run through the real CLI, as a user would: SQLite, and PostgreSQL beside it. */
export default async function setup(project: TestProject) {
  const p = paths();
  const haveSource = existsSync(join(p.sourceDir, 'units', '2025', 'communes.csv'));
  let server: PgServer | undefined;
  const missing = postgresMissing();
  if (missing) {
    if (underCi()) throw new Error(`test setup: prerequisite missing under CI: PostgreSQL: ${missing}`);
    console.warn(`\n!!! No PostgreSQL: ${missing}; the PostgreSQL suites will skip (under CI=true this fails the run)\n`);
    project.provide('pgBase', null);
    project.provide('pgSkip', missing);
  } else {
    try {
      server = await startPostgres();
    } catch (e) {
      throw new Error(`could not start the test PostgreSQL: ${(e as Error).message}`, { cause: e });
    }
    project.provide('pgBase', server.base);
    project.provide('pgSkip', null);
  }
  project.provide('pgSeeded', false);
  const stop = () => server?.stop();
  if (!haveSource) {
    const why = `no source data at ${p.sourceDir} (set ANTQ_SOURCE_DIR)`;
    // Under CI the API and end-to-end suites must run: fail the whole run rather than let them skip.
    if (underCi()) {
      stop();
      throw new Error(`test setup: prerequisite missing under CI: ${why}`);
    }
    console.warn(`\n!!! No seeded database: ${why}; the API and end-to-end suites will skip (under CI=true this fails the run)\n`);
    project.provide('seededDb', null);
    project.provide('seededDbSkip', why);
    return stop;
  }
  const dir = join(p.buildDir, 'test');
  mkdirSync(dir, { recursive: true });
  const db = join(dir, `seeded-${process.pid}.sqlite`);
  const seed = (env: NodeJS.ProcessEnv) => run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 << 20 });
  const jobs: Promise<unknown>[] = [seed({ ANTQ_DB: db, ANTQ_DATABASE_URL: '' })];
  if (server) {
    const admin = new pg.Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${PG_SEEDED}`);
    await admin.end();
    jobs.push(seed({ ANTQ_DATABASE_URL: server.url(PG_SEEDED) }));
  }
  try {
    await Promise.all(jobs);
  } catch (e) {
    stop();
    throw new Error(`seeding the test databases failed: ${(e as { stderr?: string }).stderr ?? (e as Error).message}`, { cause: e });
  }
  project.provide('seededDb', db);
  project.provide('seededDbSkip', null);
  project.provide('pgSeeded', server !== undefined);
  return () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    stop();
  };
}
