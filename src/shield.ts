import type { Subscription } from 'rxjs';
import { checkShieldArgs } from './engine/checks/checkShieldArgs.js';
import { followTaskValue } from './engine/followTaskValue.js';
import { reportCleanupErrors } from './engine/reportCleanupError.js';
import { tryUnsubscribe } from './engine/tryUnsubscribe.js';
import { runningTask } from './engine/runningTask.js';
import { slotHolder } from './engine/slotHolder.js';
import { type CarriedTask, taskContext } from './engine/taskContext.js';
import type { ShieldOptions } from './types/ShieldOptions.js';
import type { TaskResult } from './types/TaskResult.js';

/**
 * Runs `fn(signal)` out of reach of every enclosing cancellation: cleanup that must finish
 * although its task was cancelled (roll back a transaction, flush a buffer, say goodbye to a
 * server). AnyIO's `CancelScope(shield=True)`, Kotlin's `withContext(NonCancellable)`.
 *
 * - **Its own signal.** `fn` gets a signal that no group, scope, operator or outer signal aborts;
 *   only the shield's own `timeout` does, with a `TimeoutError`.
 * - **Nobody's child.** A group opened inside `fn` is not a child of the task that called
 *   `shield` (with `linkAcrossAwaits()` on too, across `fn`'s awaits): the task's cancellation
 *   does not reach it. A limiter slot the task holds is still its own inside (see re-entrant limiters).
 * - **Awaited like any promise.** A task that awaits `shield(...)` is still running until the
 *   shield settles, and its group waits for it, as it waits for any task that runs on after a
 *   cancellation.
 * - **Outcome.** `fn`'s value by the task value rule (an Observable's last emission), or its
 *   failure; after the timeout, the `TimeoutError`, once `fn` has settled.
 *
 * ## Example
 * ```ts
 * import { runTaskGroup, shield } from 'rxjs-asyncer';
 *
 * declare const db: { begin(): Promise<{ commit(): Promise<void>; rollback(signal: AbortSignal): Promise<void> }> };
 * declare function importRows(signal: AbortSignal): Promise<void>;
 *
 * await runTaskGroup((tg) => {
 *   tg.startSoon(async () => {
 *     const tx = await db.begin();
 *     try {
 *       await importRows(tg.signal);
 *       await tx.commit();
 *     } catch (error) {
 *       // the group may be cancelled: the rollback still runs to its end, for at most 5 s
 *       await shield((signal) => tx.rollback(signal), { timeout: 5000 });
 *       throw error;
 *     }
 *   });
 * }, { timeout: 30_000 });
 * ```
 *
 * @param fn the work to protect; gets the shield's own signal.
 * @param options `{ timeout }`.
 * @returns what `fn` gives, by the task value rule.
 * @throws {TypeError | RangeError} at the call when `fn` is not a function or an option is unknown or invalid.
 */
export function shield<T>(fn: (signal: AbortSignal) => T, options?: ShieldOptions): Promise<TaskResult<T>> {
  const timeout = checkShieldArgs(fn, options);
  const controller = new AbortController();
  const signal = controller.signal;
  return new Promise<TaskResult<T>>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let subscription: Subscription | undefined;
    let settled = false;
    /** the `TimeoutError`, once the timeout fired: then the outcome whatever `fn` settles with */
    let timedOut: { readonly error: DOMException } | undefined;
    const end = (failed: boolean, outcome: unknown): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      if (timedOut) reject(timedOut.error);
      else if (failed) reject(outcome);
      else resolve(outcome as TaskResult<T>);
    };
    const sink = { taskFulfilled: (value: unknown) => end(false, value), taskFailed: (error: unknown) => end(true, error) };

    // the code inside runs as nobody's task: no group to be a child of, across awaits too
    const outerGroup = runningTask.group;
    const outerTask = runningTask.task;
    runningTask.group = undefined;
    runningTask.task = undefined;
    try {
      const call = (): void => {
        let result: unknown;
        try {
          result = fn(signal);
        } catch (error) {
          end(true, error);
          return;
        }
        subscription = followTaskValue(result, sink);
      };
      if (taskContext.run === undefined) call();
      else taskContext.run(unparented(), call);
    } finally {
      runningTask.group = outerGroup;
      runningTask.task = outerTask;
    }

    if (!settled && timeout !== Infinity) {
      timer = setTimeout(() => {
        timedOut = { error: new DOMException(`shield timed out after ${timeout} ms`, 'TimeoutError') };
        controller.abort(timedOut.error);
        // an Observable is done once unsubscribed (its teardown ran); a promise is waited for
        if (subscription && !settled) {
          const errors = tryUnsubscribe(subscription, undefined);
          end(true, timedOut.error);
          reportCleanupErrors(errors); // the timeout is the outcome; a teardown's error goes apart
        }
      }, timeout);
    }
  });
}

/**
 * What code inside a shield finds across its awaits: no group, and the slots the calling task
 * holds (a limiter it holds a slot of still runs its calls on that slot, so that cleanup cannot
 * wait behind its own task).
 */
function unparented(): CarriedTask {
  const holder = slotHolder.current ?? slotHolder.across?.();
  return { _group: undefined, holdsSlotOf: (limiter) => holder !== undefined && holder.holdsSlotOf(limiter) };
}
