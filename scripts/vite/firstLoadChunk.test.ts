import { describe, expect, it } from 'vitest';
import { staticallyImported } from './firstLoadChunk.js';

describe('staticallyImported', () => {
  const graph: Record<string, string[]> = { main: ['app', 'react'], app: ['format', 'react', 'app'], format: ['main'], lazy: ['format', 'xlsx'] };
  const imports = (id: string) => graph[id] ?? [];

  it('follows static imports through cycles, leaving out the entries and what only others import', () => {
    expect([...staticallyImported(['main'], imports)].sort()).toEqual(['app', 'format', 'react']);
  });

  it('is empty for an entry that imports nothing', () => {
    expect(staticallyImported(['xlsx'], imports).size).toBe(0);
  });
});
