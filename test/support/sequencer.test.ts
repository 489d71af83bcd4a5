import { describe, expect, it } from 'vitest';
import { weight } from './sequencer.js';

describe('the order of test files on a fresh clone', () => {
  it('runs the browser suites, then the server suites, then the unit tests', () => {
    expect(weight('/r/test/e2e/pdf.e2e.test.ts')).toBe(0);
    expect(weight('/r/test/import-kill.test.ts')).toBe(1);
    expect(weight('/r/shared/lib/format.test.ts')).toBe(2);
    expect(weight('/r/server/routes/stats.test.ts')).toBe(2);
  });
});
