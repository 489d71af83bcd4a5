import { describe, expect, it } from 'vitest';
import { normalize } from '../../shared/import/normalize.js';
import type { SavedMapping } from '../store/admin.js';
import { chosenMapping, tableWithSaved } from './importMapping.js';

const sheets = [{ name: null, rows: [['Mã xã', 'Tên', 'Kết quả', 'Cột lạ', 'Cột khác'], ['00004', 'Ba Đình', 'Đạt', 'x', 'y']].map((cells, k) => ({ line: k + 1, cells })) }];
const saved = (columns: Record<string, string>): SavedMapping => ({ columns, answers: {}, savedAt: '2025-01-02T03:04:05Z', savedBy: 'an' });

describe('remembered import choices', () => {
  it('gives a heading mapped before the same column, unless the user maps it otherwise now', () => {
    const plain = tableWithSaved(sheets, {}, null);
    if ('error' in plain.table) throw new Error(plain.table.error);
    expect(plain.applied).toBe(0);
    const unknown = plain.table.columns.filter((c) => c.source === 'unknown').map((c) => c.letter);
    expect(unknown.length).toBeGreaterThan(0);

    const memory = saved(Object.fromEntries(plain.table.columns.filter((c) => c.source === 'unknown').map((c) => [normalize(c.heading), 'ignore'])));
    const again = tableWithSaved(sheets, {}, memory);
    if ('error' in again.table) throw new Error(again.table.error);
    expect(again.applied).toBe(unknown.length);
    expect(again.table.columns.filter((c) => unknown.includes(c.letter)).map((c) => c.source)).toEqual(unknown.map(() => 'ignored'));

    const overridden = tableWithSaved(sheets, { mapping: { [unknown[0]]: 'models' } }, memory);
    if ('error' in overridden.table) throw new Error(overridden.table.error);
    expect(overridden.applied).toBe(unknown.length - 1);
    expect(overridden.table.columns.find((c) => c.letter === unknown[0])).toMatchObject({ id: 'models', source: 'mapping' });
  });

  it('remembers the mapped and ignored headings and the answers given, and nothing when the user chose nothing', () => {
    const plain = tableWithSaved(sheets, {}, null).table;
    if ('error' in plain) throw new Error(plain.error);
    expect(chosenMapping(plain, [])).toBeNull();
    const letter = plain.columns.find((c) => c.heading === 'Cột lạ')!.letter;
    const mapped = tableWithSaved(sheets, { mapping: { [letter]: 'ignore' } }, null).table;
    if ('error' in mapped) throw new Error(mapped.error);
    const q = { id: 'status:d', answer: 'dat' } as Parameters<typeof chosenMapping>[1][number];
    expect(chosenMapping(mapped, [q, { ...q, id: 'status:x', answer: null }])).toEqual({ columns: { [normalize('Cột lạ')]: 'ignore' }, answers: { 'status:d': 'dat' } });
  });
});
