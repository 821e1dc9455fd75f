/**
 * A rate limit: at most `limit` starts in any window of `interval` milliseconds.
 *
 * ## Example
 * ```ts
 * import { createLimiter, type RateLimit } from 'rxjs-asyncer';
 *
 * const perMinute: RateLimit = { limit: 100, interval: 60_000 };
 * const limiter = createLimiter(8, { rate: perMinute });
 * ```
 */
export interface RateLimit {
  /** How many starts a window allows: an integer >= 1. */
  readonly limit: number;
  /** The window's length in milliseconds: a finite number > 0. */
  readonly interval: number;
}
