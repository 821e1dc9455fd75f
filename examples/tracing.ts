// The burgers of examples/burgers.ts, traced with OpenTelemetry: the spans rxjs-asyncer/otel
// makes, printed as a tree once the day is over (an in-memory exporter stands in for Jaeger,
// Tempo or Honeycomb). The orders wait together in one group, each cooked on a worker thread;
// one order fails, and the group cancels the one still cooking.
// Run: npm run example:tracing

import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { runTaskGroup } from 'rxjs-asyncer';
import { enableTracing } from 'rxjs-asyncer/otel';
import { createWorkerPool } from 'rxjs-asyncer/workers';

const exporter = new InMemorySpanExporter();
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
const tracing = enableTracing();

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
const kitchen = createWorkerPool<typeof import('./burgers.worker.mjs')>(new URL('./burgers.worker.mjs', import.meta.url), { size: 2, name: 'kitchen' });

await trace.getTracer('example').startActiveSpan('lunch rush', async (rush) => {
  // every order waited for at once, cooked in the kitchen's threads
  await runTaskGroup(
    (tg) => {
      for (const name of ['Yury', 'Ada']) tg.soonify(async () => kitchen.call.cook(name, 100), { name: `order ${name}` })();
    },
    { name: 'concurrent burgers' },
  );
  // an order that cannot be made: the group fails, and the order still cooking is cancelled
  await runTaskGroup(
    (tg) => {
      tg.soonify(async () => sleep(1000, tg.signal), { name: 'order Alex' })();
      tg.soonify(
        async () => {
          await sleep(20);
          throw new Error('out of buns');
        },
        { name: 'order Nathaniel' },
      )();
    },
    { name: 'a bad day' },
  ).catch(() => undefined);
  rush.end();
});
await kitchen.close();
tracing.disable();

// the tree, each span with its outcome (and what cancelled it, or why it failed)
const spans = exporter.getFinishedSpans();
const childrenOf = (span: ReadableSpan | undefined) =>
  spans.filter((s) => s.parentSpanContext?.spanId === span?.spanContext().spanId).sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
const print = (span: ReadableSpan, depth: number): void => {
  const outcome = span.attributes['rxjs_asyncer.outcome'];
  const why = span.attributes['rxjs_asyncer.cancelled_by'] ?? span.status.message;
  const ms = span.duration[0] * 1e3 + span.duration[1] / 1e6;
  console.log(`${'  '.repeat(depth)}${span.name}${outcome ? ` [${outcome}${why ? `: ${why}` : ''}]` : ''} ${ms.toFixed(0)} ms`);
  for (const child of childrenOf(span)) print(child, depth + 1);
};
for (const root of spans.filter((s) => s.parentSpanContext === undefined)) print(root, 0);
