import { NEVER, Subject } from 'rxjs';
import { mapExhaust } from '../operators/index.js';
import type { Progress } from '../src/index.js';
import { deferred, flushMicrotasks, type Deferred } from './support/deferred.js';
import { testScheduler } from './support/marbles.js';
import { observableProbe } from './support/probes.js';

describe('mapExhaust', () => {
  it('ignores values that arrive while a project runs (marbles)', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const inner = cold('--X|');
      const result = hot('ab--c---|').pipe(mapExhaust(() => inner));
      expectObservable(result).toBe('---X---X|');
      expectSubscriptions(inner.subscriptions).toBe(['^--!', '----^--!']);
    });
  });

  it('completes once the source has completed and the project in flight has finished (marbles)', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      expectObservable(hot('a|').pipe(mapExhaust(() => cold('---r|')))).toBe('----(r|)');
      expectObservable(NEVER.pipe(mapExhaust((x: number) => x))).toBe('-');
    });
  });

  it('a source error cancels the project in flight and errors the output (marbles)', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const inner = cold('-----r|');
      expectObservable(hot('a-#').pipe(mapExhaust(() => inner))).toBe('--#');
      expectSubscriptions(inner.subscriptions).toBe('^-!');
    });
  });

  it('the "Save" button pressed five times saves once, then again once it has finished', async () => {
    const clicks = new Subject<string>();
    const saves: { draft: string; index: number; done: Deferred<string> }[] = [];
    const saved: string[] = [];
    clicks
      .pipe(
        mapExhaust((draft: string, index: number) => {
          const done = deferred<string>();
          saves.push({ draft, index, done });
          return done.promise;
        }),
      )
      .subscribe((value) => saved.push(value));
    for (const draft of ['v1', 'v2', 'v3', 'v4', 'v5']) clicks.next(draft);
    expect(saves.map((save) => save.draft)).toEqual(['v1']);
    saves[0].done.resolve('saved v1');
    await flushMicrotasks();
    clicks.next('v6');
    expect(saves.map((save) => [save.draft, save.index])).toEqual([
      ['v1', 0],
      ['v6', 1], // the index counts the values projected, as exhaustMap's does
    ]);
    saves[1].done.resolve('saved v6');
    await flushMicrotasks();
    expect(saved).toEqual(['saved v1', 'saved v6']);
  });

  it('a failure of the project errors the output and aborts its signal with the error', async () => {
    const boom = new Error('boom');
    let signal: AbortSignal | undefined;
    let error: unknown;
    const source = new Subject<number>();
    source
      .pipe(
        mapExhaust(async (_v: number, _i: number, s: AbortSignal) => {
          signal = s;
          throw boom;
        }),
      )
      .subscribe({ error: (e: unknown) => (error = e) });
    source.next(1);
    await flushMicrotasks();
    expect(error).toBe(boom);
    expect(signal?.reason).toBe(boom);
    expect(source.observed).toBe(false);
  });

  it('unsubscribing aborts the running project, unsubscribes its Observable, and its rejection is an echo', async () => {
    const source = new Subject<number>();
    const probe = observableProbe<number>();
    const answer = deferred<number>();
    let signals: AbortSignal[] = [];
    let error: unknown;
    const project = (value: number, _i: number, signal: AbortSignal) => {
      signals.push(signal);
      return value === 0 ? probe.observable : answer.promise;
    };
    const first = source.pipe(mapExhaust(project)).subscribe({ error: (e: unknown) => (error = e) });
    source.next(0);
    expect(probe.subscribed).toBe(1);
    first.unsubscribe();
    expect(probe.tornDown).toBe(1);
    expect(signals[0].reason).toMatchObject({ name: 'AbortError' });

    signals = [];
    const second = source.pipe(mapExhaust(project)).subscribe({ error: (e: unknown) => (error = e) });
    source.next(1);
    second.unsubscribe();
    expect(signals[0].aborted).toBe(true);
    answer.reject(signals[0].reason);
    await flushMicrotasks();
    expect(error).toBeUndefined();
  });

  it('does not count ignored values in `progress`', async () => {
    const snapshots: Progress[] = [];
    const source = new Subject<number>();
    const answer = deferred<number>();
    source.pipe(mapExhaust(() => answer.promise, { progress: (p) => snapshots.push(p) })).subscribe();
    source.next(1);
    source.next(2);
    source.next(3);
    answer.resolve(1);
    await flushMicrotasks();
    expect(snapshots.at(-1)).toEqual({ total: 1, queued: 0, running: 0, fulfilled: 1, failed: 0, cancelled: 0 });
  });

  it('refuses a bad project or option at the call, naming it and echoing the value', () => {
    expect(() => mapExhaust(null as never)).toThrow(new TypeError('mapExhaust(project, options): project must be a function, got null'));
    expect(() => mapExhaust(() => 1, { concurrency: 2 } as never)).toThrow(
      new TypeError("mapExhaust(project, options): options has no key 'concurrency' (known keys: progress)"),
    );
  });
});
