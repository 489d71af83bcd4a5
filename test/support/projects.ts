import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * vitest's two projects. Unit tests (pure rules, formats, parsers, the pipeline's steps) use nothing of the run's
 * global setup (the seeded databases, the PostgreSQL server): they run without isolation, in workers that keep one
 * module graph from file to file, so that the shared, server and client modules are imported once per worker
 * instead of once per file. Every other test file gets a fresh module graph, and the global setup.
 */
export const UNIT_DIRS = ['shared', 'client', 'server/auth', 'server/gis', 'server/import', 'server/lib', 'server/reports', 'server/services', 'scripts', 'test/support'];
const TEST_DIRS = ['shared', 'client', 'server', 'scripts', 'test'];
const TEST_FILE = /\.test\.tsx?$/;

/** What ties a test file to the global setup: a value it provides (inject), or a fixture that reads one. */
export const NEEDS_SETUP = /\binject\b|support\/(databases|freshApp)\.js|e2e\/harness\.js/;

/** Every test file (paths relative to `root`, with '/'), in one of the two projects. */
export function testProjects(root: string): { unit: string[]; integration: string[] } {
  const unit: string[] = [];
  const integration: string[] = [];
  for (const dir of TEST_DIRS) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
      const file = `${dir}/${entry.replaceAll('\\', '/')}`;
      if (!TEST_FILE.test(file) || file.includes('/node_modules/')) continue;
      const pure = UNIT_DIRS.some((d) => file.startsWith(`${d}/`)) && !NEEDS_SETUP.test(readFileSync(join(root, file), 'utf8'));
      (pure ? unit : integration).push(file);
    }
  }
  return { unit: unit.sort(), integration: integration.sort() };
}
