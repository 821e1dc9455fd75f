// The cost of tracing (`rxjs-asyncer/otel`): W1's task group (runTaskGroup + soonify of 100,000
// tasks `async () => i`) untraced, and traced through the real OpenTelemetry SDK
// (BasicTracerProvider, the BatchSpanProcessor production uses and an exporter that drops what
// it gets, the AsyncLocalStorage context manager), in fresh processes that take turns so that all
// see the same machine. Beside them, the SDK's own floor written by hand: the same 100,000 async
// functions, each under a span of its own (startSpan, context.with, end), under one root span,
// without this library: what any tracing of one span per task costs. Prints each round and the
// medians of traced / untraced and traced / the floor.
//
//   npm run build && node bench/tracing.mjs [pairs]        (npm run bench:tracing)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const N = Number(process.env.BENCH_TRACING_TASKS ?? 100_000);

if (process.argv[2] === '--child') {
  const mode = process.argv[3];
  const { runTaskGroup } = await import('rxjs-asyncer');
  let floor;
  if (mode !== 'untraced') {
    const { context, trace } = await import('@opentelemetry/api');
    const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
    const { BasicTracerProvider, BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
    const { enableTracing } = await import('rxjs-asyncer/otel');
    const dropped = { export: (_spans, done) => done({ code: 0 }), shutdown: () => Promise.resolve() };
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(dropped)] }));
    if (mode === 'traced') enableTracing();
    else {
      const tracer = trace.getTracer('floor');
      floor = async (fns) => {
        const root = tracer.startSpan('root');
        const parent = trace.setSpan(context.active(), root);
        const results = await Promise.all(
          fns.map((fn) => {
            const span = tracer.startSpan('task', undefined, parent);
            return context.with(trace.setSpan(parent, span), fn).then((value) => {
              span.end();
              return value;
            });
          }),
        );
        root.end();
        return results;
      };
    }
  }
  const tasks = Array.from({ length: N }, (_, i) => async () => i);
  const times = [];
  for (let run = 0; run < 6; run++) {
    const started = performance.now();
    const results = floor ? await floor(tasks) : await runTaskGroup((tg) => tasks.map((task) => tg.soonify(task)()));
    const ms = performance.now() - started;
    if (results.length !== N || results[N - 1] !== N - 1) throw new Error('wrong results');
    if (run > 0) times.push(ms); // the first warms up
  }
  times.sort((a, b) => a - b);
  console.log(times[times.length >> 1].toFixed(1));
  process.exit(0);
}

const pairs = Number(process.argv[2] ?? 5);
const runOnce = (mode) => Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode], { encoding: 'utf8' }).trim());
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const overUntraced = [];
const overFloor = [];
const modes = ['untraced', 'traced', 'floor'];
for (let round = 0; round < pairs; round++) {
  const ms = {};
  for (let k = 0; k < modes.length; k++) {
    const mode = modes[(k + round) % modes.length];
    ms[mode] = runOnce(mode);
  }
  overUntraced.push(ms.traced / ms.untraced);
  overFloor.push(ms.traced / ms.floor);
  console.log(`round ${round + 1}: untraced ${ms.untraced.toFixed(0)} ms, traced ${ms.traced.toFixed(0)} ms, the SDK's floor by hand ${ms.floor.toFixed(0)} ms`);
}
console.log(`W1 task group of ${N.toLocaleString('en')} tasks, median of ${pairs} rounds: traced / untraced ${median(overUntraced).toFixed(2)}x, traced / the SDK's floor ${median(overFloor).toFixed(2)}x`);
