import { context, type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { firstValueFrom, lastValueFrom, NEVER, of, Subject, toArray } from 'rxjs';
import { createLimiter, createScope, runTaskGroup } from '../../src/index.js';
import { firstWins, gather, mapConcurrent, mapLatest } from '../../operators/index.js';
import { tracing } from '../../src/engine/tracing.js';
import { enableTracing, type EnabledTracing } from '../../otel/index.js';

// The real OpenTelemetry SDK (in-memory exporter) and AsyncLocalStorage context manager: the
// spans rxjs-asyncer/otel makes, their tree, their outcomes.

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('test');
const manager = new AsyncLocalStorageContextManager();
let enabled: EnabledTracing | undefined;

beforeAll(() => context.setGlobalContextManager(manager.enable()));
afterAll(() => {
  manager.disable();
  context.disable();
});
beforeEach(() => {
  exporter.reset();
  enabled = enableTracing({ tracer });
});
afterEach(() => enabled?.disable());

const deferred = <T = void>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};
const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
const named = (name: string): ReadableSpan => {
  const found = spans().filter((span) => span.name === name);
  if (found.length !== 1) throw new Error(`${found.length} spans named ${name}: ${spans().map((s) => s.name).join(', ')}`);
  return found[0]!;
};
const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan): string => span.spanContext().spanId;
/** The names of a span's children, sorted. */
const childrenOf = (span: ReadableSpan): string[] =>
  spans()
    .filter((s) => parentOf(s) === idOf(span))
    .map((s) => s.name)
    .sort();
const inSpan = <T>(name: string, fn: (span: Span) => Promise<T>): Promise<T> =>
  tracer.startActiveSpan(name, async (span) => {
    try {
      return await fn(span);
    } finally {
      span.end();
    }
  });

describe('rxjs-asyncer/otel: enableTracing', () => {
  it('a group is a span under the active one; its tasks are its children, active across their awaits; a group opened in a task is that task\'s child', async () => {
    const gate = deferred();
    let seenAfterAwait: string | undefined;
    await inSpan('request', () =>
      runTaskGroup(
        (tg) => {
          tg.startSoon(async function loadUser() {
            await gate.promise;
            seenAfterAwait = trace.getActiveSpan() && (trace.getActiveSpan() as unknown as ReadableSpan).name;
            await runTaskGroup((inner) => void inner.startSoon(async function loadAvatar() {}), { name: 'avatar' });
          });
          tg.startSoon(async function loadOrders() {
            gate.resolve();
          });
        },
        { name: 'load page' },
      ),
    );
    expect(seenAfterAwait).toBe('loadUser');
    expect(parentOf(named('load page'))).toBe(idOf(named('request')));
    expect(childrenOf(named('load page'))).toEqual(['loadOrders', 'loadUser']);
    expect(childrenOf(named('loadUser'))).toEqual(['avatar']);
    expect(childrenOf(named('avatar'))).toEqual(['loadAvatar']);
    for (const span of spans().filter((s) => s.name !== 'request')) {
      expect([span.name, span.attributes['rxjs_asyncer.outcome'], span.status.code]).toEqual([span.name, 'fulfilled', SpanStatusCode.UNSET]);
    }
    expect(named('load page').attributes['rxjs_asyncer.kind']).toBe('task group');
    expect(new Set(spans().map((s) => s.spanContext().traceId)).size).toBe(1);
  });

  it('a failure is an ERROR with its exception; the sibling it cancelled is cancelled, not an error, and says by what; the group is an ERROR', async () => {
    const boom = new Error('payment declined');
    await expect(
      runTaskGroup((tg) => {
        tg.startSoon(async function pay() {
          throw boom;
        });
        tg.startSoon(function ship() {
          // runs until the failure cancels it
          return new Promise((_resolve, reject) => tg.signal.addEventListener('abort', () => reject(tg.signal.reason)));
        });
      }),
    ).rejects.toBe(boom);
    const pay = named('pay');
    expect([pay.attributes['rxjs_asyncer.outcome'], pay.status]).toEqual(['failed', { code: SpanStatusCode.ERROR, message: 'Error: payment declined' }]);
    // no limiter: nothing to wait for, so no "started" event
    expect(pay.events.map((e) => [e.name, e.attributes?.['exception.message']])).toEqual([['exception', 'payment declined']]);
    const ship = named('ship');
    expect([ship.attributes['rxjs_asyncer.outcome'], ship.attributes['rxjs_asyncer.cancelled_by'], ship.status.code]).toEqual(['cancelled', 'Error: payment declined', SpanStatusCode.UNSET]);
    const group = named('task group');
    expect([group.attributes['rxjs_asyncer.outcome'], group.status.code]).toEqual(['failed', SpanStatusCode.ERROR]);
  });

  it('a group cancelled with cancel() is cancelled, not an error; a task soonified after the cancel is a cancelled span too', async () => {
    await runTaskGroup((tg) => {
      tg.startSoon(async function slow() {
        await new Promise(() => undefined);
      });
      tg.cancel(new Error('user left'));
      tg.startSoon(async function late() {});
    }).catch(() => undefined);
    expect(['slow', 'late', 'task group'].map((name) => [name, named(name).attributes['rxjs_asyncer.outcome'], named(name).status.code])).toEqual([
      ['slow', 'cancelled', SpanStatusCode.UNSET],
      ['late', 'cancelled', SpanStatusCode.UNSET],
      ['task group', 'cancelled', SpanStatusCode.UNSET],
    ]);
  });

  it('queue time behind a limiter shows: a task starts (its "started" event) after the one holding the slot ended', async () => {
    const limiter = createLimiter(1);
    const first = deferred();
    const done = runTaskGroup((tg) => {
      tg.soonify(async function holder() {
        await first.promise;
      }, { limiter })();
      tg.soonify(async function waiter() {}, { limiter })();
    });
    await new Promise((resolve) => setImmediate(resolve));
    first.resolve();
    await done;
    const waiter = named('waiter');
    const started = waiter.events.find((e) => e.name === 'started')!;
    const endOfHolder = named('holder').endTime;
    // [seconds, nanoseconds]: the waiter started no earlier than the holder ended
    expect(started.time[0] * 1e9 + started.time[1]).toBeGreaterThanOrEqual(endOfHolder[0] * 1e9 + endOfHolder[1]);
    expect(typeof waiter.attributes['rxjs_asyncer.wait_ms']).toBe('number');
  });

  it('a scope is a span named after it, its tasks its children', async () => {
    const scope = createScope({ name: 'jobs' });
    scope.startSoon(async function cleanup() {});
    await scope.close();
    expect(childrenOf(named('jobs'))).toEqual(['cleanup']);
    expect(named('jobs').attributes['rxjs_asyncer.kind']).toBe('scope');
  });

  it('operators: a subscription is a span under the active one, its items numbered children; an item\'s span is active while it runs', async () => {
    const seen: (string | undefined)[] = [];
    await inSpan('handler', () =>
      lastValueFrom(
        of(1, 2, 3).pipe(
          mapConcurrent(async (x) => {
            await Promise.resolve();
            seen.push((trace.getActiveSpan() as unknown as ReadableSpan | undefined)?.name);
            return x;
          }, 2),
          toArray(),
        ),
      ),
    );
    expect(parentOf(named('mapConcurrent'))).toBe(idOf(named('handler')));
    expect(childrenOf(named('mapConcurrent'))).toEqual(['mapConcurrent #0', 'mapConcurrent #1', 'mapConcurrent #2']);
    expect(seen.sort()).toEqual(['mapConcurrent #0', 'mapConcurrent #1', 'mapConcurrent #2']);
    expect(named('mapConcurrent').attributes['rxjs_asyncer.outcome']).toBe('fulfilled');
  });

  it('operators: an unsubscribed gather is cancelled, and so are its items in flight; a failed one is an ERROR', async () => {
    const subscription = gather([() => new Promise(() => undefined), () => Promise.resolve(1)]).subscribe();
    await Promise.resolve();
    subscription.unsubscribe();
    expect([named('gather').attributes['rxjs_asyncer.outcome'], named('gather #0').attributes['rxjs_asyncer.outcome'], named('gather #1').attributes['rxjs_asyncer.outcome']]).toEqual([
      'cancelled',
      'cancelled',
      'fulfilled',
    ]);
    exporter.reset();
    await expect(firstValueFrom(gather([() => Promise.reject(new Error('down'))]))).rejects.toThrow('down');
    expect([named('gather').status.code, named('gather #0').status.code]).toEqual([SpanStatusCode.ERROR, SpanStatusCode.ERROR]);
  });

  it('firstWins and mapLatest: the losing and the superseded are cancelled spans', async () => {
    const slow = deferred<string>();
    await firstValueFrom(firstWins([async function mirror() { return slow.promise; }, async function primary() { return 'fast'; }]));
    expect([named('mirror').attributes['rxjs_asyncer.outcome'], named('primary').attributes['rxjs_asyncer.outcome'], named('firstWins').attributes['rxjs_asyncer.outcome']]).toEqual([
      'cancelled',
      'fulfilled',
      'fulfilled',
    ]);
    exporter.reset();
    const input = new Subject<number>();
    const results = lastValueFrom(input.pipe(mapLatest((x) => (x === 1 ? NEVER : of(x))), toArray()));
    input.next(1);
    input.next(2);
    input.complete();
    await results;
    expect([named('mapLatest #0').attributes['rxjs_asyncer.outcome'], named('mapLatest #1').attributes['rxjs_asyncer.outcome']]).toEqual(['cancelled', 'fulfilled']);
  });

  it('disable() stops it: a group opened after makes no span, and the hook is gone', async () => {
    enabled!.disable();
    expect(tracing.current).toBeUndefined();
    await runTaskGroup((tg) => void tg.startSoon(async function quiet() {}));
    expect(spans()).toEqual([]);
  });

  it('uses the global tracer provider by default; enabling again replaces, and the old switch does nothing', async () => {
    enabled!.disable();
    trace.setGlobalTracerProvider(provider);
    try {
      const first = enableTracing();
      const second = enableTracing();
      first.disable();
      await runTaskGroup((tg) => void tg.startSoon(async function viaGlobal() {}));
      expect(named('viaGlobal').instrumentationScope.name).toBe('rxjs-asyncer');
      second.disable();
      expect(tracing.current).toBeUndefined();
    } finally {
      trace.disable();
    }
  });

  it.each([
    ['not an object', 5, 'enableTracing(options): options must be an object or undefined, got 5'],
    ['an unknown key', { tracr: tracer }, "enableTracing(options): options has no key 'tracr': did you mean 'tracer'? (known keys: tracer)"],
    ['a tracer that is not one', { tracer: {} }, "enableTracing(options): options.tracer must be an OpenTelemetry Tracer (trace.getTracer('name')), got [object Object]"],
  ])('refuses %s at once with a TypeError that echoes it', (_what, options, message) => {
    expect(() => enableTracing(options as never)).toThrow(new TypeError(message));
  });
});
