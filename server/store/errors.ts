// The errors every Store implementation throws, SQLite and PostgreSQL alike, so that routes and CLIs
// map them without knowing which database is behind the store.

/** A write rejected before or while touching the database (nothing was changed). */
export class StoreWriteError extends Error {
  /** `cause`: the driver's error, when there was one (its SQLSTATE `code` tells a deadlock from a bad row). */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreWriteError';
  }
}

/** A ledger or account write refused for a reason the user can act on (message in Vietnamese). */
export class LedgerError extends StoreWriteError {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** A deck write refused: no such deck or slide, or an order that is not the deck's slides. */
export class DeckStoreError extends Error {
  constructor(
    readonly kind: 'not-found' | 'invalid',
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'DeckStoreError';
  }
}
