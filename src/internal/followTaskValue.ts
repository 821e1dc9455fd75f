import { EmptyError, from, isObservable, type Observable, type Observer, type Subscription } from 'rxjs';
import { isInteropObservable } from './isInteropObservable.js';

/**
 * Receives a task's outcome: exactly one of the two calls, once.
 * @internal
 */
export interface TaskSink {
  taskFulfilled(value: unknown): void;
  taskFailed(error: unknown): void;
  /**
   * The same two, bound once, for sinks that run many promise tasks one after another (the
   * workers of the concurrent operators): spares two closures per promise.
   */
  readonly onFulfilled?: (value: unknown) => void;
  readonly onRejected?: (error: unknown) => void;
}

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
function followObservable(source: Observable<unknown>, sink: TaskSink): Subscription {
  const observer = new LastValueObserver(sink);
  const subscription = source.subscribe(observer);
  // runs after the source's teardown, or at once if the source already ended synchronously
  subscription.add(() => observer.report());
  return subscription;
}

/**
 * Applies the task value rule to what a task function returned, and reports the outcome to
 * `sink`, perhaps synchronously (plain values, synchronous Observables):
 * - an Observable or interop observable: its last emission, or `EmptyError` if it emits none;
 * - a PromiseLike: what it resolves to;
 * - anything else (arrays and iterables too): the value itself.
 *
 * Returns the Subscription of an Observable task, so that the caller can cancel it.
 * @internal
 */
export function followTaskValue(result: unknown, sink: TaskSink): Subscription | undefined {
  // the common case first: a native promise needs none of the Observable probes below
  if (result instanceof Promise) {
    // bound methods, not arrow closures: two small objects instead of two closures and their
    // context, for every task that is alive while its promise runs
    result.then(sink.onFulfilled ?? sink.taskFulfilled.bind(sink), sink.onRejected ?? sink.taskFailed.bind(sink));
    return undefined;
  }
  if (typeof result === 'object' || typeof result === 'function') {
    if (result !== null) {
      if (isObservable(result)) return followObservable(result, sink);
      if (isInteropObservable(result)) return followObservable(from(result as never), sink);
      const then = (result as PromiseLike<unknown>).then;
      if (typeof then === 'function') {
        try {
          then.call(
            result,
            sink.onFulfilled ?? ((value: unknown) => sink.taskFulfilled(value)),
            sink.onRejected ?? ((error: unknown) => sink.taskFailed(error)),
          );
        } catch (error) {
          sink.taskFailed(error);
        }
        return undefined;
      }
    }
  }
  sink.taskFulfilled(result);
  return undefined;
}
