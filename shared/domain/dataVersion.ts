// Which data a page holds: the database's identity and its data version. The version alone repeats its numbers
// in a database made again from nothing (a re-seed); with the identity it names the data. The server's ETag of
// GET /api/version and the page's staleness check are both this token, compared whole.

interface DataVersion {
  /** The store's data version: every committed write of figures moves it on. */
  version: number;
  /** The database's identity, a random id given when it was made. */
  db: string;
}

/** The token of a data version: equal tokens, same data. */
export function dataToken(v: DataVersion): string {
  return `${v.db}.${v.version}`;
}
