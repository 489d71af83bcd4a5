import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { missingGeo, skipUnlessCi } from '../../test/support/prerequisites.js';
import { paths } from '../config.js';
import { glyphKept, subsetGlyphs } from './glyphSubset.js';

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve('tileserver-gl-styles/package.json')), 'fonts', 'Noto Sans Regular');

interface Glyph {
  id: number;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
  bitmap: number;
}

/** glyphs.proto, read field by field (as MapLibre reads it). */
function readRange(buf: Uint8Array): { name: string; range: string; glyphs: Glyph[] }[] {
  const stacks: { name: string; range: string; glyphs: Glyph[] }[] = [];
  new PbfReader(buf).readFields((tag, _, pbf) => {
    if (tag !== 1) return;
    const stack = { name: '', range: '', glyphs: [] as Glyph[] };
    pbf.readMessage((t, s, p) => {
      if (t === 1) s.name = p.readString();
      else if (t === 2) s.range = p.readString();
      else if (t === 3) {
        const g: Glyph = { id: 0, width: 0, height: 0, left: 0, top: 0, advance: 0, bitmap: 0 };
        p.readMessage((k, x, q) => {
          if (k === 1) x.id = q.readVarint();
          else if (k === 2) x.bitmap = q.readBytes().length;
          else if (k === 3) x.width = q.readVarint();
          else if (k === 4) x.height = q.readVarint();
          else if (k === 5) x.left = q.readSVarint();
          else if (k === 6) x.top = q.readSVarint();
          else if (k === 7) x.advance = q.readVarint();
        }, g);
        s.glyphs.push(g);
      }
    }, stack);
    stacks.push(stack);
  }, null);
  return stacks;
}

describe('glyph ranges cut to the letters of Vietnamese', () => {
  it('keeps, of Latin Extended-A, the 12 Vietnamese letters, each glyph as it was', () => {
    const whole = new Uint8Array(readFileSync(join(FONT, '256-511.pbf')));
    const [before] = readRange(whole);
    const cut = subsetGlyphs(whole);
    const [after] = readRange(cut);
    expect(after.name).toBe(before.name);
    expect(after.range).toBe('256-511');
    expect(String.fromCodePoint(...after.glyphs.map((g) => g.id))).toBe('ĂăĐđĨĩŨũƠơƯư');
    expect(after.glyphs).toEqual(before.glyphs.filter((g) => glyphKept(g.id)));
    expect(cut.length).toBeLessThan(whole.length / 10);
  });

  it('keeps Ạ … ỹ of Latin Extended Additional, and the whole of 0–255', () => {
    const [ext] = readRange(subsetGlyphs(new Uint8Array(readFileSync(join(FONT, '7680-7935.pbf')))));
    expect(ext.glyphs.map((g) => g.id)).toEqual(Array.from({ length: 0x1ef9 - 0x1ea0 + 1 }, (_, i) => 0x1ea0 + i));
    const latin = new Uint8Array(readFileSync(join(FONT, '0-255.pbf')));
    expect(readRange(subsetGlyphs(latin))[0].glyphs).toEqual(readRange(latin)[0].glyphs);
  });

  it('refuses a truncated range rather than sending half a glyph', () => {
    const whole = new Uint8Array(readFileSync(join(FONT, '256-511.pbf')));
    expect(() => subsetGlyphs(whole.subarray(0, 1000))).toThrow(/glyph range/);
  });
});

const skip = skipUnlessCi('the glyph coverage of unit names', missingGeo());

describe.skipIf(skip)('the names the map can label', () => {
  it("are written in letters the cut ranges keep: the communes' and provinces' of the national layer and of each province's", () => {
    const build = paths().buildDir;
    const files = [join(build, 'geo', 'national.topo.json'), ...readdirSync(join(build, 'geo', 'provinces')).filter((f) => f.endsWith('.topo.json')).map((f) => join(build, 'geo', 'provinces', f))];
    const letters = new Set<string>();
    let names = 0;
    for (const file of files) {
      const topo = JSON.parse(readFileSync(file, 'utf8')) as { objects: Record<string, { geometries: { properties?: { name?: string } }[] }> };
      for (const o of Object.values(topo.objects)) {
        for (const g of o.geometries) {
          if (!g.properties?.name) continue;
          names++;
          for (const c of g.properties.name) letters.add(c);
        }
      }
    }
    // 3,321 communes and 34 provinces, the communes again in their provinces' layers.
    expect(names).toBeGreaterThan(6_600);
    expect([...letters].filter((c) => !glyphKept(c.codePointAt(0)!))).toEqual([]);
    // Hoàng Sa and Trường Sa's labels, written by the map itself.
    for (const c of 'Quần đảo Hoàng Sa Trường Sa') expect(glyphKept(c.codePointAt(0)!), c).toBe(true);
  });
});
