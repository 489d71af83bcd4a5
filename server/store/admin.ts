// The stores behind imports, accounts and the audit log. Async, like Store, so that a server database
// can implement them too. Every write here also appends its audit entry, in the same transaction.

import type { LoginHistory } from '../auth/loginThrottle.js';
import type { Assessment, Vintage } from '../../shared/domain/types.js';
import type { Actor } from './actor.js';
import type { DeckStore } from './decks.js';

export type Role = 'admin' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'editor', 'viewer'];

export interface User {
  name: string;
  role: Role;
  /** The 2025 province an editor may write; null for admins and viewers. */
  provinceCode: string | null;
  disabled: boolean;
  createdAt: string;
}


export interface AuditEntry {
  id: number;
  at: string;
  userName: string;
  action: string;
  target: string;
  fileSha256: string | null;
  summary: string;
  /** Before and after of what changed. */
  details: unknown;
}

/** A field of an assessment a return may leave unreported (no column, or a cell answered "chưa báo cáo"). */
type ReturnField = 'status' | 'exemplary' | 'residential' | 'agencies' | 'enterprises' | 'schools' | 'models' | 'keyArea' | 'hotSpot';

export interface ImportWrite {
  vintage: Vintage;
  year: number;
  provinceCode: string | null;
  fileName: string;
  fileSha256: string;
  userName: Actor;
  rowsSkipped: number;
  assessments: Omit<Assessment, 'batchId'>[];
  /**
   * By commune code, the fields the return does not report. Each keeps the value an earlier import of the
   * same year stored for that commune (a return that leaves a figure out does not wipe one reported before);
   * over sample data or no data it is written as given (null: unknown).
   */
  unreported?: Record<string, ReturnField[]>;
  /** Notes from the file, by commune code (kept in the audit log). */
  notes: Record<string, string>;
}

export interface ImportRecord {
  batchId: number;
  vintage: Vintage;
  year: number;
  provinceCode: string | null;
  fileName: string;
  fileSha256: string;
  userName: string;
  rowsWritten: number;
  rowsSkipped: number;
  /** Of the rows written, how many replaced figures that were there before. */
  rowsReplaced: number;
  createdAt: string;
  rolledBackAt: string | null;
  rolledBackBy: string | null;
}

export interface RollbackResult {
  batchId: number;
  restored: number;
  removed: number;
}

/** The column mapping and spelling answers confirmed for a province's returns. */
export interface SavedMapping {
  /** Normalised heading (as the file wrote it) → column id, or "ignore". */
  columns: Record<string, string>;
  /** Question id → answer ("status:d" → "dat"). */
  answers: Record<string, string>;
  savedAt: string;
  savedBy: string;
}

export interface ImportLedger {
  /** Writes the rows as one import batch (see ImportWrite.unreported), keeping the before-image of each row it replaces. */
  commitImport(w: ImportWrite): Promise<ImportRecord>;
  /** Restores exactly what the import replaced; refused if a later import has since replaced its rows. */
  rollbackImport(batchId: number, actor: Actor): Promise<RollbackResult>;
  imports(): Promise<ImportRecord[]>;
  /** The mapping last confirmed under this key (a province, see ImportService), or null. */
  importMapping(key: string): Promise<SavedMapping | null>;
  /** Remembers a confirmed mapping under this key, replacing the one before (audited). */
  saveImportMapping(key: string, m: Omit<SavedMapping, 'savedAt' | 'savedBy'>, actor: Actor): Promise<void>;
}

export interface Session {
  user: User;
  /** sha256 of the session's CSRF token (the token itself is derived from the cookie, never stored). */
  csrfHash: string;
  expiresAt: string;
}

/** A log-in attempt to reserve: account lower-cased as typed (known or not), the client's address. */
interface LoginAttemptKey {
  account: string;
  address: string;
  /** ms since the epoch */
  at: number;
  /** Attempts older than this (ms) are not read; successes older than knownSince are deleted. */
  since: number;
  knownSince: number;
}

export interface UserStore {
  user(name: string): Promise<(User & { passwordHash: string }) | undefined>;
  users(): Promise<User[]>;
  addUser(u: { name: string; role: Role; provinceCode: string | null; passwordHash: string }, actor: Actor): Promise<User>;
  updateUser(name: string, change: { role?: Role; provinceCode?: string | null; disabled?: boolean; passwordHash?: string }, actor: Actor): Promise<User>;
  createSession(s: { tokenHash: string; userName: string; csrfHash: string; expiresAt: string }): Promise<void>;
  /** The live session with this token hash (expired ones are not returned). */
  session(tokenHash: string, now: string): Promise<Session | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /**
   * In one atomic step (across processes): reads the recent attempts of the account or the address,
   * asks `wait` how long this one must wait, and when it need not, records it as pending.
   */
  reserveLoginAttempt(k: LoginAttemptKey, wait: (h: LoginHistory) => number): Promise<{ id: number } | { retryAfterMs: number }>;
  settleLoginAttempt(id: number, outcome: 'ok' | 'fail'): Promise<void>;
}

interface AuditLog {
  auditEntries(q: { limit: number; before?: number }): Promise<AuditEntry[]>;
  appendAudit(e: Omit<AuditEntry, 'id' | 'at'>): Promise<void>;
}

export interface AdminBackend {
  ledger: ImportLedger;
  users: UserStore;
  audit: AuditLog;
  /** Decks of saved views: written by logged-in users, audited like the rest. */
  decks: DeckStore;
}
