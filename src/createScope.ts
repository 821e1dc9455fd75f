import { checkScopeOptions } from './engine/checks/checkScopeOptions.js';
import { ScopeObject } from './group/ScopeObject.js';
import type { Scope } from './types/Scope.js';
import type { ScopeOptions } from './types/ScopeOptions.js';

/**
 * Creates a long-lived {@link Scope} whose tasks fail alone: Kotlin's `viewModelScope` for the
 * work of a service or a screen, where a task group (one batch, first failure cancels all) does
 * not fit.
 *
 * - **Failures stay with their task.** A failing task rejects its own SoonValue and goes to
 *   `errors$` and `onError`; its siblings go on. A failure nobody observes is reported as an
 *   unhandled error, never dropped.
 * - **Open while empty.** Add tasks at any time, from inside another task of the scope too,
 *   until `close()` or `cancel()`.
 * - **Cancels structurally.** `cancel()` (or the `signal` option) aborts every task's signal,
 *   unsubscribes every Observable task and keeps queued tasks from starting; `close()` and
 *   `await using` wait for every task.
 * - **Watchable.** `progress$`, `events$`, and `whenIdle()`, which waits without closing.
 *
 * ## Example
 * ```ts
 * import { createScope } from 'rxjs-asyncer';
 *
 * const scope = createScope({ name: 'search', onError: (e) => console.warn('search failed', e) });
 * const results = scope.startSoon(async () => [1, 2, 3]);
 * scope.startSoon(async () => { throw new Error('a flaky one'); }); // goes to onError only
 * console.log(await results);
 * await scope.close();
 * // Logs:
 * // search failed Error: a flaky one
 * // [ 1, 2, 3 ]
 * ```
 *
 * @param options `name`, `limiter`, `signal`, `onError`.
 * @returns an open scope.
 * @throws {TypeError} when an option is invalid.
 */
export function createScope(options?: ScopeOptions): Scope {
  return new ScopeObject(checkScopeOptions(options));
}
