import { describe, expect, it } from 'vitest';
import { buildIndex } from './searchEntries.js';
import { match, parseQuery, ranks } from './searchMatch.js';
import { tokenize } from './textMatch.js';
import type { SearchIndexData } from '../domain/searchIndex.js';

const data: SearchIndexData = {
  provinces: [['27', 'Bắc Ninh', 'Tỉnh', '', 'Tỉnh Bắc Ninh']],
  communes: [
    ['09100', 'Đông Ngàn', 'Phường', '27', 'Phường Đông Ngàn'],
    ['09200', 'Ngàn Đông', 'Xã', '27', 'Xã Ngàn Đông'],
    ['09300', '1', 'Phường', '27', 'Phường 1'],
    ['09400', 'Quan Sơn', 'Xã', '27', 'Xã Quan Sơn'],
  ],
  oldProvinces: [],
  oldDistricts: [],
  aliases: [],
} as unknown as SearchIndexData;
const index = buildIndex(data);
const entry = (code: string) => index.entries.find((e) => e.result.code === code)!;
const query = (text: string) => parseQuery(index, tokenize(text));

describe('search matching', () => {
  it('takes type words apart from the name words, one or two words long', () => {
    const q = query('thi tran dong ngan');
    expect(q.phrases.map((p) => p.type)).toEqual(['thi tran']);
    expect(q.words).toHaveLength(2);
    expect(query('dongngan').glued).toBe('dongngan');
    expect(query('dong ngan').glued).toBe('');
  });

  it('scores an exact name in order above the same words out of order, and a type word that names the type above one that does not', () => {
    const inOrder = match(entry('09100'), query('dong ngan'))!;
    const reversed = match(entry('09200'), query('dong ngan'))!;
    expect(inOrder.tier).toBe(3);
    expect(reversed.tier).toBeLessThan(3);
    expect(ranks(inOrder, reversed)).toBeLessThan(0);
    expect(match(entry('09100'), query('phuong dong ngan'))!.tier).toBe(4);
    expect(match(entry('09200'), query('phuong ngan dong'))!.typeScore).toBe(-1);
  });

  it('lets a type word be part of a name, and finds words run together as a typo would', () => {
    expect(match(entry('09400'), query('quan son'))).toMatchObject({ tier: 3, typeScore: 0 });
    expect(match(entry('09300'), query('phuong 1'))).toMatchObject({ tier: 4, typeScore: 1 });
    expect(match(entry('09100'), query('dongngan'))).toMatchObject({ tier: 1, quality: 1 });
    expect(match(entry('09100'), query('hanoi'))).toBeNull();
  });
});
