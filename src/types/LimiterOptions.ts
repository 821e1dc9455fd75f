import type { RateLimit } from './RateLimit.js';

/**
 * Options of {@link createLimiter}.
 *
 * ## Example
 * ```ts
 * import { createLimiter } from 'rxjs-asyncer';
 *
 * const github = createLimiter(10, { rate: { limit: 5000, interval: 3_600_000 }, priority: true });
 * ```
 */
export interface LimiterOptions {
  /**
   * At most `limit` starts in any window of `interval` ms, on top of the concurrency bound.
   * @default undefined (no rate limit)
   */
  readonly rate?: RateLimit;
  /**
   * Whether `run` and `acquire` take `{ priority }`: the queue then serves higher priorities
   * first, first in first out within one.
   * @default false (one queue, first in first out)
   */
  readonly priority?: boolean;
}
