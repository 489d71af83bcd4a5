// Figures that know when they are stale. Every figure the map pages load (stats, statuses, key figures) is kept by
// the store's data version it was loaded at; the page asks the server's version again when it matters (the tab shown
// again, the window focused, every minute while visible, another tab of the portal saying it committed an import),
// and when it moved on the figures are dropped and the views listing `generation` load theirs again.

import { useSyncExternalStore } from 'react';
import { dataToken } from '../../shared/domain/dataVersion.js';
import { fetchDataVersion } from '../api.js';
import { VersionedCache } from '../lib/versionedCache.js';

/** The figures, by the data version they are of. Geometry is not here: an import does not move boundaries. */
export const figures = new VersionedCache();

export interface DataVersion {
  /** Moves on with each change of the data version seen: list it in the deps of what loads figures. */
  generation: number;
  /** When the page last found its figures stale and dropped them. */
  updatedAt: Date | null;
}

let current: DataVersion = { generation: 0, updatedAt: null };
// Subscribed first: React's listeners, called after it, read the new snapshot.
figures.subscribe(() => (current = { generation: figures.generation, updatedAt: new Date() }));
const subscribe = (fn: () => void) => figures.subscribe(fn);
const snapshot = () => current;

/** The data version as React state: a render after each change. */
export function useDataVersion(): DataVersion {
  return useSyncExternalStore(subscribe, snapshot);
}

let checking: Promise<boolean> | null = null;
/** The ETag of the last version seen, sent back: a 304 while it holds. */
let etag: string | null = null;

/** Asks the server whether the data moved on (a conditional request: a 304 while not); true when they did. */
function revalidate(): Promise<boolean> {
  checking ??= fetchDataVersion(etag)
    .then((seen) => {
      if (!seen) return false;
      etag = seen.etag;
      return figures.observe(dataToken(seen));
    })
    // Offline, or the server restarting: the figures stay as they are, and the next check asks again.
    .catch(() => false)
    .finally(() => (checking = null));
  return checking;
}

/** How often an open page asks while it is visible. */
const POLL_MS = 60_000;
/** Pages of the portal in one browser tell each other here that the data changed. */
const CHANNEL = 'antq-data';

interface Surroundings {
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

/**
 * Checks the data version whenever the page is looked at again, every `intervalMs` while it is visible (a hidden
 * tab does not poll), and when another page of the portal announces a change. Returns the function that stops it.
 */
export function watchDataVersion(check: () => unknown = revalidate, intervalMs = POLL_MS, env: Surroundings = { window, document }): () => void {
  const visible = () => env.document.visibilityState === 'visible';
  const onVisible = () => {
    if (visible()) void check();
  };
  const onFocus = () => void check();
  // Back from the browser's page cache: the page was not looked at, maybe for days.
  const onShow = (e: Event) => {
    if ((e as PageTransitionEvent).persisted) void check();
  };
  env.document.addEventListener('visibilitychange', onVisible);
  env.window.addEventListener('focus', onFocus);
  env.window.addEventListener('pageshow', onShow);
  const timer = setInterval(onVisible, intervalMs);
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  channel?.addEventListener('message', onFocus);
  return () => {
    env.document.removeEventListener('visibilitychange', onVisible);
    env.window.removeEventListener('focus', onFocus);
    env.window.removeEventListener('pageshow', onShow);
    clearInterval(timer);
    channel?.close();
  };
}

/** Tells the portal's other pages in this browser that the data changed (an import committed or rolled back). */
export function announceDataChanged(): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('changed');
  channel.close();
}
