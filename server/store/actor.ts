// Who did something, in the audit log and on every write: its own module, so that the admin and deck stores
// both name it without importing each other.

/** Who did it, for the audit log: a user, or "cli:<os user>" for the command line. */
export type Actor = string;
