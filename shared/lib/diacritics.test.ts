import { describe, expect, it } from 'vitest';
import { stripDiacritics } from './diacritics.js';

describe('stripDiacritics', () => {
  it('drops every mark and keeps case and punctuation', () => {
    expect(stripDiacritics('Đồng Kỵ, Thuỷ')).toBe('Dong Ky, Thuy');
    expect(stripDiacritics('Thừa Thiên Huế')).toBe('Thua Thien Hue');
    expect(stripDiacritics('ƯỚC ĐOÁN ăn ở')).toBe('UOC DOAN an o');
  });

  it('reads composed and decomposed text alike', () => {
    const nfc = 'Phường Hòa Bình'.normalize('NFC');
    expect(stripDiacritics(nfc)).toBe(stripDiacritics(nfc.normalize('NFD')));
    expect(stripDiacritics(nfc)).toBe('Phuong Hoa Binh');
  });
});
