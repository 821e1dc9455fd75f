import type { Observable } from 'rxjs';
import type { AcquireOptions } from './AcquireOptions.js';
import type { LimiterLike } from './LimiterLike.js';
import type { LimiterState } from './LimiterState.js';
import type { Permit } from './Permit.js';
import type { TaskResult } from './TaskResult.js';

/**
 * A capacity limiter shared by hand across task groups, operators and plain promise code, like
 * AnyIO's `CapacityLimiter` or p-limit: however many users share it, no more than `concurrency`
 * tasks hold one of its slots at once. Made by {@link createLimiter}.
 *
 * Waiting work starts first in, first out. Work that is waiting for a slot when its signal
 * aborts leaves the queue at once, never runs and never holds a slot; an already-aborted signal
 * is refused at once.
 *
 * **Warning:** a task that holds a slot and then waits for another slot of the same limiter
 * (directly, or through a group or operator using it) can deadlock when every slot is held by
 * such tasks. Give nested work its own limiter.
 *
 * ## Example
 * ```ts
 * import { createLimiter, runTaskGroup } from 'rxjs-asyncer';
 * import { gather } from 'rxjs-asyncer/operators';
 *
 * const db = createLimiter(4); // at most 4 queries at once, across everything below
 * const user = await db.run((signal) => query('select ...', { signal }));
 * await runTaskGroup((tg) => ids.map((id) => tg.soonify(loadRow, { limiter: db })(id)));
 * gather(ids.map((id) => (signal) => query(id, { signal })), { limiter: db }).subscribe();
 * ```
 */
export interface Limiter extends LimiterLike {
  /**
   * How many tasks may hold a slot at once: an integer >= 1, or `Infinity`. Settable at any
   * time: raising it starts waiting work at once; lowering it lets running work finish and
   * starts nothing new until `running` is below the new bound.
   */
  concurrency: number;
  /** How many tasks hold a slot now. */
  readonly running: number;
  /** How many tasks are waiting for a slot now. */
  readonly pending: number;
  /**
   * The limiter's {@link LimiterState} at subscribe, then a new snapshot at each change (a slot
   * taken or given back, a task queued or withdrawn, the bound changed). Never completes; nothing
   * is computed for it while nobody subscribes.
   */
  readonly state$: Observable<LimiterState>;
  /**
   * Runs `fn` once a slot is free and resolves with its value by the task value rule (an
   * Observable's last emission, what a promise resolves to, or the value itself).
   *
   * `fn` receives `signal` (or a signal that never aborts). If `signal` aborts while the call
   * waits, the call leaves the queue and rejects with the signal's reason; if it aborts while an
   * Observable task runs, the Observable is unsubscribed and the call rejects likewise. A promise
   * task keeps its slot until it settles (the work is still running), and the call settles with
   * it.
   *
   * @param fn the task.
   * @param signal cancels the call.
   * @param options `priority`, on a limiter created with `{ priority: true }`.
   * @returns the task's value.
   * @throws {TypeError} at the call, when `fn` is not a function, `signal` not an AbortSignal, or
   * `options.priority` not a finite number or given to a limiter without `{ priority: true }`.
   */
  run<T>(fn: (signal: AbortSignal) => T, signal?: AbortSignal, options?: AcquireOptions): Promise<TaskResult<T>>;
  /**
   * Waits for a slot and resolves with a {@link Permit}; the caller runs its work and then calls
   * `permit.release()` once. The same queue as `run` (and as the groups and operators that share
   * the limiter); `signal` aborting while it waits takes it out of the queue and rejects with the
   * signal's reason.
   *
   * Prefer `run`, or a group or operator with the `limiter` option: they release for you, also on
   * failure and cancellation.
   * @param signal cancels the wait.
   * @param options `priority`, on a limiter created with `{ priority: true }`.
   * @returns the permit.
   */
  acquire(signal?: AbortSignal, options?: AcquireOptions): Promise<Permit>;
}
