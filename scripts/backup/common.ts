// What both stores' backups share: the error a user is shown, file names, checksums beside the file, the
// summary printed (schema and rows per table), and telling a backup's kind from its first bytes.

import { createHash } from 'node:crypto';
import { createReadStream, existsSync, openSync, readFileSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/** A failure the user can act on: printed as is, without a stack. */
export class BackupError extends Error {}

export interface BackupCheck {
  tables: Record<string, number>;
  migration: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
  check: BackupCheck;
}

export interface RestoreResult {
  /** Where the database that was replaced was kept (null when there was none). */
  previous: string | null;
  check: BackupCheck;
}

export interface RestoreOptions {
  /** Replace a database that holds data (it is kept aside all the same). */
  force?: boolean;
  now?: Date;
}

/** A UTC timestamp for file names: 20261201T093000Z. */
export const stamp = (d = new Date()) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** The file's SHA-256, streamed: a server database's dump can be larger than memory should hold. */
function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (b) => h.update(b))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** Writes `<file>.sha256` in sha256sum's format (so `sha256sum -c` checks it too); returns the digest. */
export async function writeChecksum(file: string): Promise<string> {
  const sha256 = await sha256File(file);
  writeFileSync(`${file}.sha256`, `${sha256}  ${basename(file)}\n`);
  return sha256;
}

/** Refuses `file` when a `.sha256` beside it does not match; a backup without one is checked by its content only. */
export async function verifyChecksum(file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`no file ${file}`);
  const shaFile = `${file}.sha256`;
  if (!existsSync(shaFile)) return;
  const want = readFileSync(shaFile, 'utf8').trim().split(/\s+/)[0];
  if ((await sha256File(file)) !== want) throw new BackupError(`${file} does not match its checksum ${shaFile}: the backup is damaged`);
}

export type BackupKind = 'sqlite' | 'pgdump';

/** SQLite's file header, or pg_dump's custom-format magic; null for anything else. */
export function backupKind(file: string): BackupKind | null {
  if (!existsSync(file)) throw new BackupError(`no file ${file}`);
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pgdump';
  return null;
}

/** "units 10521, users 3": the summary line both branches print. */
export const rowSummary = (c: BackupCheck) => Object.entries(c.tables).map(([t, n]) => `${t} ${n}`).join(', ');

/** Tables whose rows say a database is in use (a freshly migrated one holds only these two). */
export const BOOKKEEPING = new Set(['schema_migrations', 'meta']);
