import { EMPTY, from, lastValueFrom, NEVER, of, Subject, take, toArray } from 'rxjs';
import { createLimiter } from '../src/index.js';
import { mapConcurrent } from '../operators/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';
import { testScheduler } from './support/marbles.js';

describe('mapConcurrent', () => {
  it('keeps at most `concurrency` projects in flight and emits in source order (marbles)', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot<'a' | 'b' | 'c'>('abc|');
      const inner = { a: cold('----A|'), b: cold('-B|'), c: cold('-C|') };
      const result = source.pipe(mapConcurrent((key: 'a' | 'b' | 'c') => inner[key], 2));
      expectObservable(result).toBe('-----(ABC|)');
      expectSubscriptions(inner.a.subscriptions).toBe('^----!');
      expectSubscriptions(inner.b.subscriptions).toBe('-^-!');
      expectSubscriptions(inner.c.subscriptions).toBe('---^-!');
    });
  });

  it('ordered: false emits each result as it finishes', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      const source = hot<'a' | 'b'>('ab|');
      const inner = { a: cold('---A|'), b: cold('-B|') };
      expectObservable(source.pipe(mapConcurrent((key: 'a' | 'b') => inner[key], { concurrency: 2, ordered: false }))).toBe(
        '---B(A|)',
      );
    });
  });

  it('emits one value per input by the task value rule: an Observable gives its last emission', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('a|').pipe(mapConcurrent(() => of(1, 2, 3), 1))).toBe('r|', { r: 3 });
    });
  });

  it('gives the project the value, its index and the shared signal', async () => {
    const calls: [string, number, boolean][] = [];
    await lastValueFrom(
      from(['x', 'y']).pipe(
        mapConcurrent((value: string, index: number, signal: AbortSignal) => {
          calls.push([value, index, signal instanceof AbortSignal]);
          return value;
        }, 1),
        toArray(),
      ),
    );
    expect(calls).toEqual([
      ['x', 0, true],
      ['y', 1, true],
    ]);
  });

  it('completes at once on an empty source, and never on a source that never ends', () => {
    testScheduler().run(({ expectObservable }) => {
      expectObservable(EMPTY.pipe(mapConcurrent((x: number) => x, 1))).toBe('|');
      expectObservable(NEVER.pipe(mapConcurrent((x: number) => x, 1))).toBe('-');
    });
  });

  it('completes only once the source completed and every project finished', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      expectObservable(hot('a|').pipe(mapConcurrent(() => cold('---r|'), 1))).toBe('----(r|)');
    });
  });

  it('a source error cancels all in-flight work and errors downstream (marbles)', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const inner = cold('-----r|');
      expectObservable(hot('a-#').pipe(mapConcurrent(() => inner, 2))).toBe('--#');
      expectSubscriptions(inner.subscriptions).toBe('^-!');
    });
  });

  it('a failing project cancels the others, aborting their signal with the error', async () => {
    const boom = new Error('boom');
    const signals: AbortSignal[] = [];
    const hold = deferred();
    const result = lastValueFrom(
      from([0, 1]).pipe(
        mapConcurrent((n: number, _i: number, signal: AbortSignal) => {
          signals.push(signal);
          if (n === 1) return Promise.reject(boom);
          return hold.promise;
        }, 2),
      ),
    );
    await expect(result).rejects.toBe(boom);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toBe(boom);
    hold.resolve();
  });

  it('a project that throws synchronously errors downstream', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const project = (): never => {
        throw new Error('sync');
      };
      expectObservable(hot('-a').pipe(mapConcurrent(project, 1))).toBe('-#', undefined, new Error('sync'));
    });
  });

  it('unsubscribing unsubscribes inner observables and the source (marbles)', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('ab---|');
      const inner = cold('------r|');
      expectObservable(source.pipe(mapConcurrent(() => inner, 5)), '^--!').toBe('---');
      expectSubscriptions(source.subscriptions).toBe('^--!');
      expectSubscriptions(inner.subscriptions).toBe(['^--!', '-^-!']);
    });
  });

  it('unsubscribing aborts the signal of every project in flight', () => {
    let seen: AbortSignal | undefined;
    const subscription = of(1)
      .pipe(mapConcurrent((_v: number, _i: number, signal: AbortSignal) => ((seen = signal), NEVER), 1))
      .subscribe();
    subscription.unsubscribe();
    expect(seen?.aborted).toBe(true);
  });

  it('a synchronous source through take(2) stops pulling and cleans up', () => {
    const project = jest.fn((x: number) => x * 10);
    const values: number[] = [];
    from([1, 2, 3, 4, 5])
      .pipe(mapConcurrent(project, 2), take(2))
      .subscribe((v) => values.push(v));
    expect(values).toEqual([10, 20]);
    expect(project).toHaveBeenCalledTimes(2);
  });

  it('queues a fast synchronous source without losing or reordering values', async () => {
    const values = await lastValueFrom(
      from(Array.from({ length: 5000 }, (_, i) => i)).pipe(
        mapConcurrent(async (x: number) => x, 16),
        toArray(),
      ),
    );
    expect(values).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('never has more than `concurrency` projects in flight, however fast the source', async () => {
    const source = new Subject<number>();
    let inFlight = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const done = lastValueFrom(
      source.pipe(
        mapConcurrent(
          (x: number) =>
            new Promise<number>((resolve) => {
              peak = Math.max(peak, ++inFlight);
              gates.push(() => (inFlight--, resolve(x)));
            }),
          3,
        ),
        toArray(),
      ),
    );
    for (let i = 0; i < 10; i++) source.next(i);
    source.complete();
    while (gates.length > 0) {
      gates.shift()!();
      await flushMicrotasks();
    }
    expect(await done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });

  it('takes a limiter slot per project', async () => {
    const limiter = createLimiter(1);
    let peak = 0;
    await lastValueFrom(
      from([1, 2, 3]).pipe(
        mapConcurrent(async () => ((peak = Math.max(peak, limiter.running)), await flushMicrotasks()), { concurrency: 3, limiter }),
        toArray(),
      ),
    );
    expect(peak).toBe(1);
    expect(limiter.running).toBe(0);
  });

  it('refuses bad input at the call, not on subscribe', () => {
    expect(() => mapConcurrent('x' as never, 1)).toThrow(new TypeError('mapConcurrent(project, options): project must be a function, got "x"'));
    expect(() => mapConcurrent((x) => x, 0)).toThrow(new RangeError('mapConcurrent(project, options): concurrency must be an integer >= 1 or Infinity, got 0'));
    expect(() => mapConcurrent((x) => x, 2.5)).toThrow(RangeError);
    expect(() => mapConcurrent((x) => x, { concurrency: -1 })).toThrow('options.concurrency must be an integer >= 1 or Infinity, got -1');
    expect(() => mapConcurrent((x) => x, { ordered: 1 as never })).toThrow('options.ordered must be a boolean, got 1');
    expect(() => mapConcurrent((x) => x, undefined as never)).toThrow('options must be a concurrency number or an options object, got undefined');
  });
});
