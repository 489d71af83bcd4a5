import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../test/fixtures/geo/make-source.js';
import { addPointObject, arcBBoxes, arcUse, asTopology, decodeArc, geometriesBBox, geometriesOf, polygonCount, subsetTopology, type Topo } from './topology.js';

describe('subsetTopology', () => {
  it('keeps only the arcs of the chosen geometries, re-indexed, still shared', () => {
    const { topo } = fixtureFiles();
    const sub = subsetTopology(topo, 'communes', (g) => g.properties?.province_code === '01');
    const geoms = geometriesOf(sub, 'communes');
    expect(geoms.map((g) => g.id)).toEqual(['00001', '00002', '00003', '20333']);
    const use = arcUse(sub, 'communes');
    expect(Math.max(...use.keys())).toBe(sub.arcs.length - 1);
    expect(use.size).toBe(sub.arcs.length);
    // 00001 and 00002 still share the arc between them, and 00001 and 00003 theirs
    expect([...use.values()].filter((n) => n === 2).length).toBe(2);
    // geometry unchanged
    const before = feature(asTopology(topo), asTopology(topo).objects.communes);
    const after = feature(asTopology(sub), asTopology(sub).objects.communes);
    const find = (fc: typeof before, id: string) => ('features' in fc ? fc.features : []).find((f) => f.id === id)?.geometry;
    expect(find(after, '00002')).toEqual(find(before, '00002'));
  });
});

describe('bboxes', () => {
  it('computes boxes from arcs, quantized or not', () => {
    const { topo } = fixtureFiles();
    const g = geometriesOf(topo, 'communes');
    expect(geometriesBBox(g.filter((x) => x.id === '00001'), arcBBoxes(topo))).toEqual([105, 21, 105.1, 21.1]);
    const q: Topo = { type: 'Topology', transform: { scale: [0.5, 0.25], translate: [100, 10] }, objects: {}, arcs: [[[2, 4], [2, -4], [-1, 8]]] };
    expect(decodeArc(q, 0)).toEqual([[101, 11], [102, 10], [101.5, 12]]);
    expect([...arcBBoxes(q)]).toEqual([101, 10, 102, 12]);
  });
  it('polygonCount', () => {
    const g = geometriesOf(fixtureFiles().topo, 'communes');
    expect(polygonCount(g.find((x) => x.id === '22736')!)).toBe(3);
    expect(polygonCount(g[0])).toBe(1);
    expect(polygonCount({ type: null })).toBe(0);
  });
});

describe('addPointObject', () => {
  it('quantizes points in a quantized topology so that they decode back', () => {
    const t: Topo = { type: 'Topology', transform: { scale: [0.001, 0.002], translate: [105, 20] }, objects: {}, arcs: [] };
    addPointObject(t, 'labels', [{ id: '01', coordinates: [105.5, 21], properties: { code: '01', name: 'A' } }]);
    expect(t.objects.labels.geometries![0]).toEqual({ type: 'Point', id: '01', properties: { code: '01', name: 'A' }, coordinates: [500, 500] });
    const fc = feature(asTopology(t), asTopology(t).objects.labels);
    const f = 'features' in fc ? fc.features[0] : fc;
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [105.5, 21] });
    expect(f.properties).toEqual({ code: '01', name: 'A' });
  });
});
