import type { TaskGroup } from './types/TaskGroup.js';
import type { TaskGroupOptions } from './types/TaskGroupOptions.js';
import { checkGroupOptions } from './engine/checks/checkGroupOptions.js';
import { TaskGroupObject } from './group/TaskGroupObject.js';

/**
 * Creates a task group to use with `await using`: leaving the scope joins it.
 *
 * Tasks start on the next microtask after they are soonified. The scope's end waits for every
 * task; if a task failed, the `await using` statement throws the group's failure.
 *
 * **Caveat — a scope that throws.** JavaScript does not tell a disposable *why* its scope ends
 * (TC39 chose not to pass the completion to `[Symbol.asyncDispose]`, unlike Python's
 * `__aexit__`). So when the scope body throws, the group cannot see it: it still joins (no task
 * outlives the scope), and then the body's error is rethrown. If the group failed too, the
 * language reports both as a `SuppressedError` whose `error` is the group's failure and whose
 * `suppressed` is the body's error. To cancel the tasks when the body throws, use
 * {@link runTaskGroup}, which sees the body's error, or call `tg.cancel()` in a `catch`.
 *
 * Timing: the `timeout` counts from this call. Without `await using`, call `join()` yourself:
 * the group closes, and its timer and signal listener are released, only when it joins.
 *
 * ## Example
 * ```ts
 * import { createTaskGroup } from 'rxjs-asyncer';
 *
 * const doWork = async (name: string) => {
 *   await new Promise((resolve) => setTimeout(resolve, 1000));
 *   return `Hello, ${name}`;
 * };
 *
 * {
 *   await using tg = createTaskGroup({ timeout: 5000 });
 *   const a = tg.soonify(doWork)('Yury');
 *   const b = tg.soonify(doWork)('Nathaniel');
 * } // about one second later, both are done
 * ```
 *
 * @param options `signal`, `timeout`, `name`, `limiter`.
 * @returns an open task group.
 * @throws {TypeError | RangeError} when an option is invalid.
 */
export function createTaskGroup(options?: TaskGroupOptions): TaskGroup {
  return new TaskGroupObject(checkGroupOptions(options, 'createTaskGroup(options)'));
}
