// How long a log-in attempt must wait, from the recent attempts of its account and its address
// (OWASP ASVS V2.2.1: anti-automation without a lock-out that strangers can trigger). Pure: the store
// calls it inside the transaction that reserves the attempt, so parallel attempts see each other.
//
// Three counts, each of failures (a pending attempt counts as one until it is settled):
// - this account from this address, since its last success: a few are free, then the wait doubles;
//   the right password is refused too while it lasts (the test of a guess must cost time).
// - this address, all accounts (password spraying): more are free, then the same doubling.
// - this account, all addresses: a slow-down capped at a minute, and never for an address that has
//   logged in to this account before, so that nobody can keep the owner out.

type LoginOutcome = 'pending' | 'fail' | 'ok';

export interface LoginAttempt {
  /** ms since the epoch */
  at: number;
  account: string;
  address: string;
  outcome: LoginOutcome;
}

export interface LoginHistory {
  /** Attempts since `now - windowMs` whose account or address is the one asking. */
  attempts: LoginAttempt[];
  /** This address has logged in to this account within `knownMs`. */
  known: boolean;
}

export interface ThrottlePolicy {
  windowMs: number;
  knownMs: number;
  pairFree: number;
  addressFree: number;
  accountFree: number;
  baseDelayMs: number;
  maxDelayMs: number;
  accountBaseDelayMs: number;
  maxAccountDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 60 * 60_000,
  knownMs: 30 * 24 * 3600_000,
  pairFree: 5,
  addressFree: 20,
  accountFree: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  accountBaseDelayMs: 1_000,
  maxAccountDelayMs: 60_000,
};

/** Failures after the last success, and the time of the latest one. */
function failuresSinceSuccess(list: LoginAttempt[]): { n: number; last: number } {
  let n = 0;
  let last = 0;
  for (const a of [...list].sort((x, y) => x.at - y.at)) {
    if (a.outcome === 'ok') n = 0;
    else {
      n++;
      last = a.at;
    }
  }
  return { n, last };
}

function backoff(n: number, free: number, last: number, now: number, base: number, max: number): number {
  if (n < free) return 0;
  const delay = Math.min(base * 2 ** (n - free), max);
  return Math.max(0, last + delay - now);
}

/** Milliseconds this attempt must wait; 0: it may go ahead. */
export function loginWait(h: LoginHistory, account: string, address: string, now: number, p: ThrottlePolicy = DEFAULT_THROTTLE): number {
  const live = h.attempts.filter((a) => a.at > now - p.windowMs);
  const pair = failuresSinceSuccess(live.filter((a) => a.account === account && a.address === address));
  const byAddress = live.filter((a) => a.address === address && a.outcome !== 'ok');
  const addressLast = byAddress.reduce((m, a) => Math.max(m, a.at), 0);
  const waits = [
    backoff(pair.n, p.pairFree, pair.last, now, p.baseDelayMs, p.maxDelayMs),
    backoff(byAddress.length, p.addressFree, addressLast, now, p.baseDelayMs, p.maxDelayMs),
  ];
  if (!h.known) {
    const acc = failuresSinceSuccess(live.filter((a) => a.account === account));
    waits.push(backoff(acc.n, p.accountFree, acc.last, now, p.accountBaseDelayMs, p.maxAccountDelayMs));
  }
  return Math.max(...waits);
}
