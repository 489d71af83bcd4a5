import { describe, expect, it } from 'vitest';
import { packCodes, packStatuses, unpackCodes, unpackStatuses } from './compactStatus.js';

describe('compact statuses', () => {
  it('packs codes of one width as differences, and unpacks them with their leading zeros', () => {
    const codes = ['00004', '00008', '00025', '31000'];
    const packed = packCodes(codes);
    expect(packed).toEqual({ width: 5, deltas: [4, 4, 17, 30975] });
    expect(unpackCodes(packed)).toEqual(codes);
    expect(unpackCodes(packCodes(['01', '04', '08']))).toEqual(['01', '04', '08']);
    expect(unpackCodes(packCodes([]))).toEqual([]);
  });

  it('keeps a list of mixed widths (old island districts among communes) as it is', () => {
    const codes = ['00004', '316', '31018'];
    expect(packCodes(codes)).toEqual({ list: codes });
    expect(unpackCodes(packCodes(codes))).toEqual(codes);
  });

  it('packs each status as one character, no data as "-", and reads them back', () => {
    const statuses = ['dat', 'chua_dat', null, 'chua_danh_gia', 'dat'] as const;
    expect(packStatuses(statuses)).toBe('dc-nd');
    expect(unpackStatuses('dc-nd', 5)).toEqual(statuses);
  });

  it('refuses a status string of the wrong length or with an unknown character', () => {
    expect(() => unpackStatuses('dcd', 4)).toThrow(/3 ký tự cho 4 đơn vị/);
    expect(() => unpackStatuses('dxd', 3)).toThrow(/"x" ở vị trí 1/);
  });
});
