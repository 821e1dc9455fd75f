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
}
