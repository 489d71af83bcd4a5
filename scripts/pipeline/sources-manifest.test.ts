import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSourcesManifest,
  compareSources,
  describeSourcesDiff,
  fileFacts,
  SOURCE_INFO,
  SOURCES_JSON,
  upstream,
  walk,
  type SourcesManifest,
} from './sources-manifest.js';

describe('sources manifest', () => {
  it('walks a folder and hashes its files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-src-'));
    mkdirSync(join(dir, 'units/2025'), { recursive: true });
    writeFileSync(join(dir, 'units/2025/provinces.csv'), 'code\n01\n');
    writeFileSync(join(dir, 'SOURCES.md'), '# x\n');
    expect(walk(dir)).toEqual(['SOURCES.md', 'units/2025/provinces.csv']);
    const m = buildSourcesManifest(fileFacts(dir));
    expect(m.files[1]).toMatchObject({ path: 'units/2025/provinces.csv', bytes: 8, upstream: { repo: 'thanglequoc/vietnamese-provinces-database' }, licence: 'MIT' });
    expect(m.files[1].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds changed, missing and unlisted files and words a warning', () => {
    const expected = { files: [{ path: 'a', bytes: 1, sha256: 'x' }, { path: 'b', bytes: 1, sha256: 'y' }] } as SourcesManifest;
    const d = compareSources(expected, [
      { path: 'a', bytes: 1, sha256: 'z' },
      { path: 'c', bytes: 1, sha256: 'w' },
    ]);
    expect(d).toEqual({ missing: ['b'], changed: ['a'], extra: ['c'] });
    const lines = describeSourcesDiff(d, '/src', 'data/sources.json');
    expect(lines[0]).toMatch(/^WARNING: the source directory \/src differs from data\/sources\.json/);
    expect(lines.slice(1)).toEqual(['WARNING:   changed: a', 'WARNING:   missing: b', 'WARNING:   not listed: c']);
    expect(describeSourcesDiff({ missing: [], changed: [], extra: [] }, '/src', 'x')).toEqual([]);
  });

  it('builds raw URLs at the pinned commit for single files only', () => {
    const u = upstream('o/r', 'c0ffee', ['a b/x.json', 'data/gis/<pp>.json']);
    expect(u.urls).toEqual(['https://raw.githubusercontent.com/o/r/c0ffee/a%20b/x.json']);
    expect(u.browse).toBe('https://github.com/o/r/tree/c0ffee/data/gis');
  });

  it('data/sources.json describes every file with provenance from SOURCES.md', () => {
    expect(existsSync(SOURCES_JSON)).toBe(true);
    const m = JSON.parse(readFileSync(SOURCES_JSON, 'utf8')) as SourcesManifest;
    expect(m.files.length).toBeGreaterThanOrEqual(25);
    for (const f of m.files) {
      expect(SOURCE_INFO[f.path], f.path).toBeDefined();
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      if (f.path !== 'SOURCES.md') expect(f.upstream?.commit, f.path).toMatch(/^[0-9a-f]{40}$/);
    }
  });
});
