import { EmptyError, from, isObservable, observable, type Observer, type Subscription } from 'rxjs';

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

/** Tracks an Observable task's last emission and reports it on completion. */
class LastValueObserver implements Observer<unknown> {
  /** whether anything was emitted */
  private has = false;
  /** the latest emission */
  private last: unknown = undefined;

  constructor(private readonly sink: TaskSink) {}

  next(value: unknown): void {
    this.has = true;
    this.last = value;
  }

  error(error: unknown): void {
    this.sink.taskFailed(error);
  }

  complete(): void {
    if (this.has) this.sink.taskFulfilled(this.last);
    else this.sink.taskFailed(new EmptyError());
  }
}

/** Interop observables (anything with `Symbol.observable`), as rxjs's `from` accepts them. */
const isInteropObservable = (value: object): boolean =>
  typeof (value as Record<PropertyKey, unknown>)[observable as PropertyKey] === 'function';

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
  if (typeof result === 'object' || typeof result === 'function') {
    if (result !== null) {
      if (isObservable(result)) return result.subscribe(new LastValueObserver(sink));
      if (isInteropObservable(result)) return from(result as never).subscribe(new LastValueObserver(sink));
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
