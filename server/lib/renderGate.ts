import { ApiError } from '../services/errors.js';

/**
 * At most `limit` heavy renders at once (a Word report, a deck, the 35-slide pack: seconds to minutes of CPU
 * each), so that public requests cannot queue the server's CPU behind them; one more is refused at once with a
 * message to try again, not queued.
 */
export function renderGate(limit: number, busyMessage: string) {
  let running = 0;
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (running >= limit) throw new ApiError(503, busyMessage);
    running++;
    try {
      return await job();
    } finally {
      running--;
    }
  };
}
