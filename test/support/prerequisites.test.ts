import { afterEach, describe, expect, it, vi } from 'vitest';
import { skipUnlessCi, underCi } from './prerequisites.js';

describe('a missing prerequisite', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fails under CI, naming the suite and what is missing', () => {
    expect(() => skipUnlessCi('the map tests', 'no Chromium at /nowhere', { CI: 'true' })).toThrow('the map tests: prerequisite missing under CI: no Chromium at /nowhere');
    expect(() => skipUnlessCi('x', 'y', { CI: '1' })).toThrow(/under CI/);
  });

  it('skips with a warning outside CI, and runs when nothing is missing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(skipUnlessCi('the map tests', 'no Chromium', {})).toBe(true);
    expect(warn.mock.calls[0][0]).toMatch(/SKIPPED the map tests: no Chromium/);
    expect(skipUnlessCi('the map tests', null, { CI: 'true' })).toBe(false);
    expect(skipUnlessCi('the map tests', null, {})).toBe(false);
  });

  it('reads CI as the CI services set it', () => {
    expect(underCi({ CI: 'true' })).toBe(true);
    expect(underCi({ CI: '1' })).toBe(true);
    expect(underCi({ CI: 'false' })).toBe(false);
    expect(underCi({ CI: '0' })).toBe(false);
    expect(underCi({})).toBe(false);
  });
});
