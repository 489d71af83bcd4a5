// Bytes of an uploaded text file → text. UTF-8 (with or without BOM) and UTF-16 (LE/BE, with a BOM,
// or without one when every other byte is zero, as some exports write it). Anything else is refused
// with a message: a silently mis-decoded file would match no commune name.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export class DecodeError extends Error {}

export function detectEncoding(b: Uint8Array): { encoding: TextEncoding; bom: number } {
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

export function decodeText(b: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, bom } = detectEncoding(b);
  const body = b.subarray(bom);
  if (encoding !== 'utf-8' && body.length % 2 !== 0) throw new DecodeError(`Tệp UTF-16 có số byte lẻ (${b.length}): tệp bị cắt cụt?`);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    throw new DecodeError(
      'Tệp không phải văn bản UTF-8 hoặc UTF-16 (có thể là Windows-1258/TCVN3). Hãy lưu lại dưới dạng "CSV UTF-8" hoặc dùng tệp Excel (.xlsx).',
    );
  }
  if (text.includes('\u0000')) throw new DecodeError('Tệp chứa ký tự NUL: không phải tệp CSV văn bản (tệp nhị phân?).');
  return { text, encoding };
}
