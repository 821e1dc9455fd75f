import { Observable, type OperatorFunction, type Subscriber, type Subscription } from 'rxjs';
import {
  type CountTracker,
  followTaskValue,
  isPromiseLikeSafe,
  reportCleanupErrors,
  type TaskSink,
  teardownFailure,
  type TraceOfWork,
  traceSubscription,
  tracing,
  tryUnsubscribe,
} from '../../src/engine/index.js';
import { unsubscribedReason } from './unsubscribedReason.js';

const ignore = (): void => undefined;

/**
 * One project of a {@link SingleFlight}: its own signal (only it is ever superseded) and, for an
 * Observable project, the subscription to cancel. A promise project is followed without making
 * a sink; only an Observable or a thenable gets this object as its sink.
 */
class Flight implements TaskSink {
  readonly controller = new AbortController();
  subscription: Subscription | undefined = undefined;
  constructor(
    private readonly owner: SingleFlight<never>,
    readonly index: number,
  ) {}
  taskFulfilled(value: unknown): void {
    this.owner.settled(this, false, value);
  }
  taskFailed(error: unknown): void {
    this.owner.settled(this, true, error);
  }
}

/**
 * The core of `mapLatest` and `mapExhaust`: at most one project in flight per subscription.
 * A value that arrives while one runs supersedes it (`latest`: its signal aborts, its Observable
 * is unsubscribed, whatever it settles with is an echo) or is ignored (`exhaust`).
 * @internal
 */
export class SingleFlight<T> {
  /** the project in flight, if any; a settle from any other is an echo */
  private current: Flight | undefined = undefined;
  /** the next project's index */
  private index = 0;
  private inputDone = false;
  /** set once failed or unsubscribed: nothing starts or is reported any more */
  private closed = false;
  private readonly tracker: CountTracker | undefined;
  /** the subscription's span and its projects', while tracing is on (`rxjs-asyncer/otel`) */
  private readonly trace: TraceOfWork | undefined = tracing.opening;

  constructor(
    private readonly subscriber: Subscriber<unknown>,
    private readonly project: (value: T, index: number, signal: AbortSignal) => unknown,
    /** `true`: a new value supersedes the one in flight; `false`: it is ignored */
    private readonly latest: boolean,
    /** what a superseded project's signal aborts with */
    private readonly supersededReason: () => unknown,
    progress: (() => CountTracker) | undefined,
  ) {
    const tracker = (this.tracker = progress?.());
    subscriber.add(() => {
      if (!this.closed) {
        this.closed = true;
        const flight = this.current;
        if (flight) {
          this.current = undefined;
          tracker?.cancelledRest();
          const errors = this.cancel(flight, unsubscribedReason());
          // as rxjs does, a teardown's error goes to whoever unsubscribed
          if (errors) throw teardownFailure(errors);
        }
      }
      tracker?.complete();
    });
  }

  /** A source value: starts its project, superseding or ignored while one is in flight. */
  push(value: T): void {
    if (this.closed) return;
    const previous = this.current;
    if (previous) {
      if (!this.latest) return; // exhaust: a value that comes while one runs is not a task
      this.current = undefined;
      this.tracker?.settled(true, 'cancelled', previous.index, '', undefined);
      const reason = this.supersededReason();
      this.trace?.taskEnded(previous.index, 'cancelled', reason);
      reportCleanupErrors(this.cancel(previous, reason));
      if (this.closed) return; // the superseded project's teardown ended the subscription
    }
    const flight = new Flight(this as SingleFlight<never>, this.index++);
    this.current = flight;
    const tracker = this.tracker;
    if (tracker) {
      tracker.added(flight.index, '');
      tracker.started(flight.index, '');
    }
    let result: unknown;
    let isPromise: boolean;
    const trace = this.trace;
    try {
      if (trace === undefined) result = this.project(value, flight.index, flight.controller.signal);
      else {
        trace.taskAdded(flight.index, '');
        result = trace.runTask(flight.index, () => this.project(value, flight.index, flight.controller.signal));
      }
      isPromise = result instanceof Promise; // may throw (a revoked Proxy): the project fails with it
    } catch (error) {
      this.settled(flight, true, error);
      return;
    }
    if (this.current !== flight) {
      // superseded (or unsubscribed) while the project ran, by a value it pushed itself: an
      // Observable is never subscribed, a rejection is an echo
      if (isPromise) (result as Promise<unknown>).then(undefined, ignore);
      else if (isPromiseLikeSafe(result)) Promise.resolve(result).then(undefined, ignore);
      return;
    }
    if (isPromise) {
      // the common case, with no sink call in between
      (result as Promise<unknown>).then(
        (v: unknown) => this.settled(flight, false, v),
        (e: unknown) => this.settled(flight, true, e),
      );
    } else {
      const subscription = followTaskValue(result, flight);
      if (this.current === flight) flight.subscription = subscription;
    }
  }

  /** The source completed: the output completes once the project in flight has finished. */
  endInput(): void {
    this.inputDone = true;
    if (!this.current && !this.closed) this.subscriber.complete();
  }

  /** The source failed: the project in flight is cancelled with its error, which goes downstream. */
  fail(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    const flight = this.current;
    if (flight) {
      this.current = undefined;
      this.tracker?.cancelledRest();
      // the failure is the outcome; a teardown that threw while cancelling is reported apart
      reportCleanupErrors(this.cancel(flight, error));
    }
    this.subscriber.error(error);
  }

  /** @internal a project ended; only the current one's outcome counts */
  settled(flight: Flight, failed: boolean, outcome: unknown): void {
    if (flight !== this.current) return; // superseded or cancelled: an echo
    this.current = undefined;
    this.tracker?.settled(true, failed ? 'failed' : 'fulfilled', flight.index, '', undefined);
    this.trace?.taskEnded(flight.index, failed ? 'failed' : 'fulfilled', failed ? outcome : undefined);
    if (failed) {
      this.closed = true;
      // its signal aborts too, as a failing project's signal does in mapConcurrent: work it started beside the rejection stops
      flight.controller.abort(outcome);
      this.subscriber.error(outcome);
      return;
    }
    this.subscriber.next(outcome);
    if (this.inputDone && !this.current && !this.closed) this.subscriber.complete();
  }

  /** Aborts a project's signal and unsubscribes its Observable; returns what its teardown threw. */
  private cancel(flight: Flight, reason: unknown): unknown[] | undefined {
    flight.controller.abort(reason);
    const subscription = flight.subscription;
    if (!subscription) return undefined;
    flight.subscription = undefined;
    return tryUnsubscribe(subscription, undefined);
  }
}

/**
 * The operator of `mapLatest` (`latest`) and `mapExhaust`: one {@link SingleFlight} per subscription.
 * @internal
 */
export function singleFlight<T, R>(
  project: (value: T, index: number, signal: AbortSignal) => unknown,
  latest: boolean,
  supersededReason: () => unknown,
  progress: (() => CountTracker) | undefined,
): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((outer) =>
      traceSubscription(latest ? 'mapLatest' : 'mapExhaust', undefined, outer, (subscriber) => {
        const flight = new SingleFlight<T>(subscriber, project, latest, supersededReason, progress);
        subscriber.add(
          source.subscribe({
            next: (value) => flight.push(value),
            error: (error: unknown) => flight.fail(error),
            complete: () => flight.endInput(),
          }),
        );
      }),
    );
}
