import type { Limiter } from './types/Limiter.js';
import { InProcessLimiter } from './limiter/InProcessLimiter.js';
import type { LimiterOptions } from './types/LimiterOptions.js';
import { assertConcurrency } from './engine/checks/assert.js';
import { checkLimiterOptions } from './engine/checks/checkLimiterOptions.js';

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
 * With `rate`, at most `rate.limit` tasks start in any window of `rate.interval` ms as well (a
 * sliding window: exact, never a burst of twice the limit across a window's edge). With
 * `priority: true`, `run` and `acquire` take `{ priority }`: higher first, first in first out
 * within one priority (groups and operators queue at priority 0).
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
 *
 * // at most 2 at once and 100 starts a minute; paying customers first
 * const api = createLimiter(2, { rate: { limit: 100, interval: 60_000 }, priority: true });
 * await api.run((signal) => fetch('/report', { signal }), undefined, { priority: 1 });
 * ```
 *
 * @param concurrency how many tasks may run at once: an integer >= 1, or `Infinity`.
 * @param options `rate` and `priority`.
 * @returns a new limiter.
 * @throws {RangeError} when `concurrency` is not an integer >= 1 nor `Infinity`, or `rate`'s
 * `limit` not an integer >= 1 or `interval` not a positive number of ms.
 * @throws {TypeError} when an argument has the wrong type.
 */
export function createLimiter(concurrency: number, options?: LimiterOptions): Limiter {
  assertConcurrency(concurrency, 'createLimiter(concurrency): concurrency');
  const { rate, priority } = checkLimiterOptions(options, 'createLimiter(concurrency, options)');
  return new InProcessLimiter(concurrency, priority, rate);
}
