// Crafted ZIP archives for the upload guard's tests: a minimal writer (stored or deflated entries),
// and a "bomb" entry that inflates to many megabytes from a few kilobytes, built without compressing
// those megabytes (one full-flushed deflate block of 1 MB of spaces, repeated).

import { deflateRawSync, constants } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** Compressed bytes (method 8) or the content (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  /** The inflated size written in the headers (the truth, or a lie). */
  declaredSize: number;
}

export function zipArchive(entries: RawEntry[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.declaredSize, 22);
    h.writeUInt16LE(name.length, 26);
    local.push(h, name, Buffer.from(e.data));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.declaredSize, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, dir, end]));
}

export const deflated = (name: string, text: string): RawEntry => {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), method: 8, declaredSize: raw.length };
};

/** Deflate data that inflates to `mb` MB of spaces. */
export function bombData(mb: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  return new Uint8Array(Buffer.concat([...Array(mb).fill(block), last]));
}

/** An .xlsx-looking archive whose sheet inflates to `mb` MB; declaring that size, or lying with a small one. */
export function xlsxBomb(mb: number, lie: boolean): Uint8Array {
  const data = bombData(mb);
  return zipArchive([
    deflated('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    deflated('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
    { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: lie ? 4096 : mb * 1024 * 1024 },
  ]);
}
