import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, readTable } from './csv.js';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('splits plain records', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('handles a missing final newline, CRLF, a BOM and blank lines', () => {
    expect(fields('\ufeffa,b\r\n1,2\r\n\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty fields', () => {
    expect(fields(',a,,\n')).toEqual([['', 'a', '', '']]);
    expect(fields('""\n')).toEqual([['']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'code,text\n1,"Số 2, phố ""Trúc Bạch"""\n2,"dòng 1\ndòng 2\r\ndòng 3"\n3,x\n';
    const recs = parseCsv(text);
    expect(recs.map((r) => r.fields)).toEqual([
      ['code', 'text'],
      ['1', 'Số 2, phố "Trúc Bạch"'],
      ['2', 'dòng 1\ndòng 2\r\ndòng 3'],
      ['3', 'x'],
    ]);
    // records know the physical line where they start
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });

  it('keeps spaces and Unicode as they are', () => {
    expect(fields(' Phường Phúc Xá , Đặc khu\n')).toEqual([[' Phường Phúc Xá ', ' Đặc khu']]);
  });

  it('rejects malformed quoting with the file and line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', 'x.csv')).toThrow(/x\.csv line 2: unterminated quoted field/);
    expect(() => parseCsv('a,b\n1,"x"y\n', 'x.csv')).toThrow(/x\.csv line 2: unexpected character "y" after a closing quote/);
    expect(() => parseCsv('a,b\n1,x"y\n', 'x.csv')).toThrow(/x\.csv line 2: stray quote/);
    expect(() => parseCsv('a\n"1"\n"2"x\n', 'x.csv')).toThrow(CsvError);
  });
});

describe('readTable', () => {
  it('reads rows by column name', () => {
    const t = readTable('code,name\n01,"Hà Nội"\n04,Cao Bằng\n', 'p.csv', ['code']);
    expect(t.columns).toEqual(['code', 'name']);
    expect(t.rows.map((r) => [r.line, r.get('code'), r.get('name')])).toEqual([
      [2, '01', 'Hà Nội'],
      [3, '04', 'Cao Bằng'],
    ]);
    expect(() => t.rows[0].get('nope')).toThrow(/p\.csv line 2: no column "nope"/);
  });

  it('names missing columns, wrong field counts, empty files and duplicate columns', () => {
    expect(() => readTable('code\n1\n', 'p.csv', ['code', 'name', 'type'])).toThrow(/p\.csv line 1: missing columns "name", "type"/);
    expect(() => readTable('code,name\n1,a\n2\n', 'p.csv')).toThrow(/p\.csv line 3: expected 2 fields, found 1/);
    expect(() => readTable('', 'p.csv')).toThrow(/p\.csv line 1: empty file/);
    expect(() => readTable('a,a\n', 'p.csv')).toThrow(/duplicate column "a"/);
  });
});
