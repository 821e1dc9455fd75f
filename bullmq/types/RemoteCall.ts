import type { Observable } from 'rxjs';

/**
 * One call to a remote task, from `remote.call.name(...args)`: a cold Observable (subscribing
 * sends the job; unsubscribing cancels it, wherever it waits or runs) that is also awaitable (the
 * first `await` sends the job once, later ones share its result). So a task group, `firstWins` or
 * `mapConcurrent` cancels a remote call with no signal passed by hand.
 *
 * ## Example
 * ```ts
 * const thumbnail = await remote.call.resize('a.png', 640);                 // awaitable
 * tg.startSoon(remote.call.resize, 'a.png', 640);                           // a task like any other
 * from(paths).pipe(mapConcurrent((path) => remote.call.resize(path, 640), 32)); // cancelled on unsubscribe
 * ```
 */
export interface RemoteCall<T> extends Observable<T>, PromiseLike<T> {}
