/**
 * A slot held from a limiter, given by {@link LimiterLike.acquire}. Release it exactly once, when
 * the work it guards ends; releasing again does nothing.
 *
 * ## Example
 * ```ts
 * import { createLimiter } from 'rxjs-asyncer';
 *
 * const limiter = createLimiter(2);
 * const permit = await limiter.acquire(signal);
 * try {
 *   await upload(file, { signal });
 * } finally {
 *   permit.release();
 * }
 * ```
 */
export interface Permit {
  /**
   * Gives the slot back. A limiter backed by a server may return a promise; groups and operators
   * do not wait for it, and report its rejection as an unhandled error.
   */
  release(): void | PromiseLike<void>;
  /**
   * Aborts when the limiter knows the slot is no longer this permit's (a lease on a server that
   * ran out while its process stalled: a GC pause, SIGSTOP, a suspended laptop, and the slot went
   * to another holder), with an error that says which limiter. Groups, operators and
   * `limiter.run` then fail the task under it with that error, so that it does not run on beside
   * the task that got its slot. A limiter in process never loses a slot and leaves it out.
   */
  readonly signal?: AbortSignal;
}
