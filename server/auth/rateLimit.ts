// Failed log-ins per key (client address, and account name) in a sliding window: after `max`
// failures the key is blocked until the oldest failure leaves the window. In memory: a restart
// forgets, which is acceptable for slowing down password guessing on one server.

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again; 0 if it may now. */
  retryAfter(key: string): number {
    const list = this.live(key);
    if (list.length < this.max) return 0;
    return Math.ceil((list[0] + this.windowMs - this.clock()) / 1000);
  }

  fail(key: string): void {
    const list = this.live(key);
    list.push(this.clock());
    this.failures.set(key, list);
    if (this.failures.size > 10_000) this.prune();
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private live(key: string): number[] {
    const since = this.clock() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune() {
    for (const k of [...this.failures.keys()]) if (this.live(k).length === 0) this.failures.delete(k);
  }
}
