import type { Limiter } from './types/Limiter.js';
import { InProcessLimiter } from './limiter/InProcessLimiter.js';
import { assertConcurrency } from './engine/checks/assert.js';

/**
 * Creates a {@link Limiter}: at most `concurrency` tasks at once, across everything that
 * shares it.
 *
 * Use it on its own (`limiter.run(fn, signal)`), or pass it as the `limiter` option of
 * `createTaskGroup`, `tg.soonify`, `gather`, `mapConcurrent` and `mapConcurrentFrom` to bound
 * work spread over several groups and pipelines, the way p-limit bounds promise code. The
 * bound can be changed later through `limiter.concurrency`; `running` and `pending` are exact
 * at every moment.
 *
 * ## Example
 * ```ts
 * import { createLimiter } from 'rxjs-asyncer';
 *
 * const limiter = createLimiter(2);
 * const results = await Promise.all([1, 2, 3].map((n) => limiter.run(async () => n * 10)));
 * console.log(results, limiter.running, limiter.pending);
 * // Logs:
 * // [ 10, 20, 30 ] 0 0
 * ```
 *
 * @param concurrency how many tasks may run at once: an integer >= 1, or `Infinity`.
 * @returns a new limiter.
 * @throws {RangeError} when `concurrency` is not an integer >= 1 nor `Infinity`.
 */
export function createLimiter(concurrency: number): Limiter {
  assertConcurrency(concurrency, 'createLimiter(concurrency): concurrency');
  return new InProcessLimiter(concurrency);
}
