import type { Plugin } from 'vite';

/** The modules reachable from `entries` through static imports, the entries themselves excepted. */
export function staticallyImported(entries: readonly string[], imports: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...imports(id));
  }
  for (const e of entries) seen.delete(e);
  return seen;
}

/**
 * The modules of the page's first load, read from the finished module graph (the bundler splits chunks after it):
 * `has` tells a code-splitting group which modules it may take. Without the group, each module that the entry shares
 * with a lazy panel came in a chunk of its own, eight small files asked for before the map over HTTP/1.1's six
 * connections, MapLibre's script queued behind them.
 */
export function firstLoadModules(): { plugin: Plugin; has: (id: string) => boolean } {
  let ids = new Set<string>();
  const plugin: Plugin = {
    name: 'antq-first-load-modules',
    apply: 'build',
    buildEnd() {
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      ids = staticallyImported(entries, (id) => this.getModuleInfo(id)?.importedIds ?? []);
    },
  };
  return { plugin, has: (id) => ids.has(id) };
}
