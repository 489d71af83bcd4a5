// Bytes of an uploaded text file → text. UTF-8 (with or without BOM), UTF-16 (LE/BE, with a BOM, or
// without one when every other byte is zero, as some exports write it), and Windows-1258 (the
// Vietnamese ANSI code page of old Excel "CSV" exports). The legacy font encodings TCVN3 (ABC) and
// VNI are recognised and refused by name: their bytes are valid Windows-1258, so decoding them as such
// would give names that match no commune, and a wrong table would be worse.

import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export class DecodeError extends Error {}

function detectEncoding(b: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bom: number } {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // No BOM: ASCII text in UTF-16 has a zero in every other byte.
  const n = Math.min(b.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  if (n >= 4 && oddZeros > n / 4 && evenZeros === 0) return { encoding: 'utf-16le', bom: 0 };
  if (n >= 4 && evenZeros > n / 4 && oddZeros === 0) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

const SAVE_AS = 'Hãy mở tệp, chuyển sang Unicode (Unikey: Công cụ chuyển mã, hoặc gõ lại bằng phông Unicode) rồi lưu dưới dạng "CSV UTF-8" hoặc Excel (.xlsx).';

/**
 * Which legacy font encoding a text read as Windows-1258 (or a cell of an Excel file typed in a
 * .VnTime or VNI-Times font) is written in, or null when it reads as Vietnamese.
 * TCVN3 puts lower-case letters with marks on bytes that Windows-1258 shows as symbols (µ ¸ ¹ ¶ · ®
 * inside words); VNI writes a letter and then its marks as a second byte (ñ for đ, "aø", "eá", "ö").
 */
export function legacyEncoding(text: string): 'TCVN3' | 'VNI' | null {
  const tcvn = text.match(/\p{L}[\u00a1-\u00be]|[\u00a1-\u00be]\p{L}/gu)?.length ?? 0;
  // Letters Vietnamese never uses, on the bytes where VNI puts its marks and its đ.
  const vni = text.match(/[ñÑøØïÏûÛöÖëüåä]/g)?.length ?? 0;
  // Vietnamese read from Windows-1258 (before NFC) has its combining tone marks and ư, đ.
  const vietnamese = text.match(/[\u0300\u0301\u0303\u0309\u0323ưƯđĐ]/g)?.length ?? 0;
  if (tcvn > 2 && tcvn > vietnamese) return 'TCVN3';
  if (vni > 2 && vni > vietnamese) return 'VNI';
  return null;
}

export function legacyMessage(enc: 'TCVN3' | 'VNI', where: string): string {
  return `${where} được gõ bằng bảng mã ${enc === 'TCVN3' ? 'TCVN3 (ABC, phông .VnTime)' : 'VNI (phông VNI-Times)'}, không phải Unicode: tên xã sẽ không khớp danh mục. ${SAVE_AS}`;
}

export function decodeText(b: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, bom } = detectEncoding(b);
  const body = b.subarray(bom);
  if (encoding !== 'utf-8' && body.length % 2 !== 0) throw new DecodeError(`Tệp UTF-16 có số byte lẻ (${b.length}): tệp bị cắt cụt?`);
  let text: string;
  let used: TextEncoding = encoding;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    if (encoding !== 'utf-8') throw new DecodeError(`Tệp không phải văn bản ${encoding.toUpperCase()} hợp lệ. ${SAVE_AS}`);
    // Not UTF-8: an ANSI file of a Vietnamese Windows. NFC, since Windows-1258 writes tones as combining marks.
    const ansi = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'windows-1258');
    const legacy = legacyEncoding(ansi);
    if (legacy) throw new DecodeError(legacyMessage(legacy, 'Tệp'));
    text = ansi.normalize('NFC');
    used = 'windows-1258';
  }
  if (text.includes('\u0000')) throw new DecodeError('Tệp chứa ký tự NUL: không phải tệp CSV văn bản (tệp nhị phân?).');
  return { text, encoding: used };
}
