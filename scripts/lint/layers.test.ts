import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import layers, { violation } from './layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve('/repo');
const file = (rel: string) => path.join(root, rel);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const options = [{ root }];

describe('import direction', () => {
  it('judges a path by its layers', () => {
    expect(violation('shared/domain/deck.ts', 'client/lib/classify', false)).toMatch(/shared\/ may not import from client\//);
    expect(violation('shared/domain/deck.ts', 'shared/lib/classify', false)).toBeNull();
    expect(violation('server/routes/x.ts', 'shared/domain/types', false)).toBeNull();
    expect(violation('scripts/seed.ts', 'server/app', false)).toBeNull();
    expect(violation('client/api.ts', 'server/app', true)).toBeNull();
    expect(violation('client/api.ts', 'server/app', false)).toMatch(/only `import type`/);
    expect(violation('client/deck/deckApi.ts', 'server/store/decks', true)).not.toBeNull();
    expect(violation('server/import/a.test.ts', 'test/support/zipBomb', false)).toBeNull();
    expect(violation('server/import/a.ts', 'test/support/zipBomb', false)).not.toBeNull();
    expect(violation('server/import/a.test.ts', 'scripts/sample/prng', false)).not.toBeNull();
  });

  tester.run('import-direction', layers.rules['import-direction'], {
    valid: [
      { filename: file('client/api.ts'), options, code: "import type { AppType } from '../server/app.js';" },
      { filename: file('client/a.ts'), options, code: "import { type AppType } from '../server/app.js';" },
      { filename: file('client/a.ts'), options, code: "import { format } from '../shared/lib/format.js'; import x from 'maplibre-gl';" },
      { filename: file('shared/domain/a.test.ts'), options, code: "import { f } from '../../test/support/figures.js';" },
      { filename: file('test/e2e/a.test.ts'), options, code: "import { f } from '../../client/lib/compare.js';" },
    ],
    invalid: [
      { filename: file('shared/domain/deck.ts'), options, code: "import { c } from '../../client/lib/classify.js';", errors: 1 },
      { filename: file('shared/a.ts'), options, code: "export { c } from '../server/x.js';", errors: 1 },
      { filename: file('shared/a.ts'), options, code: "export * from '../scripts/x.js';", errors: 1 },
      { filename: file('client/a.ts'), options, code: "import { AppType } from '../server/app.js';", errors: 1 },
      { filename: file('client/a.ts'), options, code: "import type { Slide } from '../server/store/decks.js';", errors: 1 },
      { filename: file('client/a.ts'), options, code: "const m = await import('../server/x.js');", errors: 1 },
      { filename: file('client/a.ts'), options, code: "type S = import('../server/store/decks.js').Slide;", errors: 1 },
      { filename: file('client/lib/a.test.ts'), options, code: "import { p } from '../../server/routes/p.js';", errors: 1 },
      { filename: file('server/a.ts'), options, code: "import { p } from '../client/lib/format.js';", errors: 1 },
      { filename: file('server/x/a.ts'), options, code: "import { p } from '../../scripts/sample/prng.js';", errors: 1 },
      // A detour through another folder lands where it lands.
      { filename: file('server/x/a.ts'), options, code: "import { p } from '../../shared/../client/x.js';", errors: 1 },
    ],
  });
});
