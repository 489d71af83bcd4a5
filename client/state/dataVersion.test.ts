import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announceDataChanged, watchDataVersion } from './dataVersion.js';

/** A page's window and document as the watcher sees them: events, and whether the tab is shown. */
function page(visibility: DocumentVisibilityState = 'visible') {
  const document = Object.assign(new EventTarget(), { visibilityState: visibility });
  return { window: new EventTarget() as unknown as Window, document: document as unknown as Document & { visibilityState: DocumentVisibilityState } };
}

describe('watchDataVersion', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => vi.useRealTimers());

  it('checks when the tab is shown again or the window focused, not when it is hidden', () => {
    const env = page();
    const check = vi.fn();
    const stop = watchDataVersion(check, 60_000, env);
    env.window.dispatchEvent(new Event('focus'));
    expect(check).toHaveBeenCalledTimes(1);
    (env.document as { visibilityState: DocumentVisibilityState }).visibilityState = 'hidden';
    env.document.dispatchEvent(new Event('visibilitychange'));
    expect(check).toHaveBeenCalledTimes(1);
    (env.document as { visibilityState: DocumentVisibilityState }).visibilityState = 'visible';
    env.document.dispatchEvent(new Event('visibilitychange'));
    expect(check).toHaveBeenCalledTimes(2);
    // Back from the page cache; a first load's pageshow is not a return.
    env.window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    env.window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    expect(check).toHaveBeenCalledTimes(3);
    stop();
    env.window.dispatchEvent(new Event('focus'));
    env.document.dispatchEvent(new Event('visibilitychange'));
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('polls while the tab is visible, and stops when told', () => {
    const env = page();
    const check = vi.fn();
    const stop = watchDataVersion(check, 60_000, env);
    vi.advanceTimersByTime(59_999);
    expect(check).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(check).toHaveBeenCalledTimes(1);
    (env.document as { visibilityState: DocumentVisibilityState }).visibilityState = 'hidden';
    vi.advanceTimersByTime(180_000);
    expect(check).toHaveBeenCalledTimes(1);
    (env.document as { visibilityState: DocumentVisibilityState }).visibilityState = 'visible';
    vi.advanceTimersByTime(60_000);
    expect(check).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(600_000);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('checks at once when another page of the portal announces a change', async () => {
    const check = vi.fn();
    const stop = watchDataVersion(check, 60_000, page());
    announceDataChanged();
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(1));
    stop();
  });
});
