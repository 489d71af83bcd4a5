import { describe, expect, it } from 'vitest';
import { rollUp, statusFromPredecessors } from './rollup.js';
import type { Assessment, CrosswalkLink, Status } from './types.js';

function old(code: string, status: Status, rd: [number, number], models = 2, extra: Partial<Assessment> = {}): Assessment {
  return {
    vintage: 'pre2025', communeCode: code, year: 2023, status, exemplary: false,
    residential: { total: rd[0], certified: rd[1] }, agencies: { total: 2, certified: 2 },
    enterprises: { total: 4, certified: 3 }, schools: { total: 3, certified: 3 }, models,
    keyArea: false, hotSpot: false, batchId: 1, ...extra,
  };
}

describe('rollUp', () => {
  // Two old communes merge fully into N1; O3 is split 3:1 between N1 and N2 (by area).
  const links: CrosswalkLink[] = [
    { oldCode: 'O1', newCode: 'N1', relation: 'full', weight: 1 },
    { oldCode: 'O2', newCode: 'N1', relation: 'full', weight: 1 },
    { oldCode: 'O3', newCode: 'N1', relation: 'partial', weight: 0.75 },
    { oldCode: 'O3', newCode: 'N2', relation: 'partial', weight: 0.25 },
    { oldCode: 'O4', newCode: 'N3', relation: 'full', weight: 1 },
  ];

  it('sums full links exactly and apportions partial links by weight', () => {
    const r = rollUp([old('O1', 'dat', [10, 9]), old('O2', 'dat', [6, 6]), old('O3', 'chua_dat', [8, 4])], links);
    const n1 = r.get('N1')!;
    expect(n1.residential).toEqual({ total: 10 + 6 + 6, certified: 9 + 6 + 3 });
    expect(n1.models).toBe(2 + 2 + 1.5);
    expect(n1.predecessors).toEqual({ total: 3, certified: 2, notCertified: 1, notAssessed: 0, noData: 0, partial: 1 });
    expect(n1.status).toBe('chua_dat');
    const n2 = r.get('N2')!;
    expect(n2.residential).toEqual({ total: 2, certified: 1 });
    // Counts are conserved across the split.
    expect(n1.residential!.total + n2.residential!.total).toBe(10 + 6 + 8);
  });

  it('sums only the predecessors that reported a figure; null when none did', () => {
    const r = rollUp([old('O1', 'dat', [10, 9], 3, { agencies: null }), old('O2', 'dat', [6, 6], 2, { models: null, agencies: null }), old('O4', 'dat', [1, 1], 1, { residential: null, models: null })], links);
    const n1 = r.get('N1')!;
    expect(n1.residential).toEqual({ total: 16, certified: 15 });
    expect(n1.models).toBe(3);
    expect(n1.agencies).toBeNull();
    expect(n1.enterprises).toEqual({ total: 8, certified: 6 });
    const n3 = r.get('N3')!;
    expect(n3.status).toBe('dat');
    expect(n3.residential).toBeNull();
    expect(n3.models).toBeNull();
  });

  it('gives no data to a new commune none of whose predecessors has data', () => {
    const r = rollUp([old('O1', 'dat', [1, 1])], links);
    expect(r.get('N3')!.status).toBeNull();
    expect(r.get('N3')!.models).toBeNull();
    expect(r.get('N3')!.predecessors.noData).toBe(1);
  });

  it('carries key areas and hot spots, but a title only when every part had it', () => {
    const r = rollUp(
      [old('O1', 'dat', [1, 1], 1, { hotSpot: true, exemplary: true }), old('O2', 'dat', [1, 1]), old('O4', 'dat', [1, 1], 1, { exemplary: true })],
      links,
    );
    expect(r.get('N1')!.hotSpot).toBe(true);
    expect(r.get('N1')!.exemplary).toBe(false);
    expect(r.get('N3')!.exemplary).toBe(true);
  });

  it('keeps a flag a part did not report unknown, unless another part says yes', () => {
    const unknown = { keyArea: null, hotSpot: null, exemplary: null };
    // N1: O1 and O3 did not report the flags, O2 said no; O3 alone makes N2.
    const r = rollUp([old('O1', 'dat', [1, 1], 1, unknown), old('O2', 'dat', [1, 1]), old('O3', 'dat', [1, 1], 1, { ...unknown, keyArea: true })], links);
    expect(r.get('N1')).toMatchObject({ keyArea: true, hotSpot: null, exemplary: false });
    expect(r.get('N2')).toMatchObject({ keyArea: true, hotSpot: null, exemplary: null });
    // No part with data: nothing is known.
    expect(r.get('N3')).toMatchObject({ keyArea: null, hotSpot: null, exemplary: null });
  });
});

describe('statusFromPredecessors', () => {
  const p = (certified: number, notCertified: number, notAssessed: number, noData: number) => ({
    total: certified + notCertified + notAssessed + noData, certified, notCertified, notAssessed, noData, partial: 0,
  });
  it.each([
    [p(3, 0, 0, 0), 'dat'],
    [p(2, 1, 0, 0), 'chua_dat'],
    [p(0, 1, 2, 0), 'chua_dat'],
    [p(2, 0, 1, 0), 'chua_danh_gia'],
    [p(2, 0, 0, 1), 'chua_danh_gia'],
    [p(0, 0, 0, 2), null],
  ] as const)('%o → %s', (summary, expected) => {
    expect(statusFromPredecessors(summary)).toBe(expected);
  });
});
