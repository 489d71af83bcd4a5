import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, whatever the working directory. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** Where things live; each can be moved with an environment variable. */
export interface Paths {
  /** Source data: boundaries, code lists, crosswalk (never committed). */
  sourceDir: string;
  /** Pipeline outputs (git-ignored). */
  buildDir: string;
  /** The embedded database file (git-ignored). */
  dbPath: string;
  /** The built client (vite build). */
  clientDir: string;
}

export function paths(env: NodeJS.ProcessEnv = process.env): Paths {
  return {
    sourceDir: resolve(ROOT, env.ANTQ_SOURCE_DIR ?? '../shared/data'),
    buildDir: resolve(ROOT, env.ANTQ_BUILD_DIR ?? 'build'),
    dbPath: resolve(ROOT, env.ANTQ_DB ?? 'var/antq.sqlite'),
    clientDir: resolve(ROOT, env.ANTQ_CLIENT_DIR ?? 'dist'),
  };
}
