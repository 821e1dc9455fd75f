/**
 * A snapshot of a {@link Limiter}, from its `state$`: how many tasks hold a slot, how many wait,
 * and the bound. Frozen; a new one is made for each change.
 *
 * ## Example
 * ```ts
 * import { createLimiter } from 'rxjs-asyncer';
 *
 * const limiter = createLimiter(2);
 * limiter.state$.subscribe(({ running, pending }) => console.log(running, pending));
 * // Logs:
 * // 0 0
 * ```
 */
export interface LimiterState {
  /** Tasks holding a slot. */
  readonly running: number;
  /** Tasks waiting for a slot. */
  readonly pending: number;
  /** The bound. */
  readonly concurrency: number;
}
