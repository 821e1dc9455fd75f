import { type Context, context, type Span, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { describeError, type TraceOfCall, type TraceOfWork, type TraceOutcome, type Tracing } from '../../src/engine/index.js';
import { fromTraceparent, toTraceparent } from './traceparent.js';

/** The attribute every span of this library carries: how its work ended. */
const OUTCOME = 'rxjs_asyncer.outcome';
/** What a group, subscription or call is: 'task group', 'scope', 'gather', 'worker call', ... */
const KIND = 'rxjs_asyncer.kind';
/** For a cancelled span: what cancelled it (the reason, described). */
const CANCELLED_BY = 'rxjs_asyncer.cancelled_by';
/** For a task: how long it waited (a limiter's slot, a group's own bound) before it started, ms. */
const WAIT = 'rxjs_asyncer.wait_ms';

/** Ends a span with its outcome: a failure is an error with its exception; a cancel is not an error. */
const finish = (span: Span, outcome: TraceOutcome, error: unknown): void => {
  span.setAttribute(OUTCOME, outcome);
  if (outcome === 'failed') {
    span.recordException(error instanceof Error ? error : { name: 'Error', message: describeError(error) });
    span.setStatus({ code: SpanStatusCode.ERROR, message: describeError(error) });
  } else if (outcome === 'cancelled' && error !== undefined) {
    span.setAttribute(CANCELLED_BY, describeError(error));
  }
  span.end();
};

/** A task's span, and when it joined (its wait is measured from there). */
interface OpenTask {
  readonly span: Span;
  readonly added: number;
}

/** One group, scope or subscription: its span, and its open tasks' spans by key. */
class SpanOfWork implements TraceOfWork {
  private readonly span: Span;
  /** the context its tasks are children of */
  private readonly context: Context;
  private readonly tasks = new Map<unknown, OpenTask>();
  private ended = false;

  constructor(
    private readonly tracer: Tracer,
    private readonly name: string,
    kind: string,
  ) {
    const parent = context.active();
    this.span = tracer.startSpan(name, { attributes: { [KIND]: kind } }, parent);
    this.context = trace.setSpan(parent, this.span);
  }

  taskAdded(key: unknown, name: string): void {
    // an operator's items are numbered: "gather #3"
    const spanName = name !== '' ? name : typeof key === 'number' ? `${this.name} #${key}` : 'task';
    this.tasks.set(key, { span: this.tracer.startSpan(spanName, undefined, this.context), added: performance.now() });
  }

  taskStarted(key: unknown): void {
    const task = this.tasks.get(key);
    if (!task) return;
    const wait = performance.now() - task.added;
    task.span.setAttribute(WAIT, wait);
    task.span.addEvent('started', { [WAIT]: wait });
  }

  runTask<T>(key: unknown, fn: () => T): T {
    const task = this.tasks.get(key);
    return task ? context.with(trace.setSpan(this.context, task.span), fn) : fn();
  }

  taskEnded(key: unknown, outcome: TraceOutcome, error?: unknown): void {
    const task = this.tasks.get(key);
    if (!task) return;
    this.tasks.delete(key);
    finish(task.span, outcome, error);
  }

  run<T>(fn: () => T): T {
    return context.with(this.context, fn);
  }

  get busy(): boolean {
    return this.tasks.size > 0;
  }

  end(outcome: TraceOutcome, error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    for (const task of this.tasks.values()) finish(task.span, 'cancelled', error);
    this.tasks.clear();
    finish(this.span, outcome, error);
  }
}

/**
 * The tracing `enableTracing` installs: spans through one OpenTelemetry tracer.
 * @internal
 */
export class OtelTracing implements Tracing {
  constructor(private readonly tracer: Tracer) {}

  work(kind: string, name: string | undefined): TraceOfWork {
    return new SpanOfWork(this.tracer, name ?? kind, kind);
  }

  call(kind: string, name: string): TraceOfCall {
    const span = this.tracer.startSpan(`${kind} ${name}`, { kind: SpanKind.CLIENT, attributes: { [KIND]: kind } }, context.active());
    let ended = false;
    return {
      traceparent: toTraceparent(span.spanContext()),
      end: (outcome, error) => {
        if (ended) return;
        ended = true;
        finish(span, outcome, error);
      },
    };
  }

  serve<T>(kind: string, name: string, traceparent: string | undefined, fn: () => T): T {
    const remote = fromTraceparent(traceparent);
    const parent = remote ? trace.setSpanContext(context.active(), remote) : context.active();
    const span = this.tracer.startSpan(name, { kind: SpanKind.SERVER, attributes: { [KIND]: kind } }, parent);
    let result: T;
    try {
      result = context.with(trace.setSpan(parent, span), fn);
    } catch (error) {
      finish(span, 'failed', error);
      throw error;
    }
    if (result instanceof Promise) {
      result.then(
        () => finish(span, 'fulfilled', undefined),
        (error: unknown) => finish(span, 'failed', error),
      );
    } else {
      finish(span, 'fulfilled', undefined);
    }
    return result;
  }
}
