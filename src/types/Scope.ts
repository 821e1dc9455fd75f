import type { Observable } from 'rxjs';
import type { Progress } from './Progress.js';
import type { TaskEvent } from './TaskEvent.js';
import type { TaskGroup } from './TaskGroup.js';

/**
 * A long-lived scope for tasks that fail alone: Kotlin's `SupervisorJob` + `viewModelScope`, for
 * the work of a service or a screen. Made by {@link createScope}.
 *
 * Unlike a task group, a scope stays open while it is empty, and a task's failure rejects only
 * that task's SoonValue: its siblings go on. Each failure goes to `errors$` and `onError`. A
 * failure nobody observes (no waiter on its SoonValue, no `errors$` subscriber, no `onError`) is
 * never silent: it is reported as an error nobody handled (the platform's `reportError`, else an
 * asynchronous throw, as RxJS reports errors nobody handles).
 *
 * Like a group, the scope cancels structurally: `cancel()` aborts every task's signal and
 * unsubscribes every Observable task, tasks waiting for a slot never start, and `close()` (or
 * the end of an `await using` block) waits for every task.
 *
 * ## Example
 * ```ts
 * import { createScope } from 'rxjs-asyncer';
 *
 * const scope = createScope({ name: 'orders screen', onError: (e) => console.error(e) });
 * const orders = scope.startSoon(() => http.get<Order[]>('/api/orders'));
 * scope.startSoon(() => http.get('/api/flaky')); // fails alone: orders still arrives
 * // when the screen goes away:
 * scope.cancel();
 * ```
 */
export interface Scope extends AsyncDisposable {
  /** As {@link TaskGroup.soonify}: each call schedules a task and returns its SoonValue. */
  soonify: TaskGroup['soonify'];
  /** As {@link TaskGroup.startSoon}. */
  startSoon: TaskGroup['startSoon'];
  /** As {@link TaskGroup.start}: a task that fails before `ready` goes to `onError` too. */
  start: TaskGroup['start'];
  /** Aborted when the scope is cancelled (`cancel()`, or the `signal` option). */
  readonly signal: AbortSignal;
  /** As {@link TaskGroup.progress$}; completes once the scope has closed. */
  readonly progress$: Observable<Progress>;
  /** As {@link TaskGroup.events$}; completes once the scope has closed. */
  readonly events$: Observable<TaskEvent>;
  /** Each task failure, as it happens (hot); completes once the scope has closed. */
  readonly errors$: Observable<unknown>;
  /**
   * Resolves once no task is queued or running (at once if none is), including promise tasks
   * still running after a cancel. Does not close the scope: tasks can be added afterwards.
   */
  whenIdle(): Promise<void>;
  /**
   * Closes the scope: no new task is accepted (`soonify` throws `TaskGroupClosedError`), and the
   * promise resolves once every task has settled. It never rejects: failures were reported one by
   * one. Every call returns the same promise; `await using` calls it.
   */
  close(): Promise<void>;
  /**
   * Cancels every task and closes the scope. Does nothing once the scope is cancelled.
   * @param reason becomes `signal.reason` and the `reason` of each `CancelledError`.
   */
  cancel(reason?: unknown): void;
  /** `true` once `close()` or `cancel()` was called: no new task is accepted. */
  readonly closed: boolean;
}
