import { describe, expect, it } from 'vitest';
import { dropCsvRow, fixtureFiles } from '../../test/fixtures/geo/make-source.js';
import type { Topo } from './topology.js';
import { parseUnits } from './units.js';
import { assertValid, emptiness, officialTypes, validateOutput, validateSource, validateUnits, ValidationError } from './validate.js';

function load(edit?: (f: ReturnType<typeof fixtureFiles>) => void) {
  const f = fixtureFiles();
  edit?.(f);
  return { topo: f.topo, units: parseUnits(f.communesCsv, f.provincesCsv, f.codeChangesCsv) };
}
const geoms = (t: Topo) => t.objects.communes.geometries!;

describe('validateSource', () => {
  it('accepts the fixture', () => {
    const { topo, units } = load();
    expect(validateUnits(units)).toEqual([]);
    expect(validateSource(topo, 'communes', units)).toEqual([]);
  });

  it('reports an official code without geometry (and the count)', () => {
    const { topo, units } = load((f) => (f.topo.objects.communes.geometries = geoms(f.topo).filter((g) => g.id !== '00002')));
    const p = validateSource(topo, 'communes', units, 'x.topo.json');
    expect(p).toContain('x.topo.json: 7 commune geometries, but the official list has 8 rows');
    expect(p.some((m) => m.includes('official commune 00002 (Hai, province 01) has no geometry'))).toBe(true);
  });

  it('reports a geometry whose code is not in the official list', () => {
    const { topo, units } = load((f) => (f.communesCsv = dropCsvRow(f.communesCsv, '00006')));
    const p = validateSource(topo, 'communes', units);
    expect(p.some((m) => /code 00006\).*not in the official list/.test(m))).toBe(true);
  });

  it('hints at the known code change 06970 → 06978', () => {
    const { topo, units } = load((f) => {
      f.communesCsv = f.communesCsv.replace('00004,Bốn', '06970,Bốn');
      const g = geoms(f.topo).find((x) => x.id === '00004')!;
      g.id = '06978';
      g.properties!.code = '06978';
    });
    const p = validateSource(topo, 'communes', units);
    expect(p.some((m) => m.includes('the list uses the older code 06970'))).toBe(true);
    expect(p.some((m) => m.includes('the polygons use the newer code 06978'))).toBe(true);
  });

  it('reports an empty geometry, an unknown province and a missing archipelago', () => {
    const { topo, units } = load((f) => {
      const g = geoms(f.topo);
      g[0].arcs = [];
      g[1].properties!.province_code = '99';
      f.topo.objects.communes.geometries = g.filter((x) => x.id !== '22736');
      f.communesCsv = dropCsvRow(f.communesCsv, '22736');
      f.provincesCsv = f.provincesCsv.replace('02,Thử Hai,Tỉnh Thử Hai,Tỉnh,4', '02,Thử Hai,Tỉnh Thử Hai,Tỉnh,3');
    });
    const p = validateSource(topo, 'communes', units, 'c.json');
    expect(p).toContain('c.json feature #0 (code 00001): empty geometry');
    expect(p).toContain('c.json feature #1 (code 00002): unknown province_code "99"');
    expect(p.some((m) => m.includes('Quần đảo Trường Sa (commune 22736) is missing'))).toBe(true);
  });

  it('reports a missing object', () => {
    const { topo, units } = load();
    expect(validateSource(topo, 'wards', units, 'c.json')[0]).toMatch(/c\.json: TopoJSON has no object "wards"/);
  });
});

const HEAD = 'code,name,type,province_code,full_name,name_in_gso_1027_list';
const NO_CHANGES = 'code_gso_1027_list,code_current,name,province_code,change,note\n';

describe('validateUnits', () => {
  it('reports duplicate and malformed codes', () => {
    const units = parseUnits(`${HEAD}\n00001,A,Xã,01,Xã A,Xã A\n00001,B,Xã,01,Xã B,Xã B\n123,C,Xã,03,Xã C,Xã C\n`, 'code,name\n01,P\n', NO_CHANGES);
    expect(validateUnits(units)).toEqual([
      'communes.csv row 3: duplicate commune code 00001',
      'communes.csv row 4: commune code "123" is not 5 digits',
      'communes.csv row 4: commune 123 has unknown province_code "03"',
    ]);
  });
  it('fails on a missing column', () => {
    expect(() => parseUnits('code,name\n00001,A\n', 'code,name\n01,P\n', NO_CHANGES)).toThrow(/communes\.csv line 1: missing columns "type", "province_code", "full_name", "name_in_gso_1027_list"/);
  });
  it('checks each type against the official list 1027/CTK-CSCL, allowing a documented later change', () => {
    const csv = `${HEAD}\n00001,A,Phường,01,Phường A,Xã A\n00002,B,Xã,01,xã B,Xã B\n`;
    expect(validateUnits(parseUnits(csv, 'code,name\n01,P\n', NO_CHANGES))).toEqual([
      'communes.csv: commune 00001 (Phường A) is typed "Phường", but 1027/CTK-CSCL lists "Xã A" (and no later change is documented)',
    ]);
    const documented = parseUnits(csv, 'code,name\n01,P\n', `${NO_CHANGES}00001,00001,Phường A,01,type,now Phường\n`);
    expect(validateUnits(documented)).toEqual([]);
    expect(Object.fromEntries(officialTypes(documented).types)).toEqual({ '00001': 'Xã', '00002': 'Xã' });
    expect(officialTypes(documented).notes).toHaveLength(2);
  });
  it('reports polygons typed otherwise than the list', () => {
    const { topo, units } = load((f) => (geoms(f.topo).find((g) => g.id === '00002')!.properties!.type = 'Phường'));
    expect(validateSource(topo, 'communes', units, 'x.topo.json')).toEqual(['x.topo.json feature #1 (code 00002): type "Phường", but the list says "Xã"']);
  });
});

describe('validateOutput', () => {
  const topo = (): Topo => ({
    type: 'Topology',
    arcs: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ],
    objects: {
      communes: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', id: '00001', properties: { code: '00001', name: 'A', type: 'Xã', province_code: '01' }, arcs: [[0]] },
          { type: null, id: '00002', properties: { code: '00002', name: 'B', type: 'Xã', province_code: '01' } },
        ],
      },
    },
  });
  const spec = { communes: { kind: 'polygon', props: ['code', 'name', 'type', 'province_code'], idPattern: /^\d{5}$/, provinceCodes: new Set(['01']) } } as const;

  it('names the empty feature, the layer and the file', () => {
    expect(validateOutput(topo(), 'national.topo.json', spec)).toEqual(['national.topo.json communes #1 (id 00002): empty (null) geometry']);
  });
  it('checks ids, properties, counts and unexpected objects', () => {
    const t = topo();
    t.objects.communes.geometries![1] = { ...t.objects.communes.geometries![0], id: '2', properties: { code: '2', name: 'B', province_code: '07' } };
    t.objects.extra = { type: 'GeometryCollection', geometries: [] };
    const p = validateOutput(t, 'f', { communes: { ...spec.communes, count: 3, ids: new Set(['00001', '00003']) } });
    expect(p).toEqual([
      'f: unexpected object(s) extra',
      'f communes: 2 features, expected 3',
      'f communes #1 (id 2): properties {code, name, province_code}, expected {code, name, type, province_code}',
      'f communes #1 (id 2): id "2" does not match /^\\d{5}$/',
      'f communes #1 (id 2): unknown province_code "07"',
      'f communes: missing id(s) 00003',
      'f communes: unexpected id(s) 2',
    ]);
  });
  it('assertValid throws a ValidationError that says where', () => {
    expect(() => assertValid('national.topo.json', ['x'])).toThrow(ValidationError);
    expect(() => assertValid('national.topo.json', ['x'])).toThrow(/Validation failed: national\.topo\.json \(1 problem\)\n {2}- x/);
    expect(() => assertValid('ok', [])).not.toThrow();
  });
  it('emptiness', () => {
    expect(emptiness(null, 'polygon')).toMatch(/empty/);
    expect(emptiness({ type: 'MultiPolygon', coordinates: [] }, 'polygon')).toMatch(/no polygons/);
    expect(emptiness({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] }, 'polygon')).toMatch(/degenerate ring/);
    expect(emptiness({ type: 'Point', coordinates: [1, 2] }, 'point')).toBeNull();
  });
});
