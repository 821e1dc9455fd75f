import { EmptyError, from, isObservable, type Observable, type Subscription } from 'rxjs';
import { isInteropObservable } from './isInteropObservable.js';
import type { TaskSink } from './TaskSink.js';

/**
 * Subscribes to an Observable task: its outcome is its last emission, or `EmptyError` if it
 * emits none, and is reported only once the subscription is finalized, after the source's own
 * teardown has run. So when one task ending starts the next (a concurrency slot, a limiter slot),
 * the first has let go of its resources before the second starts, as rxjs's mergeMap does.
 */
function followObservable(source: Observable<unknown>, sink: TaskSink): Subscription | undefined {
  let has = false;
  let ended = false;
  let failed = false;
  /** the latest emission, or the error it ended with */
  let outcome: unknown;
  let subscription: Subscription;
  try {
    subscription = source.subscribe({
      next: (value) => {
        has = true;
        outcome = value;
      },
      error: (error: unknown) => {
        ended = failed = true;
        outcome = error;
      },
      complete: () => {
        ended = true;
        if (!has) {
          failed = true;
          outcome = new EmptyError();
        }
      },
    });
  } catch (error) {
    // A source that ended synchronously and whose teardown then threw: rxjs runs that teardown
    // inside subscribe() and lets its error out. A teardown that throws is the task's failure.
    sink.taskFailed(error);
    return undefined;
  }
  // the last finalizer: after the source's teardown, or at once if the source already ended
  // synchronously; nothing when it was cancelled instead of ending
  subscription.add(() => {
    if (!ended) return;
    if (failed) sink.taskFailed(outcome);
    else sink.taskFulfilled(outcome);
  });
  return subscription;
}

/**
 * Applies the task value rule to what a task function returned, and reports the outcome to
 * `sink`, perhaps synchronously (plain values, synchronous Observables):
 * - an Observable or interop observable: its last emission, or `EmptyError` if it emits none;
 * - a PromiseLike: what it resolves to, followed as `await` follows it (a thenable resolving to
 *   a promise gives that promise's value);
 * - anything else (arrays and iterables too): the value itself.
 *
 * Never throws: a value whose shape cannot be read (a `then` getter that throws, a revoked
 * Proxy) fails the task with that error, as `await` would reject.
 *
 * Returns the Subscription of an Observable task, so that the caller can cancel it.
 * @internal
 */
export function followTaskValue(result: unknown, sink: TaskSink): Subscription | undefined {
  // What the value is: 0 plain, 1 PromiseLike, 2 Observable, 3 interop observable. Reading the
  // shape may throw (a revoked Proxy on `instanceof`, a `then` getter): the task then fails with
  // that error, as `await` would reject.
  let kind = 1;
  try {
    if (!(result instanceof Promise)) {
      if ((typeof result !== 'object' && typeof result !== 'function') || result === null) kind = 0;
      else if (isObservable(result)) kind = 2;
      else if (isInteropObservable(result)) kind = 3;
      else if (typeof (result as PromiseLike<unknown>).then !== 'function') kind = 0;
      else result = Promise.resolve(result); // a thenable, followed as `await` follows it
    }
  } catch (error) {
    sink.taskFailed(error);
    return undefined;
  }
  if (kind === 1) {
    (result as Promise<unknown>).then(sink.onFulfilled ?? sink.taskFulfilled.bind(sink), sink.onRejected ?? sink.taskFailed.bind(sink));
  } else if (kind === 0) {
    sink.taskFulfilled(result);
  } else {
    return followObservable(kind === 2 ? (result as Observable<unknown>) : from(result as never), sink);
  }
  return undefined;
}
