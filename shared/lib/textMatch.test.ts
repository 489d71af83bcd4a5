import { describe, expect, it } from 'vitest';
import { accentedWords, editDistance, hasDiacritics, normalize, tokenize, wordQuality } from './textMatch.js';

describe('normalize', () => {
  it('drops diacritics, folds đ and case, turns punctuation into single spaces', () => {
    expect(normalize('  Phường Đông  Ngàn,  Tỉnh Bắc Ninh ')).toBe('phuong dong ngan tinh bac ninh');
    expect(normalize('Xã Chân Mây - Lăng Cô')).toBe('xa chan may lang co');
    expect(normalize('ĐẶC KHU CÔN ĐẢO')).toBe('dac khu con dao');
    expect(normalize('Phường 1')).toBe('phuong 1');
    // Decomposed input (as some keyboards send it) folds the same.
    expect(normalize('Vĩnh Lộc'.normalize('NFD'))).toBe('vinh loc');
    expect(normalize('')).toBe('');
    expect(normalize(' ,.- ')).toBe('');
  });
  it('tokenizes', () => {
    expect(tokenize('Thị trấn Vĩnh Lộc')).toEqual(['thi', 'tran', 'vinh', 'loc']);
    expect(tokenize('  ')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('ngna', 'ngan')).toBe(1);
    expect(editDistance('ngan', 'ngac')).toBe(1);
    expect(editDistance('dong', 'dong')).toBe(0);
    expect(editDistance('nguyen', 'nguye')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('gives up beyond the maximum', () => {
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('a', 'abcd', 2)).toBe(3);
  });
});

describe('wordQuality', () => {
  it('grades equal, prefix, one and two edits', () => {
    expect(wordQuality('ngan', 'ngan')).toBe(3);
    expect(wordQuality('ng', 'ngan')).toBe(2);
    expect(wordQuality('ngna', 'ngan')).toBe(1);
    expect(wordQuality('ngna', 'nghia')).toBe(0);
    expect(wordQuality('nguyeen', 'nguyen')).toBe(1);
    expect(wordQuality('thuoongg', 'thuong')).toBe(0.5); // two edits allowed from 7 letters
    expect(wordQuality('thuxxg', 'thuong')).toBe(0); // but not below
  });
  it('allows no typo in words of one or two letters', () => {
    expect(wordQuality('xa', 'ha')).toBe(0);
    expect(wordQuality('an', 'na')).toBe(0);
  });
});

describe('accentedWords', () => {
  it('treats both placements of the tone as one word, and other diacritics as another word', () => {
    expect(accentedWords('Chiêm Hoá')).toEqual(accentedWords('chiêm hóa'));
    expect(accentedWords('Vĩnh')).not.toEqual(accentedWords('Vinh'));
    expect(accentedWords('Đông')).not.toEqual(accentedWords('Dông'));
  });
  it('tells typed diacritics', () => {
    expect(hasDiacritics('Vĩnh Lộc')).toBe(true);
    expect(hasDiacritics('đong')).toBe(true);
    expect(hasDiacritics('vinh loc')).toBe(false);
  });
});
