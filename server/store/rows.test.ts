import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { assessedUnits } from '../../shared/domain/assessed.js';
import { REF, unit } from '../../test/support/storeFixture.js';
import { READ_SQL } from './rows.js';

describe('READ_SQL.assessableUnits', () => {
  it('selects the units the shared rule assesses, in every vintage', () => {
    const units = [
      ...REF.units,
      // a second province whose only district has communes, and a district named by a commune of another vintage
      unit({ vintage: 'pre2025', code: '02', level: 'province', provinceCode: '02' }),
      unit({ vintage: 'pre2025', code: '020', level: 'district', provinceCode: '02' }),
      unit({ vintage: 'pre2025', code: '20001', level: 'commune', provinceCode: '02', districtCode: '020' }),
      unit({ vintage: '2025', code: '030', level: 'district', provinceCode: '02' }),
      unit({ vintage: 'pre2025', code: '30001', level: 'commune', provinceCode: '02', districtCode: '030' }),
    ];
    const db = new Database(':memory:');
    db.exec('CREATE TABLE units (vintage TEXT, code TEXT, level TEXT, province_code TEXT, district_code TEXT)');
    const insert = db.prepare('INSERT INTO units VALUES (?, ?, ?, ?, ?)');
    for (const u of units) insert.run(u.vintage, u.code, u.level, u.provinceCode, u.districtCode);
    const bySql = (db.prepare(READ_SQL.assessableUnits).all() as { vintage: string; code: string }[]).map((r) => `${r.vintage} ${r.code}`);
    const byRule = (['2025', 'pre2025'] as const).flatMap((v) => assessedUnits(units.filter((u) => u.vintage === v)).map((u) => `${v} ${u.code}`));
    expect(bySql.sort()).toEqual(byRule.sort());
    expect(byRule).toContain('pre2025 009');
    expect(byRule).toContain('2025 030');
    expect(byRule).not.toContain('pre2025 020');
    db.close();
  });
});
