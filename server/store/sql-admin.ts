// The admin backend on any Store: the import ledger (sql-ledger.ts), accounts (sql-users.ts), the audit log
// and the decks (sql-decks.ts), all through the contract's transactions. The same SQL runs on SQLite and PostgreSQL.

import type { AdminBackend } from './admin.js';
import { appendAudit } from './sql.js';
import { sqlDecks } from './sql-decks.js';
import { sqlLedger } from './sql-ledger.js';
import { sqlUsers } from './sql-users.js';
import type { Store } from './store.js';

interface AuditRow {
  id: number;
  at: string;
  user_name: string;
  action: string;
  target: string;
  file_sha256: string | null;
  summary: string;
  details: string;
}

/** The largest id an audit page may start below (fits PostgreSQL's integer). */
const MAX_ID = 2_147_483_647;

/** The admin backend of `store`, whatever its database. */
export function storeAdmin(store: Store): AdminBackend {
  return {
    ledger: sqlLedger(store),
    users: sqlUsers(store),
    audit: {
      async auditEntries({ limit, before }) {
        const rows = await store.sql.all<AuditRow>(
          'SELECT id, at, user_name, action, target, file_sha256, summary, details FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?',
          [Math.min(before ?? MAX_ID, MAX_ID), limit],
        );
        return rows.map((r) => ({ id: r.id, at: r.at, userName: r.user_name, action: r.action, target: r.target, fileSha256: r.file_sha256, summary: r.summary, details: JSON.parse(r.details) as unknown }));
      },
      async appendAudit(e) {
        await appendAudit(store.sql, e);
      },
    },

    decks: sqlDecks(store),
  };
}
