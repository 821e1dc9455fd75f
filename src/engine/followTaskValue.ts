import { EmptyError, from, isObservable, type Observable, type Observer, type Subscription } from 'rxjs';
import { isInteropObservable } from './isInteropObservable.js';
import type { TaskSink } from './TaskSink.js';

/**
 * Tracks an Observable task's last emission and how it ended, and reports the outcome only once
 * the subscription is finalized: after the source's own teardown has run. So when one task ending
 * starts the next (a concurrency slot, a limiter slot), the first has let go of its resources
 * before the second starts, as rxjs's mergeMap does.
 */
class LastValueObserver implements Observer<unknown> {
  /** whether anything was emitted */
  private has = false;
  /** the latest emission */
  private last: unknown = undefined;
  /** how the source ended, once it did */
  private outcome: 'fulfilled' | 'failed' | undefined = undefined;
  private error_: unknown = undefined;

  constructor(private readonly sink: TaskSink) {}

  next(value: unknown): void {
    this.has = true;
    this.last = value;
  }

  error(error: unknown): void {
    this.outcome = 'failed';
    this.error_ = error;
  }

  complete(): void {
    if (this.has) {
      this.outcome = 'fulfilled';
    } else {
      this.outcome = 'failed';
      this.error_ = new EmptyError();
    }
  }

  /** Runs as the subscription's last finalizer; does nothing when it was cancelled instead. */
  report(): void {
    if (this.outcome === 'fulfilled') this.sink.taskFulfilled(this.last);
    else if (this.outcome === 'failed') this.sink.taskFailed(this.error_);
  }
}

/** Subscribes to an Observable task; its outcome is reported after the source's teardown. */
function followObservable(source: Observable<unknown>, sink: TaskSink): Subscription | undefined {
  const observer = new LastValueObserver(sink);
  let subscription: Subscription;
  try {
    subscription = source.subscribe(observer);
  } catch (error) {
    // A source that ended synchronously and whose teardown then threw: rxjs runs that teardown
    // inside subscribe() and lets its error out. A teardown that throws is the task's failure.
    sink.taskFailed(error);
    return undefined;
  }
  // runs after the source's teardown, or at once if the source already ended synchronously
  subscription.add(() => observer.report());
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
