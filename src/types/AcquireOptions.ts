/**
 * Options of one {@link Limiter.acquire} or {@link Limiter.run} call.
 *
 * ## Example
 * ```ts
 * import { createLimiter } from 'rxjs-asyncer';
 *
 * const api = createLimiter(4, { priority: true });
 * await api.run((signal) => fetch('/checkout', { signal }), undefined, { priority: 10 });
 * ```
 */
export interface AcquireOptions {
  /**
   * Where the call queues: higher first, first in first out within one priority. Any finite
   * number; default 0. Only limiters created with `{ priority: true }` accept it (a TypeError
   * otherwise, so that a forgotten option cannot silently turn into FIFO).
   */
  priority?: number;
}
