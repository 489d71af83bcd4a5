/**
 * npm run typecheck: the shared layer alone (neither DOM nor node types), the client (DOM) with the server and
 * shared layer it references, then the whole tree with its tests and scripts.
 *
 * With TypeScript 7, the native compiler (package alias `typescript7`): it checks this tree in about a quarter of
 * TypeScript 5's CPU time. The `typescript` package stays at 5.x for typescript-eslint's type-aware rules, which
 * need its JavaScript API (typescript-eslint 8 supports TypeScript < 6.1). Both install a `tsc` command, so this
 * names the native one by its path rather than trusting whichever `node_modules/.bin/tsc` npm linked last.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript7/package.json')), 'bin', 'tsc');

for (const args of [['-p', 'tsconfig.shared.json'], ['-b', 'tsconfig.client.json'], ['-p', 'tsconfig.json']]) {
  const r = spawnSync(process.execPath, [tsc, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
