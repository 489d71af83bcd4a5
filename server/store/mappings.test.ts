// The column mappings the import remembers per province (#12), on both databases: saved, read back,
// replaced whole, each save audited with what it replaced.

import { afterEach, describe, expect, it } from 'vitest';
import { emptyStore, KINDS, kindSkip } from '../../test/support/databases.js';
import { storeAdmin } from './sql-admin.js';
import type { Store } from './store.js';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

for (const kind of KINDS) describe.skipIf(kindSkip(kind))(`import mappings on ${kind}`, () => {
  it('saves a mapping per key, reads it back, replaces it whole, and audits each save', async () => {
    const store = await emptyStore(kind);
    stores.push(store);
    const { ledger, audit } = storeAdmin(store);
    const v0 = await store.version();
    expect(await ledger.importMapping('tỉnh 24')).toBeNull();
    const first = { columns: { 'Mã xã': 'code', 'Ghi chú riêng': 'ignore' }, answers: { 'status:tot': 'dat' } };
    await ledger.saveImportMapping('tỉnh 24', first, 'bacninh');
    expect(await ledger.importMapping('tỉnh 24')).toEqual({ ...first, savedAt: expect.any(String), savedBy: 'bacninh' });
    const second = { columns: { 'Mã ĐVHC': 'code' }, answers: {} };
    await ledger.saveImportMapping('tỉnh 24', second, 'quantri');
    expect(await ledger.importMapping('tỉnh 24')).toMatchObject({ ...second, savedBy: 'quantri' });
    expect(await ledger.importMapping('*')).toBeNull();
    const entries = await audit.auditEntries({ limit: 10 });
    expect(entries.map((e) => [e.action, e.userName, e.target])).toEqual([
      ['import.mapping', 'quantri', 'tỉnh 24'],
      ['import.mapping', 'bacninh', 'tỉnh 24'],
    ]);
    expect(entries[0].details).toEqual({ before: first, after: second });
    // A mapping is not figures: the data version (and so every stats cache) stays.
    expect(await store.version()).toBe(v0);
  });
});
