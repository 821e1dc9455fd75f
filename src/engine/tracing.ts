import { Observable, type Subscriber } from 'rxjs';

/** How a task, a call or a unit of work ended, as spans say it. */
export type TraceOutcome = 'fulfilled' | 'failed' | 'cancelled';

/**
 * One traced unit of work that has tasks: a task group, a scope, an operator's subscription.
 * Tasks are keys the engine picks (a group's task object, an operator item's index).
 * @internal
 */
export interface TraceOfWork {
  /** A task joined: its span starts now, as a child of this work's. */
  taskAdded(key: unknown, name: string): void;
  /**
   * A task that may have queued for a slot (it has a limiter, or its group's bound) starts now:
   * its wait and its start are recorded. Not called for a task that cannot wait (it starts one
   * promise job after it was added).
   */
  taskStarted(key: unknown): void;
  /** Runs the task's function with its span active, across its awaits. */
  runTask<T>(key: unknown, fn: () => T): T;
  /** It settled; `error` is the failure, or for a cancelled task what cancelled it. */
  taskEnded(key: unknown, outcome: TraceOutcome, error?: unknown): void;
  /** Runs `fn` with this work's own span active (a group's body). */
  run<T>(fn: () => T): T;
  /** Whether a task's span is still open. */
  readonly busy: boolean;
  /** The work ended; tasks still open end as cancelled. Once: later calls do nothing. */
  end(outcome: TraceOutcome, error?: unknown): void;
}

/**
 * A traced call to elsewhere (a worker thread, a remote worker): its span, and the W3C
 * `traceparent` to send with the job, so that the other side's task is a child of it.
 * @internal
 */
export interface TraceOfCall {
  readonly traceparent: string | undefined;
  end(outcome: TraceOutcome, error?: unknown): void;
}

/**
 * What `rxjs-asyncer/otel`'s `enableTracing` installs (undefined otherwise: then each group,
 * subscription and call pays one check, and nothing of OpenTelemetry is loaded).
 * @internal
 */
export interface Tracing {
  /** A group, scope or subscription opens, in the caller's context: its span's parent is the active one. */
  work(kind: string, name: string | undefined): TraceOfWork;
  /** A call to elsewhere is sent. */
  call(kind: string, name: string): TraceOfCall;
  /**
   * The other side of a call: runs `fn` as a task whose span is a child of `traceparent` (what the
   * caller sent), active across its awaits; the span ends when the returned value settles.
   */
  serve<T>(kind: string, name: string, traceparent: string | undefined, fn: () => T): T;
}

/** @internal the installed tracing, if any */
export const tracing: { current: Tracing | undefined; opening: TraceOfWork | undefined } = { current: undefined, opening: undefined };

/**
 * The other side of a call (a worker thread's function, a remote task): runs `fn` under a span
 * whose parent is the caller's call span (`traceparent`, what it sent) when this process or
 * thread traces, else just runs it.
 * @internal
 */
export function serveTraced<T>(kind: string, name: string, traceparent: string | undefined, fn: () => T): T {
  const installed = tracing.current;
  return installed === undefined ? fn() : installed.serve(kind, name, traceparent, fn);
}

/**
 * An operator's subscription, traced when tracing is on: `setup` gets a subscriber whose
 * completion, error or unsubscription ends the subscription's span, and while it runs
 * `tracing.opening` is that span (the operator's runner picks it up for its items).
 * Without tracing, `setup` gets `subscriber` itself: nothing is added.
 * @internal
 */
export function traceSubscription<T>(kind: string, name: string | undefined, subscriber: Subscriber<T>, setup: (subscriber: Subscriber<T>) => void): void {
  const installed = tracing.current;
  if (installed === undefined) return setup(subscriber);
  const work = installed.work(kind, name);
  let emitted = false;
  const inner = new Observable<T>((traced) => {
    const outer = tracing.opening;
    tracing.opening = work;
    try {
      setup(traced);
    } finally {
      tracing.opening = outer;
    }
  });
  subscriber.add(
    inner.subscribe({
      next: (value) => {
        emitted = true;
        subscriber.next(value);
      },
      error: (error: unknown) => {
        work.end('failed', error);
        subscriber.error(error);
      },
      complete: () => {
        work.end('fulfilled');
        subscriber.complete();
      },
    }),
  );
  // unsubscribed before completion: after its value with nothing left running (`firstValueFrom`,
  // `take(1)` of a gather), it delivered; otherwise it was cut short
  subscriber.add(() => work.end(emitted && !work.busy ? 'fulfilled' : 'cancelled'));
}
