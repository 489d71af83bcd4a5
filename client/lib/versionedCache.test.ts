import { describe, expect, it, vi } from 'vitest';
import { VersionedCache } from './versionedCache.js';

/** A request that the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('VersionedCache', () => {
  it('makes each entry once while the version holds, in flight or settled', async () => {
    const c = new VersionedCache();
    const req = deferred<string>();
    const make = vi.fn(() => req.promise);
    const a = c.get('2025|commune', make);
    const b = c.get('2025|commune', make);
    expect(b).toBe(a);
    req.resolve('figures');
    expect(await c.get('2025|commune', make)).toBe('figures');
    expect(make).toHaveBeenCalledTimes(1);
    void c.get('2024|commune', async () => 'other');
    expect(c.size).toBe(2);
  });

  it('forgets a failed request, so that the next caller tries again', async () => {
    const c = new VersionedCache();
    await expect(c.get('k', () => Promise.reject(new Error('503')))).rejects.toThrow('503');
    expect(c.size).toBe(0);
    expect(await c.get('k', async () => 'ok')).toBe('ok');
  });

  it('adopts the first version seen without dropping anything', async () => {
    const c = new VersionedCache();
    await c.get('k', async () => 1);
    const heard = vi.fn();
    c.subscribe(heard);
    expect(c.observe('a.7')).toBe(false);
    expect(c.version).toBe('a.7');
    expect(c.generation).toBe(0);
    expect(c.size).toBe(1);
    expect(c.observe('a.7')).toBe(false);
    expect(heard).not.toHaveBeenCalled();
  });

  it('drops every entry when the version moves on (or back), and tells the listeners once', async () => {
    const c = new VersionedCache();
    c.observe('a.3');
    await c.get('a', async () => 'old a');
    await c.get('b', async () => 'old b');
    const heard = vi.fn();
    const stop = c.subscribe(heard);
    expect(c.observe('a.4')).toBe(true);
    expect(c.size).toBe(0);
    expect(c.generation).toBe(1);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(await c.get('a', async () => 'new a')).toBe('new a');
    // A restored backup: a lower version is a change too.
    expect(c.observe('a.2')).toBe(true);
    expect(heard).toHaveBeenCalledTimes(2);
    // A database made again from nothing counts from 0 again: the same number of another database is a change.
    expect(c.observe('b.2')).toBe(true);
    expect(heard).toHaveBeenCalledTimes(3);
    stop();
    c.observe('a.5');
    expect(heard).toHaveBeenCalledTimes(3);
  });

  it('drops a request in flight at the old version; its late failure does not remove the new entry', async () => {
    const c = new VersionedCache();
    c.observe('a.1');
    const old = deferred<string>();
    const stale = c.get('k', () => old.promise);
    c.observe('a.2');
    const fresh = c.get('k', async () => 'new');
    expect(fresh).not.toBe(stale);
    old.reject(new Error('aborted'));
    await expect(stale).rejects.toThrow('aborted');
    expect(c.size).toBe(1);
    expect(c.get('k', async () => 'again')).toBe(fresh);
  });
});
