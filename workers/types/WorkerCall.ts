import type { Observable } from 'rxjs';

/**
 * One call to a worker function, from `pool.call.name(...args)`: a cold Observable (subscribing
 * sends the job; unsubscribing cancels it, terminating the worker if it already runs) that is also
 * awaitable (the first `await` or `then` sends the job once, later ones share its result). So a
 * task group, `firstWins` or `mapConcurrent` cancels a worker call with no signal passed by hand.
 *
 * ## Example
 * ```ts
 * import { firstValueFrom } from 'rxjs';
 *
 * const digest = await pool.call.hash(bytes, 3);                 // awaitable
 * tg.startSoon(pool.call.hash, bytes, 3);                        // a task like any other
 * const first = await firstValueFrom(pool.call.hash(bytes, 3));  // an Observable
 * ```
 */
export interface WorkerCall<T> extends Observable<T>, PromiseLike<T> {}
