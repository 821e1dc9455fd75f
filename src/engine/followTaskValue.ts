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

/** What a task function returned, classified by the task value rule (small integers: no enum
 * object in the bundle). */
const Kind = { Promise: 0, Observable: 1, Interop: 2, Thenable: 3, Plain: 4 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/**
 * Reads the shape of a task value. It may throw: a revoked Proxy throws on `instanceof`, a `then`
 * getter can throw. `followTaskValue` calls it inside its protection, as `await` would.
 */
function kindOf(result: unknown): Kind {
  if (result instanceof Promise) return Kind.Promise;
  if ((typeof result !== 'object' && typeof result !== 'function') || result === null) return Kind.Plain;
  if (isObservable(result)) return Kind.Observable;
  if (isInteropObservable(result)) return Kind.Interop;
  return typeof (result as PromiseLike<unknown>).then === 'function' ? Kind.Thenable : Kind.Plain;
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
  let kind: Kind;
  try {
    kind = kindOf(result);
  } catch (error) {
    sink.taskFailed(error);
    return undefined;
  }
  switch (kind) {
    case Kind.Promise:
    case Kind.Thenable: {
      // A foreign thenable goes through Promise.resolve, which calls its `then` in a job of its
      // own, catches a `then` that throws and follows nested thenables: exactly what await does.
      const promise = kind === Kind.Promise ? (result as Promise<unknown>) : Promise.resolve(result);
      // bound methods, not arrow closures: two small objects instead of two closures and their
      // context, for every task that is alive while its promise runs
      promise.then(sink.onFulfilled ?? sink.taskFulfilled.bind(sink), sink.onRejected ?? sink.taskFailed.bind(sink));
      return undefined;
    }
    case Kind.Observable:
      return followObservable(result as Observable<unknown>, sink);
    case Kind.Interop:
      return followObservable(from(result as never), sink);
    default:
      sink.taskFulfilled(result);
      return undefined;
  }
}
