import { describe, expect, it } from 'vitest';
import { SETTINGS } from './settings.js';
import { quantizationFor } from './sourceFacts.js';

describe('province quantisation', () => {
  it('gives about provinceGridM metres a step over the larger side of the box, within the bounds', () => {
    // 1° of latitude ≈ 110.6 km: at 3 m a step, ≈ 36,859 steps.
    expect(quantizationFor([105, 21, 105.5, 22], SETTINGS)).toBe(Math.ceil(110_574 / SETTINGS.provinceGridM));
    // Longitude shrinks with the cosine of the latitude.
    const wide = quantizationFor([105, 60, 107, 60.1], SETTINGS);
    expect(wide).toBe(Math.ceil((2 * 111_320 * Math.cos((60.05 * Math.PI) / 180)) / SETTINGS.provinceGridM));
    expect(quantizationFor([105, 21, 105.001, 21.001], SETTINGS)).toBe(SETTINGS.provinceQuantizationMin);
    expect(quantizationFor([100, 4, 130, 40], SETTINGS)).toBe(SETTINGS.provinceQuantizationMax);
  });
});
