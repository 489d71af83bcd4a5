import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../shared/domain/view.js';
import { isNavigation } from './viewHistory.js';

describe('isNavigation', () => {
  const national = DEFAULT_VIEW;
  it('is a step for another province, level or unit', () => {
    expect(isNavigation(national, { ...national, province: '01', unit: '01' })).toBe(true);
    expect(isNavigation({ ...national, province: '01' }, national)).toBe(true);
    expect(isNavigation(national, { ...national, level: 'province' })).toBe(true);
    expect(isNavigation(national, { ...national, unit: '00004' })).toBe(true);
    expect(isNavigation({ ...national, unit: '00004' }, national)).toBe(true);
  });
  it('replaces the entry for the camera, the figures shown, presentation mode and a deck’s slides', () => {
    expect(isNavigation(national, { ...national, at: { zoom: 7, lat: 21, lng: 105 } })).toBe(false);
    expect(isNavigation(national, { ...national, year: 2023, metric: 'rate', k: 7 })).toBe(false);
    expect(isNavigation(national, { ...national, present: true })).toBe(false);
    expect(isNavigation({ ...national, deck: 3, slide: 1 }, { ...national, deck: 3, slide: 2, province: '01' })).toBe(false);
    expect(isNavigation(national, { ...national, deck: 3, slide: 1, province: '01' })).toBe(false);
  });
});
