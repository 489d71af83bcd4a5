// A test whose prerequisite (data, build, Chromium, poppler…) is missing must not pass green by skipping:
// under CI the run fails and says why; on a developer's machine the suite skips with a loud warning.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../server/config.js';

/** True when running under CI (`CI=true`, or any value but "false"/"0"/""). */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== 'false' && v !== '0';
}

/**
 * Whether `suite` must be skipped because of `missing` (a reason, or null when nothing is missing).
 * Under CI it throws instead, so the test file fails with the reason.
 */
export function skipUnlessCi(suite: string, missing: string | null | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!missing) return false;
  if (underCi(env)) throw new Error(`${suite}: prerequisite missing under CI: ${missing}`);
  console.warn(`\n!!! SKIPPED ${suite}: ${missing} (under CI=true this fails the run)\n`);
  return true;
}

/** Why the boundary layers cannot be read, or null when `npm run data` has built them. */
export function missingGeo(): string | null {
  const manifest = join(paths().buildDir, 'geo', 'manifest.json');
  return existsSync(manifest) ? null : `boundary layers not built (${manifest}): run "npm run data"`;
}

/** Why the seeded database or the boundary layers are missing, or null. */
export function missingSeededApi(db: string | null, seededDbSkip: string | null): string | null {
  return !db ? (seededDbSkip ?? 'no seeded database') : missingGeo();
}

/** Why poppler's tools are missing, or null. */
export function missingPoppler(tools = ['pdftoppm', 'pdftotext', 'pdfinfo']): string | null {
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  const absent = tools.filter((t) => !dirs.some((d) => existsSync(join(d, t))));
  return absent.length ? `poppler-utils not installed (${absent.join(', ')} not on PATH)` : null;
}
