import { describe, expect, it } from 'vitest';
import { BackupError } from './common.js';
import { databaseName, q, sideName, withDatabase } from './pgDatabase.js';

describe('PostgreSQL database names', () => {
  it('reads the database a URL names, and refuses one that names none', () => {
    expect(databaseName('postgres://antq:secret@db.example:5433/b%E1%BA%A3n%20%C4%91%E1%BB%93?ssl=true')).toBe('bản đồ');
    expect(() => databaseName('postgres://antq:secret@db.example/')).toThrow(BackupError);
    expect(() => databaseName('postgres://antq:secret@db.example/')).not.toThrow(/secret/);
  });

  it('points a URL at another database, keeping everything else', () => {
    expect(withDatabase('postgres://antq:pw@127.0.0.1:5433/antq?sslmode=require', 'antq_restoring_x')).toBe('postgres://antq:pw@127.0.0.1:5433/antq_restoring_x?sslmode=require');
    expect(withDatabase('postgres://h/antq', 'bản đồ')).toBe('postgres://h/b%E1%BA%A3n%20%C4%91%E1%BB%93');
  });

  it('keeps a side name within 63 bytes by shortening the name, never the suffix', () => {
    expect(sideName('antq', '_before_restore_x')).toBe('antq_before_restore_x');
    const long = sideName('đ'.repeat(40), '_restoring_20250101t000000z');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(63);
    expect(long.endsWith('_restoring_20250101t000000z')).toBe(true);
    expect(q('a"b')).toBe('"a""b"');
  });
});
