import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canonicalJson, checkUpToDate, inputsHash, sha256, writeManifest, writeOutput, type Manifest } from './manifest.js';

const manifestFor = (files: Manifest['files'], hash = 'h1'): Manifest => ({
  version: 1,
  builtAt: '2025-01-01T00:00:00.000Z',
  inputsHash: hash,
  counts: { communes: 1, provinces: 1 },
  provinces: { '01': { name: 'A', bbox: [0, 0, 1, 1], communes: 1 } },
  bbox: [0, 0, 1, 1],
  files,
  inputs: {},
});

describe('writeOutput', () => {
  it('writes the file and a gzip sibling, and describes them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-geo-'));
    const content = JSON.stringify({ hello: 'Việt Nam' }).repeat(50);
    const e = writeOutput(dir, 'provinces/01.topo.json', content);
    expect(readFileSync(join(dir, 'provinces/01.topo.json'), 'utf8')).toBe(content);
    expect(gunzipSync(readFileSync(join(dir, 'provinces/01.topo.json.gz'))).toString('utf8')).toBe(content);
    expect(e).toEqual({ bytes: Buffer.byteLength(content), gzipBytes: readFileSync(join(dir, 'provinces/01.topo.json.gz')).length, sha256: sha256(content) });
    expect(e.gzipBytes).toBeLessThan(e.bytes);
  });
});

describe('checkUpToDate', () => {
  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-geo-'));
    const files = { 'national.topo.json': writeOutput(dir, 'national.topo.json', '{"type":"Topology"}') };
    writeManifest(dir, manifestFor(files));
    return dir;
  };
  it('is up to date with the same hash and all files present', () => {
    const r = checkUpToDate(setup(), 'h1');
    expect(r.upToDate).toBe(true);
  });
  it('rebuilds when there is no manifest, the hash differs, a file is missing or changed', () => {
    expect(checkUpToDate(mkdtempSync(join(tmpdir(), 'antq-geo-')), 'h1')).toEqual({ upToDate: false, reason: 'no manifest.json' });
    expect(checkUpToDate(setup(), 'h2')).toMatchObject({ upToDate: false, reason: expect.stringMatching(/changed/) });
    const d1 = setup();
    writeFileSync(join(d1, 'national.topo.json.gz'), 'x');
    expect(checkUpToDate(d1, 'h1')).toMatchObject({ upToDate: false, reason: expect.stringMatching(/national\.topo\.json\.gz has changed size/) });
    const d2 = setup();
    writeFileSync(join(d2, 'manifest.json'), JSON.stringify(manifestFor({ ...manifestFor({}).files, 'provinces/02.topo.json': { bytes: 1, gzipBytes: 1, sha256: 'x' } })));
    expect(checkUpToDate(d2, 'h1')).toMatchObject({ upToDate: false, reason: expect.stringMatching(/missing .*provinces\/02\.topo\.json/) });
    expect(existsSync(join(d2, 'national.topo.json'))).toBe(true);
  });
});

describe('inputsHash', () => {
  it('does not depend on key order but on every value', () => {
    const a = inputsHash({ inputs: { a: '1', b: '2' }, settings: { x: 1, y: 2 }, version: 1, code: 'c' });
    const b = inputsHash({ code: 'c', version: 1, settings: { y: 2, x: 1 }, inputs: { b: '2', a: '1' } });
    expect(a).toBe(b);
    expect(inputsHash({ inputs: { a: '1', b: '3' }, settings: { x: 1, y: 2 }, version: 1, code: 'c' })).not.toBe(a);
    expect(inputsHash({ inputs: { a: '1', b: '2' }, settings: { x: 1, y: 2 }, version: 2, code: 'c' })).not.toBe(a);
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
  });
});
