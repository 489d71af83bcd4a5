import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walFrames } from './walFrames.js';

describe('walFrames', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tells committed frames from those of a transaction still open', () => {
    dir = mkdtempSync(join(tmpdir(), 'antq-wal-'));
    const path = join(dir, 'x.sqlite');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('cache_size = 10');
    db.exec('CREATE TABLE t (v TEXT)');
    expect(walFrames(`${path}-wal`)).toMatchObject({ pageSize: 4096, uncommitted: 0 });
    expect(walFrames(`${path}-wal`).committed).toBeGreaterThan(0);
    const committedBefore = walFrames(`${path}-wal`).committed;

    // A transaction larger than the page cache spills its pages into the log before it commits.
    db.exec('BEGIN');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(1000));
    const open = walFrames(`${path}-wal`);
    expect(open.committed).toBe(committedBefore);
    expect(open.uncommitted).toBeGreaterThan(0);

    db.exec('COMMIT');
    const done = walFrames(`${path}-wal`);
    expect(done.uncommitted).toBe(0);
    expect(done.committed).toBeGreaterThan(committedBefore);
    db.close();
    expect(walFrames(`${path}-wal`)).toMatchObject({ frames: 0 });
  });
});
