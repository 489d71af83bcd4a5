import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE as P, loginWait, type LoginAttempt } from './loginThrottle.js';

const T = 1_800_000_000_000;
const fail = (at: number, account = 'chu', address = 'a'): LoginAttempt => ({ at, account, address, outcome: 'fail' });

describe('loginWait', () => {
  it('lets the first failures of an account from an address through, then doubles the wait', () => {
    const four = [1, 2, 3, 4].map((k) => fail(T - k * 1000));
    expect(loginWait({ attempts: four, known: false }, 'chu', 'a', T)).toBe(0);
    const five = [...four, fail(T)];
    expect(loginWait({ attempts: five, known: false }, 'chu', 'a', T)).toBe(P.baseDelayMs);
    const six = [...five, fail(T)];
    expect(loginWait({ attempts: six, known: false }, 'chu', 'a', T)).toBe(2 * P.baseDelayMs);
    const many = Array.from({ length: 30 }, (_, k) => fail(T - k));
    expect(loginWait({ attempts: many, known: false }, 'chu', 'a', T)).toBeLessThanOrEqual(P.maxDelayMs);
    // Pending attempts count as failures: a burst sees the attempts still being checked.
    const pending = five.map((a) => ({ ...a, outcome: 'pending' as const }));
    expect(loginWait({ attempts: pending, known: false }, 'chu', 'a', T)).toBeGreaterThan(0);
  });

  it('forgets failures before the last success, and those out of the window', () => {
    const before = [1, 2, 3, 4, 5, 6].map((k) => fail(T - 10_000 - k));
    expect(loginWait({ attempts: [...before, { at: T - 5000, account: 'chu', address: 'a', outcome: 'ok' }], known: true }, 'chu', 'a', T)).toBe(0);
    expect(loginWait({ attempts: before.map((a) => ({ ...a, at: T - P.windowMs - 1 })), known: false }, 'chu', 'a', T)).toBe(0);
  });

  it('slows one address spraying many accounts', () => {
    const spray = Array.from({ length: P.addressFree }, (_, k) => fail(T - k, `u${k}`, 'a'));
    expect(loginWait({ attempts: spray, known: false }, 'khac', 'a', T)).toBe(P.baseDelayMs);
    expect(loginWait({ attempts: spray, known: false }, 'khac', 'b', T)).toBe(0);
  });

  it('strangers from many addresses slow an account down by a minute at most, and never its known addresses', () => {
    const strangers = Array.from({ length: 40 }, (_, k) => fail(T - k, 'chu', `x${k}`));
    const fromNew = loginWait({ attempts: strangers, known: false }, 'chu', 'moi', T);
    expect(fromNew).toBeGreaterThan(0);
    expect(fromNew).toBeLessThanOrEqual(P.maxAccountDelayMs);
    expect(loginWait({ attempts: strangers, known: true }, 'chu', 'nha', T)).toBe(0);
  });
});
