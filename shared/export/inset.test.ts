import { describe, expect, it } from 'vitest';
import { insetProjection, needsInset } from './inset.js';
import type { BBox } from '../lib/bbox.js';

const hoangSa: BBox = [111.2, 15.7, 112.9, 17.1];
const truongSa: BBox = [111.4, 7.5, 116.0, 11.5];

describe('inset decision', () => {
  it('needs no inset when the view shows both archipelagos', () => {
    expect(needsInset([101, 6, 119, 24], [hoangSa, truongSa])).toBe(false);
  });
  it('needs an inset when either is cut off or outside the view', () => {
    expect(needsInset([102, 8, 112, 24], [hoangSa, truongSa])).toBe(true);
    expect(needsInset([105.5, 20.8, 106.1, 21.3], [hoangSa, truongSa])).toBe(true);
  });
  it('projects the frame into the box, north up, keeping the aspect', () => {
    const p = insetProjection([110, 7, 117, 18], 200, 260);
    expect(p.height).toBe(260);
    expect(p.width).toBeLessThanOrEqual(200);
    expect(p.project(110, 18)[0]).toBeCloseTo(0);
    expect(p.project(110, 18)[1]).toBeCloseTo(0);
    const [x, y] = p.project(117, 7);
    expect(x).toBeCloseTo(p.width, 0);
    expect(y).toBeCloseTo(p.height, 0);
  });
});
