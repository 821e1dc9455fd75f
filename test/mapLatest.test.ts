import { EMPTY, lastValueFrom, NEVER, of, Subject, toArray, type Observable } from 'rxjs';
import { mapLatest } from '../operators/index.js';
import type { Progress } from '../src/index.js';
import { deferred, flushMicrotasks, type Deferred } from './support/deferred.js';
import { testScheduler } from './support/marbles.js';
import { captureUnhandled, observableProbe } from './support/probes.js';

/** Collects what an Observable sends, to assert on it while the test drives the source. */
function record<T>(observable: Observable<T>) {
  const log: { values: T[]; error?: unknown; completed: boolean } = { values: [], completed: false };
  const subscription = observable.subscribe({
    next: (value) => log.values.push(value),
    error: (error: unknown) => (log.error = error),
    complete: () => (log.completed = true),
  });
  return { log, subscription };
}

describe('mapLatest', () => {
  it('a new value unsubscribes the previous Observable project and drops its result (marbles)', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const inner = { a: cold('---A|'), b: cold('--B|') };
      const result = hot<'a' | 'b'>('a-b---|').pipe(mapLatest((key: 'a' | 'b') => inner[key]));
      expectObservable(result).toBe('-----B|');
      expectSubscriptions(inner.a.subscriptions).toBe('^-!');
      expectSubscriptions(inner.b.subscriptions).toBe('--^--!');
    });
  });

  it('completes once the source has completed and the last project finished (marbles)', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      expectObservable(hot('a|').pipe(mapLatest(() => cold('---r|')))).toBe('----(r|)');
      expectObservable(EMPTY.pipe(mapLatest((x: number) => x))).toBe('|');
      expectObservable(NEVER.pipe(mapLatest((x: number) => x))).toBe('-');
    });
  });

  it('a source error cancels the project in flight and errors the output (marbles)', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const inner = cold('-----r|');
      expectObservable(hot('a-#').pipe(mapLatest(() => inner))).toBe('--#');
      expectSubscriptions(inner.subscriptions).toBe('^-!');
    });
  });

  it('emits one value per project by the task value rule: an Observable gives its last emission', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('a|').pipe(mapLatest(() => of(1, 2, 3)))).toBe('r|', { r: 3 });
    });
  });

  it('aborts the superseded promise project\'s own signal, and its rejection is an echo', async () => {
    const source = new Subject<number>();
    const calls: { index: number; signal: AbortSignal; answer: Deferred<string> }[] = [];
    const { log } = record(
      source.pipe(
        mapLatest((_value: number, index: number, signal: AbortSignal) => {
          const answer = deferred<string>();
          calls.push({ index, signal, answer });
          return answer.promise;
        }),
      ),
    );
    source.next(1);
    source.next(2);
    expect(calls.map((call) => call.index)).toEqual([0, 1]);
    expect(calls[0].signal.aborted).toBe(true);
    expect(calls[0].signal.reason).toMatchObject({ name: 'AbortError', message: 'mapLatest: superseded by a newer source value' });
    expect(calls[1].signal.aborted).toBe(false);
    expect(calls[0].signal).not.toBe(calls[1].signal); // each project has its own signal
    calls[0].answer.reject(calls[0].signal.reason); // what fetch does when aborted
    calls[1].answer.resolve('second');
    await flushMicrotasks();
    expect(log).toEqual({ values: ['second'], completed: false });
  });

  it('drops a superseded project\'s late success, and a rejection of its own kind (axios\'s CanceledError) goes nowhere', async () => {
    const source = new Subject<string>();
    const answers: Deferred<string>[] = [];
    const { log } = record(
      source.pipe(
        mapLatest(() => {
          const answer = deferred<string>();
          answers.push(answer);
          return answer.promise;
        }),
      ),
    );
    source.next('a');
    source.next('b');
    source.next('c');
    answers[0].resolve('late a'); // finished anyway: dropped
    answers[1].reject(new Error('request cancelled')); // a wrapper's own error: an echo
    await flushMicrotasks();
    expect(log).toEqual({ values: [], completed: false });
    answers[2].resolve('c');
    source.complete();
    await flushMicrotasks();
    expect(log).toEqual({ values: ['c'], completed: true });
  });

  it('a failure of the current project errors the output and aborts its signal with the error', async () => {
    const boom = new Error('boom');
    const signals: AbortSignal[] = [];
    const source = new Subject<number>();
    const { log } = record(
      source.pipe(
        mapLatest(async (_value: number, _index: number, signal: AbortSignal) => {
          signals.push(signal);
          throw boom;
        }),
      ),
    );
    source.next(1);
    await flushMicrotasks();
    expect(log.error).toBe(boom);
    expect(signals[0].reason).toBe(boom);
    expect(source.observed).toBe(false);
  });

  it('a project that throws synchronously errors the output at once', () => {
    const boom = new Error('sync');
    const { log } = record(of(1).pipe(mapLatest(() => {
      throw boom;
    })));
    expect(log.error).toBe(boom);
  });

  it('unsubscribing aborts the project in flight and unsubscribes its Observable', () => {
    const probe = observableProbe<number>();
    let signal: AbortSignal | undefined;
    const source = new Subject<number>();
    const second = record(source.pipe(mapLatest((_v: number, _i: number, s: AbortSignal) => ((signal = s), probe.observable))));
    source.next(1);
    expect(probe.subscribed).toBe(1);
    second.subscription.unsubscribe();
    expect(probe.tornDown).toBe(1);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toMatchObject({ name: 'AbortError', message: 'The subscriber unsubscribed' });
    expect(source.observed).toBe(false);
  });

  it('a value pushed by the project itself supersedes it before its Observable is ever subscribed', () => {
    const source = new Subject<number>();
    const probes = [observableProbe<string>(), observableProbe<string>()];
    const seen: number[] = [];
    record(
      source.pipe(
        mapLatest((value: number) => {
          seen.push(value);
          if (value === 0) source.next(1); // re-entrant: supersedes this very project
          return probes[value].observable;
        }),
      ),
    );
    source.next(0);
    expect(seen).toEqual([0, 1]);
    expect(probes[0].subscribed).toBe(0);
    expect(probes[1].subscribed).toBe(1);
  });

  it('a superseded promise that rejects after a re-entrant push is never unhandled', async () => {
    const source = new Subject<number>();
    const unhandled = captureUnhandled();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      record(
        source.pipe(
          mapLatest((value: number) => {
            if (value === 0) {
              source.next(1);
              return Promise.reject(new Error('superseded while it ran'));
            }
            return 'one';
          }),
        ),
      );
      source.next(0);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(rejections).toEqual([]);
      expect(unhandled.errors).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      unhandled.restore();
    }
  });

  it('counts a superseded project as cancelled when `progress` is given, and completes the observer', async () => {
    const snapshots: Progress[] = [];
    let completed = false;
    const source = new Subject<number>();
    const answers: Deferred<number>[] = [];
    record(
      source.pipe(
        mapLatest(
          () => {
            const answer = deferred<number>();
            answers.push(answer);
            return answer.promise;
          },
          { progress: { next: (p) => snapshots.push(p), complete: () => (completed = true) } },
        ),
      ),
    );
    source.next(1);
    source.next(2);
    answers[1].resolve(2);
    source.complete();
    await flushMicrotasks();
    expect(snapshots.at(-1)).toEqual({ total: 2, queued: 0, running: 0, fulfilled: 1, failed: 0, cancelled: 1 });
    expect(completed).toBe(true);
  });

  it('gives the project the value and its index, counting every source value', async () => {
    const calls: [string, number][] = [];
    const values = await lastValueFrom(
      of('x', 'y', 'z').pipe(
        mapLatest((value: string, index: number) => {
          calls.push([value, index]);
          return value.toUpperCase();
        }),
        toArray(),
      ),
    );
    expect(calls).toEqual([
      ['x', 0],
      ['y', 1],
      ['z', 2],
    ]);
    expect(values).toEqual(['X', 'Y', 'Z']); // plain values settle at once: nothing is superseded
  });

  it('refuses a bad project or option at the call, naming it and echoing the value', () => {
    expect(() => mapLatest(42 as never)).toThrow(new TypeError('mapLatest(project, options): project must be a function, got 42'));
    expect(() => mapLatest(() => 1, 'fast' as never)).toThrow(
      new TypeError('mapLatest(project, options): options must be an object or undefined, got "fast"'),
    );
    expect(() => mapLatest(() => 1, { progres: () => undefined } as never)).toThrow(
      new TypeError("mapLatest(project, options): options has no key 'progres': did you mean 'progress'? (known keys: progress)"),
    );
    expect(() => mapLatest(() => 1, { progress: 3 } as never)).toThrow(
      new TypeError('mapLatest(project, options): options.progress must be a function or an Observer of Progress, got 3'),
    );
  });
});
