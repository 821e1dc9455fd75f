import type { Observable } from 'rxjs';
import type { SoonValue } from '../SoonValue.js';
import type { Progress } from './Progress.js';
import type { TaskEvent } from './TaskEvent.js';
import type { SoonifyOptions } from './SoonifyOptions.js';
import type { TaskResult } from './TaskResult.js';

/**
 * A scope for concurrent tasks: Asyncer's and AnyIO's task group, for TypeScript and RxJS.
 *
 * `tg.soonify(fn)(...args)` schedules `fn(...args)` to run soon (before the next macrotask),
 * concurrently with the group's other tasks, and returns its {@link SoonValue}. The group
 * enforces the rules of structured concurrency:
 *
 * - **it waits:** it settles (`join()`, the end of an `await using` scope, `runTaskGroup`'s
 *   promise, `taskGroup`'s emission) only after every task has settled, promise tasks still
 *   running after a cancellation included, and tasks added while it joins too;
 * - **the first failure cancels the rest:** `signal` aborts with the error as its reason,
 *   Observable tasks are unsubscribed at once, queued tasks never start, and the group fails
 *   with that error (or a `TaskGroupError` when several tasks failed). A task that then rejects
 *   with the abort reason, an error named `'AbortError'` or a `CancelledError` counts as
 *   cancelled, not failed;
 * - **nothing outlives it:** once closed, `soonify` throws `TaskGroupClosedError`.
 *
 * Get one from `createTaskGroup()` (with `await using`), `runTaskGroup(body)` or
 * `taskGroup(body)`.
 *
 * ## Example
 * ```ts
 * import { createTaskGroup } from 'rxjs-asyncer';
 *
 * {
 *   await using tg = createTaskGroup();
 *   const user = tg.soonify(fetchUser)(42);
 *   const posts = tg.soonify(fetchPosts)(42, { limit: 10 });
 * } // joins here: both calls ran concurrently and are done
 * ```
 */
export interface TaskGroup extends AsyncDisposable {
  /**
   * Wraps `fn` so that each call schedules `fn(...args)` as a task of this group and returns
   * its {@link SoonValue} at once. `fn` is never called before the wrapper returns; it is called
   * before the next macrotask. A synchronous throw from `fn` is that task's failure. The task's
   * value follows the task value rule (see {@link TaskResult}).
   *
   * @param fn any function: returning a promise, an Observable or a plain value.
   * @param options the task's name and limiter.
   * @returns a function taking `fn`'s arguments and returning the task's SoonValue.
   * @throws {TypeError} when `fn` is not a function.
   * @throws {TaskGroupClosedError} when the group is closed (the wrapper throws it too).
   */
  soonify<A extends unknown[], R>(fn: (...args: A) => R, options?: SoonifyOptions): (...args: A) => SoonValue<TaskResult<R>>;
  /**
   * Schedules `fn(...args)` as a task, as `tg.soonify(fn)(...args)` does, with the arguments
   * checked against `fn`'s parameters: AnyIO's name, and less noise for a call without arguments
   * (`tg.startSoon(() => http.get(url))`). The task's name is `fn.name`.
   *
   * @param fn any function: returning a promise, an Observable or a plain value.
   * @param args `fn`'s arguments.
   * @returns the task's SoonValue.
   * @throws {TypeError} when `fn` is not a function.
   * @throws {TaskGroupClosedError} when the group is closed.
   */
  startSoon<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): SoonValue<TaskResult<R>>;
  /**
   * Starts `fn(ready, ...args)` as a task of this group and waits until it is ready: AnyIO's
   * `tg.start()` with `task_status.started()`. For a task the rest of the body needs running
   * first: a server listening, a connection open, a subscription confirmed.
   *
   * - Resolves with the value `fn` passes to `ready(value)`; the task runs on, and the group
   *   still waits for it (and cancels it, as any task).
   * - If `fn` fails or is cancelled before calling `ready`, rejects with that error (a
   *   `CancelledError` when cancelled), and the group fails as it does for any failing task.
   * - If `fn` ends without calling `ready`, rejects with an `Error` that says so; the group
   *   does not fail for it.
   * - Calling `ready` a second time throws an `Error` inside `fn`.
   *
   * The type of the value comes from `ready`'s parameter:
   * ```ts
   * import { runTaskGroup } from 'rxjs-asyncer';
   *
   * declare function listen(port: number, signal: AbortSignal, onListening: (port: number) => void): Promise<void>;
   *
   * await runTaskGroup(async (tg) => {
   *   const port = await tg.start((ready: (port: number) => void) => listen(0, tg.signal, ready));
   *   console.log(`listening on ${port}`); // the server task runs on until the group ends
   *   tg.cancel();
   * });
   * ```
   *
   * @param fn called with `ready` and `args`; returns a promise, an Observable or a value, as any task.
   * @param args `fn`'s arguments after `ready`.
   * @returns the value passed to `ready`.
   * @throws {TypeError} when `fn` is not a function.
   * @throws {TaskGroupClosedError} when the group is closed.
   */
  start<V = void, A extends unknown[] = []>(fn: (ready: (value: V) => void, ...args: A) => unknown, ...args: A): Promise<V>;
  /**
   * How far the group has got: the current {@link Progress} at subscribe, then a new snapshot at
   * each change; completes after the final snapshot once the group has closed. Nothing is
   * computed for it while nobody subscribes.
   */
  readonly progress$: Observable<Progress>;
  /**
   * What happens to each task ({@link TaskEvent}), from the moment of subscription on (a hot
   * stream); completes once the group has closed.
   */
  readonly events$: Observable<TaskEvent>;
  /**
   * Aborted when the group is cancelled, for any reason: a failure (the error is its reason),
   * `cancel(reason)`, the `signal` option, the `timeout`, or unsubscribing from `taskGroup`.
   * Pass it to promise work (`fetch(url, { signal: tg.signal })`) so that it stops too.
   */
  readonly signal: AbortSignal;
  /**
   * Cancels every task; the group then ends without error (AnyIO's `cancel_scope.cancel()`).
   * Does nothing once the group is cancelled or closed.
   * @param reason becomes `signal.reason` and the `reason` of each `CancelledError`.
   */
  cancel(reason?: unknown): void;
  /**
   * Waits for every task, then closes the group. Resolves when the group ended without error
   * (cancelled by `cancel()` included); rejects with its failure otherwise. Every call returns
   * the same promise.
   */
  join(): Promise<void>;
  /** `true` once the group has joined: no task can be added any more. */
  readonly closed: boolean;
}
