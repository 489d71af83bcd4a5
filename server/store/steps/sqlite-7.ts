// Step 7 (flags not reported) of the embedded store's schema (see ../migrations.ts). Released steps are never edited.

import type { Migration } from '../migrations.js';

export const STEPS_7: readonly Migration[] = [
  {
    id: 7,
    name: 'yes/no flags a return does not report are NULL (unknown), never "no"',
    // Each flag column replaced by a nullable copy (SQLite cannot drop NOT NULL in place); the flags move to the end of the row.
    sql: ['assessments', 'assessment_history']
      .flatMap((t) =>
        ['exemplary', 'key_area', 'hot_spot'].map(
          (c) => `ALTER TABLE ${t} ADD COLUMN ${c}_v7 INTEGER${t === 'assessments' ? ` CHECK (${c}_v7 IN (0, 1))` : ''};
            UPDATE ${t} SET ${c}_v7 = ${c};
            ALTER TABLE ${t} DROP COLUMN ${c};
            ALTER TABLE ${t} RENAME COLUMN ${c}_v7 TO ${c};`,
        ),
      )
      .join('\n'),
  },
];
