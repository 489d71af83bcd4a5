import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config.js';
import { NEEDS_SETUP, UNIT_DIRS, testProjects } from './projects.js';

describe('the two vitest projects', () => {
  const { unit, integration } = testProjects(ROOT);

  it('put every test file in exactly one project', () => {
    expect(new Set([...unit, ...integration]).size).toBe(unit.length + integration.length);
    expect(unit).toContain('shared/lib/classify.test.ts');
    expect(unit).toContain('client/panels/Legend.test.tsx');
    expect(unit).toContain('test/support/projects.test.ts');
    expect(unit).toContain('server/services/imports.fuzz.test.ts');
    for (const f of ['test/e2e/pdf.e2e.test.ts', 'test/import-kill.test.ts', 'server/routes/stats.test.ts', 'server/store/pg/pg.test.ts']) expect(integration).toContain(f);
    // In the unit folders, but with the seeded databases, a PostgreSQL database or an app on one.
    for (const f of ['scripts/seed.test.ts', 'server/reports/office.test.ts', 'server/services/imports.test.ts']) expect(integration).toContain(f);
  });

  it('keep the files that use the global setup out of the unisolated unit project', () => {
    for (const f of unit) {
      expect(UNIT_DIRS.some((d) => f.startsWith(`${d}/`)), f).toBe(true);
      expect(NEEDS_SETUP.test(readFileSync(join(ROOT, f), 'utf8')), f).toBe(false);
    }
  });
});
