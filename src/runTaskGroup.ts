import type { Resolved } from './types/Resolved.js';
import type { TaskGroup } from './types/TaskGroup.js';
import type { TaskGroupOptions } from './types/TaskGroupOptions.js';
import { runGroupBody } from './group/runGroupBody.js';
import { checkGroupCall } from './engine/checks/checkGroupCall.js';
import { TaskGroupObject } from './group/TaskGroupObject.js';

/**
 * Runs `body` with a new task group and resolves with its return value once every task is done.
 *
 * `body` runs at once; the tasks it soonifies start right after it returns (an async body's
 * later tasks start on the next microtask). The promise resolves with `Resolved<R>`: SoonValues
 * returned directly, or inside a returned array, tuple or plain record, are replaced by their
 * values. An array literal the body returns keeps its positions, with or without destructuring
 * and `as const`: `[tg.soonify(user)(1), tg.soonify(posts)(1)]` resolves to `[User, Post[]]`.
 *
 * Errors: a task failure cancels the other tasks and rejects the promise with that error (or a
 * `TaskGroupError` when several failed). A body that throws or rejects fails the group the same
 * way, cancelling its tasks. `options.signal` and `options.timeout` cancel the group and reject
 * with the signal's reason or a `TimeoutError`. After `tg.cancel()` the group ends without
 * error; the promise still rejects with a `CancelledError` if the result names a cancelled task.
 *
 * ## Example
 * ```ts
 * import { runTaskGroup } from 'rxjs-asyncer';
 *
 * const { user, posts } = await runTaskGroup((tg) => ({
 *   user: tg.soonify(fetchUser)(42),
 *   posts: tg.soonify(fetchPosts)(42),
 * }), { timeout: 5000 });
 * ```
 *
 * @param body gets the group; returns the result, or a promise of it.
 * @param options `signal`, `timeout`, `name`, `limiter`.
 * @returns the body's resolved value, once every task has settled.
 * @throws {TypeError | RangeError} at once (not as a rejection) when `body` is not a function or
 * an option is invalid.
 */
export function runTaskGroup<R extends readonly unknown[] | []>(
  body: (tg: TaskGroup) => R | PromiseLike<R>,
  options?: TaskGroupOptions,
): Promise<Resolved<R>>;
/**
 * Runs `body` with a new task group and resolves with its return value once every task is done.
 * The signature for bodies that return anything but an array; see the one above.
 */
export function runTaskGroup<R>(body: (tg: TaskGroup) => R | PromiseLike<R>, options?: TaskGroupOptions): Promise<Resolved<R>>;
export function runTaskGroup<R>(body: (tg: TaskGroup) => R | PromiseLike<R>, options?: TaskGroupOptions): Promise<Resolved<R>> {
  const group = new TaskGroupObject(checkGroupCall('runTaskGroup', body, options));
  return new Promise((resolve, reject) =>
    runGroupBody(group, body, (failed, outcome) => (failed ? reject(outcome) : resolve(outcome as Resolved<R>))),
  );
}
