// The data version as other processes announce it: one LISTEN connection per process, the PostgreSQL store's
// VersionSource for the cache decorator. Each write of figures bumps meta.version and NOTIFYs the new value in
// the same transaction (delivered at commit). While the connection is down the version is read from the table
// on each call (never polled); after a reconnect it is read again, so a notification missed meanwhile is not lost.

import pg from 'pg';
import type { VersionSource } from '../cached.js';
import { PG_TYPES } from './runner.js';

export const VERSION_CHANNEL = 'antq_version';
const RECONNECT_MS = [100, 250, 500, 1000, 2000, 5000];

export class VersionWatch implements VersionSource {
  private value = -1;
  /** Writes of this process, and how many of them the last read of the table began after. */
  private writes = 0;
  private seenWrites = 0;
  private client: pg.Client | undefined;
  private live = false;
  private closed = false;
  private attempt = 0;
  private readonly listeners = new Set<(v: number) => void>();

  constructor(
    private readonly url: string,
    private readonly read: () => Promise<number>,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  /** The latest version known: from notifications while listening, else (and after a write of this process) read now. */
  async current(): Promise<number> {
    if (this.live && this.seenWrites === this.writes) return this.value;
    const w = this.writes;
    this.saw(await this.read());
    this.seenWrites = Math.max(this.seenWrites, w);
    return this.value;
  }

  /** This process committed a write: read the version once, rather than wait for its notification to come back. */
  wrote(): void {
    this.writes++;
  }

  private saw(v: number): void {
    if (v > this.value) {
      this.value = v;
      for (const l of this.listeners) l(v);
    }
  }

  /** Calls `fn` with each newer version (tests, logs). */
  onChange(fn: (v: number) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get listening(): boolean {
    return this.live;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, types: PG_TYPES, application_name: 'antq-listen' });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (m) => {
      if (m.channel === VERSION_CHANNEL && m.payload) this.saw(Number(m.payload));
    });
    await client.connect();
    await client.query(`LISTEN ${VERSION_CHANNEL}`);
    // LISTEN first, then read: a write committed in between is in the read or in a notification.
    const { rows } = await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'version'");
    this.client = client;
    this.saw(Number(rows[0]?.value ?? 0));
    this.live = true;
    this.attempt = 0;
  }

  private lost(client: pg.Client) {
    if (client !== this.client || this.closed) return;
    this.live = false;
    this.client = undefined;
    void client.end().catch(() => undefined);
    const retry = () => {
      if (this.closed) return;
      const wait = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)];
      setTimeout(() => void this.connect().catch(retry), wait).unref();
    };
    retry();
  }
}
