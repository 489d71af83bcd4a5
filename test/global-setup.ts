import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, paths } from '../server/config.js';
import { underCi } from './support/prerequisites.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database seeded once per run with the sample data, for API and end-to-end tests (read-only). */
    seededDb: string | null;
    /** Why seededDb is null (no source data beside the repo). */
    seededDbSkip: string | null;
  }
}

/** Seeds one database for the whole run through the real CLI, as a user would. */
export default function setup(project: TestProject) {
  const p = paths();
  if (!existsSync(join(p.sourceDir, 'units', '2025', 'communes.csv'))) {
    const why = `no source data at ${p.sourceDir} (set ANTQ_SOURCE_DIR)`;
    // Under CI the API and end-to-end suites must run: fail the whole run rather than let them skip.
    if (underCi()) throw new Error(`test setup: prerequisite missing under CI: ${why}`);
    console.warn(`\n!!! No seeded database: ${why}; the API and end-to-end suites will skip (under CI=true this fails the run)\n`);
    project.provide('seededDb', null);
    project.provide('seededDbSkip', why);
    return;
  }
  const dir = join(p.buildDir, 'test');
  mkdirSync(dir, { recursive: true });
  const db = join(dir, `seeded-${process.pid}.sqlite`);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    cwd: ROOT,
    env: { ...process.env, ANTQ_DB: db },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  project.provide('seededDb', db);
  project.provide('seededDbSkip', null);
  return () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  };
}
