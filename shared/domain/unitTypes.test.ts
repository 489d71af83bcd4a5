import { describe, expect, it } from 'vitest';
import { checkCommuneTypes, typeOfName, unitTypeSource } from './unitTypes.js';

const row = (code: string, type: string, fullName: string, officialName: string) => ({ code, type, fullName, officialName });

describe('unit types by the official list 1027/CTK-CSCL', () => {
  it('reads the type at the head of an official name, whatever its case', () => {
    expect(typeOfName('Phường Hoàn Kiếm')).toBe('Phường');
    expect(typeOfName('xã Bắc Sơn')).toBe('Xã');
    expect(typeOfName('Đặc khu Côn Đảo')).toBe('Đặc khu');
    expect(typeOfName('Thị trấn Lim')).toBeNull();
  });

  it('uses the official type where a later list retyped a commune and says so; fails where nothing documents it', () => {
    const rows = [
      row('25270', 'Phường', 'Phường Lộc Ninh', 'Xã Lộc Ninh'),
      row('06325', 'Xã', 'xã Bắc Sơn', 'Xã Bắc Sơn'),
      row('00004', 'Phường', 'Phường Ba Đình', 'Phường Ba Đình'),
    ];
    const ok = checkCommuneTypes(rows, new Set(['25270']), 'communes.csv');
    expect(ok.problems).toEqual([]);
    expect(Object.fromEntries(ok.types)).toEqual({ '25270': 'Xã', '06325': 'Xã', '00004': 'Phường' });
    expect(ok.notes).toEqual([
      'communes.csv: 1 communes typed otherwise by a later list (25270 Phường Lộc Ninh); the type of 1027/CTK-CSCL (01/7/2025) is used',
      'communes.csv: 1 full names with the type in lower case (06325 "xã Bắc Sơn"); written with the type\'s own spelling',
    ]);
    const bad = checkCommuneTypes(rows, new Set(), 'communes.csv');
    expect(bad.problems).toEqual(['communes.csv: commune 25270 (Phường Lộc Ninh) is typed "Phường", but 1027/CTK-CSCL lists "Xã Lộc Ninh" (and no later change is documented)']);
  });

  it('fails on an unknown type or a full name that names another type', () => {
    const r = checkCommuneTypes([row('1', 'Thị trấn', 'Thị trấn A', 'Xã A'), row('2', 'Xã', 'Phường B', 'Xã B'), row('3', 'Xã', 'Xã C', 'C')], new Set(), 'f.csv');
    expect(r.problems).toEqual([
      'f.csv: commune 1: type "Thị trấn" is not Xã, Phường, Đặc khu',
      'f.csv: commune 1: full name "Thị trấn A" does not start with its type "Thị trấn"',
      'f.csv: commune 2: full name "Phường B" does not start with its type "Xã"',
      'f.csv: commune 3: the 1027/CTK-CSCL name "C" starts with no known type (Xã, Phường, Đặc khu)',
    ]);
  });

  it('names the source and its date', () => {
    expect(unitTypeSource('2025')).toBe('Loại đơn vị theo danh mục 1027/CTK-CSCL của Cục Thống kê (01/7/2025)');
    expect(unitTypeSource('pre2025')).toBe('Loại đơn vị theo danh mục hành chính của Cục Thống kê (30/6/2025)');
  });
});
