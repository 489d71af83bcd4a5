/** The build manifest, output files with their gzip siblings, and the incremental-build check. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BBox } from './topology.js';

export interface FileEntry {
  bytes: number;
  gzipBytes: number;
  sha256: string;
}

export interface Manifest {
  /** Pipeline (output contract) version. */
  version: number;
  builtAt: string;
  /** sha256 over the input files, the settings and the pipeline's code; see inputsHash(). */
  inputsHash: string;
  counts: { communes: number; provinces: number };
  provinces: Record<string, { name: string; bbox: BBox; communes: number }>;
  /** National bbox [w, s, e, n], including Hoàng Sa and Trường Sa. */
  bbox: BBox;
  /** Relative to the geo folder; each file also exists as `<path>.gz`. */
  files: Record<string, FileEntry>;
  /** sha256 of each input file, relative to the source directory. */
  inputs: Record<string, string>;
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export const sha256File = (path: string): string => sha256(readFileSync(path));

/** Stable JSON (sorted keys) so that the hash does not depend on key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export interface HashParts {
  /** Input path → sha256 of its content. */
  inputs: Record<string, string>;
  settings: unknown;
  version: number;
  /** Anything else that changes the output: the pipeline's code hash, mapshaper's version. */
  code: string;
}

export const inputsHash = (parts: HashParts): string => sha256(canonicalJson(parts));

function writeAtomic(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Writes `rel` and `rel.gz` under dir; returns their sizes and the sha256 of the uncompressed content. */
export function writeOutput(dir: string, rel: string, content: string, gzipLevel = 9): FileEntry {
  const buf = Buffer.from(content, 'utf8');
  const gz = gzipSync(buf, { level: gzipLevel });
  writeAtomic(join(dir, rel), buf);
  writeAtomic(join(dir, `${rel}.gz`), gz);
  return { bytes: buf.length, gzipBytes: gz.length, sha256: sha256(buf) };
}

export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(join(dir, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
}

function readManifest(dir: string): Manifest | null {
  const p = join(dir, 'manifest.json');
  if (!existsSync(p)) return null;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

export type UpToDate = { upToDate: true; manifest: Manifest } | { upToDate: false; reason: string };

/**
 * Whether the outputs in `dir` were built from the same inputs/settings/code: the manifest's
 * inputsHash matches and every listed file and its .gz exist with the recorded sizes.
 */
export function checkUpToDate(dir: string, hash: string): UpToDate {
  const m = readManifest(dir);
  if (!m) return { upToDate: false, reason: 'no manifest.json' };
  if (m.inputsHash !== hash) return { upToDate: false, reason: 'inputs, settings or pipeline code changed' };
  if (!m.files || Object.keys(m.files).length === 0) return { upToDate: false, reason: 'manifest lists no files' };
  for (const [rel, f] of Object.entries(m.files)) {
    for (const [p, size] of [
      [join(dir, rel), f.bytes],
      [join(dir, `${rel}.gz`), f.gzipBytes],
    ] as const) {
      if (!existsSync(p)) return { upToDate: false, reason: `missing ${p}` };
      if (statSync(p).size !== size) return { upToDate: false, reason: `${p} has changed size` };
    }
  }
  return { upToDate: true, manifest: m };
}
