/**
 * Glyph ranges cut down to the letters Vietnamese names use. MapLibre asks for whole ranges of 256 code points:
 * for a Vietnamese name, Latin Extended-A (256–511, 126 KB) and Latin Extended Additional (7680–7935, 134 KB),
 * of which a name can use 12 and 90 letters. Cut, those two are 3.7 KB and 8.7 KB in brotli (43 KB and 31 KB
 * whole), and less for the map's main thread to decode. glyphKept keeps every glyph of the other ranges.
 */

/** Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư: the Vietnamese letters of Latin Extended-A. */
const EXTENDED_A = new Set([0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1a0, 0x1a1, 0x1af, 0x1b0]);

/** Whether a glyph is sent: the rule for every range (test beside it: every unit name's letters pass it). */
export function glyphKept(codepoint: number): boolean {
  if (codepoint >= 0x100 && codepoint <= 0x1ff) return EXTENDED_A.has(codepoint);
  // Latin Extended Additional: Vietnamese uses Ạ (1EA0) … ỹ (1EF9).
  if (codepoint >= 0x1e00 && codepoint <= 0x1eff) return codepoint >= 0x1ea0 && codepoint <= 0x1ef9;
  return true;
}

// Protocol Buffers, as much as glyphs.proto needs: glyphs { repeated fontstack stacks = 1 } ,
// fontstack { string name = 1; string range = 2; repeated glyph glyphs = 3 }, glyph { uint32 id = 1; … }.
interface Field {
  field: number;
  /** The field's bytes, key included, as they are in the message. */
  raw: Uint8Array;
  /** A length-delimited field's contents; a varint's value. */
  body?: Uint8Array;
  value?: number;
}

function varint(buf: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= buf.length) throw new Error('glyph range: truncated varint');
    const b = buf[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
    shift += 7;
  }
}

function fields(buf: Uint8Array): Field[] {
  const out: Field[] = [];
  let at = 0;
  while (at < buf.length) {
    const start = at;
    const [key, next] = varint(buf, at);
    at = next;
    const [field, wire] = [Math.floor(key / 8), key & 7];
    if (wire === 0) {
      const [value, end] = varint(buf, at);
      at = end;
      out.push({ field, raw: buf.subarray(start, at), value });
    } else if (wire === 2) {
      const [length, begin] = varint(buf, at);
      at = begin + length;
      if (at > buf.length) throw new Error('glyph range: truncated field');
      out.push({ field, raw: buf.subarray(start, at), body: buf.subarray(begin, at) });
    } else if (wire === 1 || wire === 5) {
      at += wire === 1 ? 8 : 4;
      out.push({ field, raw: buf.subarray(start, at) });
    } else throw new Error(`glyph range: wire type ${wire}`);
  }
  return out;
}

function lengthDelimited(field: number, parts: Uint8Array[]): Uint8Array[] {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const head: number[] = [field * 8 + 2];
  for (let n = length; ; n = Math.floor(n / 128)) {
    if (n < 128) {
      head.push(n);
      break;
    }
    head.push((n % 128) | 0x80);
  }
  return [Uint8Array.from(head), ...parts];
}

/** The glyph range with only the glyphs `keep` accepts; every other byte as it was. */
export function subsetGlyphs(pbf: Uint8Array, keep: (codepoint: number) => boolean = glyphKept): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  for (const f of fields(pbf)) {
    if (f.field !== 1 || !f.body) {
      parts.push(f.raw);
      continue;
    }
    const stack = fields(f.body).filter((g) => g.field !== 3 || !g.body || keep(fields(g.body).find((x) => x.field === 1)?.value ?? -1));
    parts.push(...lengthDelimited(1, stack.map((g) => g.raw)));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
