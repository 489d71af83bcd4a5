import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, paths } from '../../server/config.js';

const npm = (...args: string[]) => execFileSync('npm', ['run', ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * What the benchmark measures must exist and be current: the boundary layers (the pipeline is
 * incremental, so an unchanged build costs ~2 s), a seeded database (left alone if it has data), and
 * the built client (rebuilt when missing or older than client/, so the figures are of the code as it is; not
 * for the API's figures alone).
 */
export function prepare(log: (s: string) => void, o: { client: boolean } = { client: true }): void {
  const p = paths();
  log('prepare: npm run data');
  npm('data');
  log(`prepare: npm run seed -- --if-empty (${p.dbPath})`);
  npm('seed', '--', '--if-empty');
  const index = join(p.clientDir, 'index.html');
  if (o.client && (!existsSync(index) || statSync(index).mtimeMs < newestMtime(join(ROOT, 'client')))) {
    log('prepare: npm run build');
    npm('build');
  }
}
