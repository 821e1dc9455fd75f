import { trace } from '@opentelemetry/api';
import { tracing } from '../src/engine/index.js';
import { checkTracingOptions } from './internal/checks.js';
import { OtelTracing } from './internal/OtelTracing.js';
import type { EnabledTracing } from './types/EnabledTracing.js';
import type { TracingOptions } from './types/TracingOptions.js';

/**
 * Turns on OpenTelemetry spans for everything this library runs in this process (or worker
 * thread): each task group, scope and operator subscription (`gather`, `firstWins`,
 * `mapConcurrent`, `mapConcurrentFrom`, `mapLatest`, `mapExhaust`) is a span named after it (its
 * `name` option, else `task group`, `scope`, `gather` ...), a child of the span active where it
 * was created; each task is a child span named after the task, active while the task runs and
 * across its awaits, so HTTP and database instrumentations nest under it. Worker calls
 * (`rxjs-asyncer/workers`) and remote calls (`rxjs-asyncer/bullmq`) are spans that carry their W3C
 * trace context to the other side, where the task's span is their child when that side traces
 * too: one trace from the click to the fleet and back.
 *
 * Every span has `rxjs_asyncer.outcome` (`fulfilled`, `failed` or `cancelled`). A failure sets
 * status ERROR and records the exception; a cancelled task is not an error, and
 * `rxjs_asyncer.cancelled_by` says what cancelled it. A task with a limiter (or a group's
 * `concurrency`) has `rxjs_asyncer.wait_ms`, the time it queued for its slot, and a `started` event.
 *
 * Needs `@opentelemetry/api` (an optional peer) and, to record anything, an SDK with a context
 * manager (`AsyncLocalStorageContextManager` in Node). Spans need the context manager to
 * follow a task across its awaits. Without this call nothing of it is loaded: the core pays one
 * check per group and per task.
 *
 * ## Example
 * ```ts
 * import { context, trace } from '@opentelemetry/api';
 * import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
 * import { BasicTracerProvider, ConsoleSpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
 * import { runTaskGroup } from 'rxjs-asyncer';
 * import { enableTracing } from 'rxjs-asyncer/otel';
 *
 * context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
 * trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())] }));
 * const tracing = enableTracing();
 *
 * await runTaskGroup((tg) => {
 *   tg.startSoon(async function fetchUser() {});
 *   tg.startSoon(async function fetchOrders() {});
 * }, { name: 'load page' });
 * // spans: "load page" with two children, "fetchUser" and "fetchOrders"
 * tracing.disable();
 * ```
 *
 * @param options `tracer`: the tracer to use (default: the global provider's `rxjs-asyncer` tracer).
 * @returns the switch that turns tracing off. Enabling again replaces the tracing in place.
 * @throws {TypeError} when `options` is not an object of the known keys, or `tracer` is not a Tracer.
 */
export function enableTracing(options?: TracingOptions): EnabledTracing {
  const tracer = checkTracingOptions(options) ?? trace.getTracer('rxjs-asyncer');
  const installed = new OtelTracing(tracer);
  tracing.current = installed;
  return {
    disable(): void {
      if (tracing.current === installed) tracing.current = undefined;
    },
  };
}
