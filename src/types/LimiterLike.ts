import type { AcquireOptions } from './AcquireOptions.js';
import type { Permit } from './Permit.js';

/**
 * The limiter protocol: what task groups, scopes and operators need from a `limiter` option. Any
 * object with this method plugs in, so a limit can live somewhere else (a Redis server with
 * `createRedisLimiter` from `rxjs-asyncer/redis`, a limiter of your own). {@link Limiter}, made
 * by `createLimiter`, implements it with a faster path that groups and operators use directly.
 *
 * How a group or operator uses it, per task: it calls `acquire(signal)` and starts the task once
 * the promise gives a {@link Permit}; it calls `permit.release()` once when the task ends. When
 * the task is cancelled while it waits, it aborts `signal`: the limiter should reject (or resolve,
 * the permit is then released at once) and forget the waiter. A rejection of a waiting `acquire`
 * fails that task with the rejection's error, as if the task had thrown it.
 *
 * ## Example
 * ```ts
 * import { createLimiter, runTaskGroup, type LimiterLike } from 'rxjs-asyncer';
 *
 * // a limiter that logs every slot it hands out, around one made by createLimiter
 * const inner = createLimiter(3);
 * const logged: LimiterLike = {
 *   async acquire(signal) {
 *     const permit = await inner.acquire(signal);
 *     console.log('slot taken');
 *     return { release: () => permit.release() };
 *   },
 * };
 * await runTaskGroup((tg) => urls.map((url) => tg.soonify(download, { limiter: logged })(url)));
 * ```
 */
export interface LimiterLike {
  /**
   * Waits for a slot; resolves with a {@link Permit} once the caller holds one.
   * @param signal aborts the wait: the promise then rejects with its reason and the caller never
   * gets a slot. An already-aborted signal rejects at once.
   * @param options `priority`, for limiters that order their queue by it.
   * @returns the permit, to release once.
   */
  acquire(signal?: AbortSignal, options?: AcquireOptions): PromiseLike<Permit>;
}
