import { EmptyError, firstValueFrom, map, NEVER, Observable, of, Subject, take, takeUntil, throwError, timer } from 'rxjs';
import { createLimiter } from '../src/index.js';
import { gather } from '../operators/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';
import { testScheduler } from './support/marbles.js';
import { observableProbe, useFakeTime } from './support/probes.js';

describe('gather', () => {
  it('starts nothing before subscribe, and everything afresh on each subscription', async () => {
    const thunk = jest.fn(async () => 1);
    const gathered = gather([thunk, thunk]);
    expect(thunk).not.toHaveBeenCalled();
    expect(await firstValueFrom(gathered)).toEqual([1, 1]);
    expect(await firstValueFrom(gathered)).toEqual([1, 1]);
    expect(thunk).toHaveBeenCalledTimes(4);
  });

  it('emits a tuple in input order once all are done, then completes (marbles)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('----a|', { a: 'A' });
      const b = cold('-b-c|', { b: 'x', c: 'C' });
      expectObservable(gather([a, b])).toBe('-----(r|)', { r: ['A', 'C'] });
      expectSubscriptions(a.subscriptions).toBe('^----!');
      expectSubscriptions(b.subscriptions).toBe('^---!');
    });
  });

  it('emits a record with the same keys', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(gather({ x: cold('-1|'), y: cold('--2|') })).toBe('---(r|)', { r: { x: '1', y: '2' } });
    });
  });

  it('emits [] and {} at once for empty inputs', () => {
    testScheduler().run(({ expectObservable }) => {
      expectObservable(gather([])).toBe('(r|)', { r: [] });
      expectObservable(gather({})).toBe('(r|)', { r: {} });
    });
  });

  it('fails with EmptyError when an input completes without a value', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(gather([cold('--|'), cold('----a|')])).toBe('--#', undefined, new EmptyError());
    });
  });

  it('the first failure cancels every other input at once and is emitted unwrapped (marbles)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const slow = cold('------a|');
      const failing = cold('---#', undefined, new Error('boom'));
      expectObservable(gather([slow, failing])).toBe('---#', undefined, new Error('boom'));
      expectSubscriptions(slow.subscriptions).toBe('^--!');
    });
  });

  it('aborts the signal of function inputs with the failure as reason', async () => {
    const boom = new Error('boom');
    let seen: AbortSignal | undefined;
    const hold = deferred();
    const result = firstValueFrom(
      gather([
        (signal: AbortSignal) => {
          seen = signal;
          return hold.promise;
        },
        async () => {
          throw boom;
        },
      ]),
    );
    await expect(result).rejects.toBe(boom);
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBe(boom);
    hold.resolve();
  });

  it('settled: true never fails because of an input and says how each ended', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const boom = new Error('boom');
      expectObservable(gather([cold('-a|'), cold('--#', undefined, boom), cold('|')], { settled: true })).toBe('--(r|)', {
        r: [
          { status: 'fulfilled', value: 'a' },
          { status: 'rejected', reason: boom },
          { status: 'rejected', reason: new EmptyError() },
        ],
      });
    });
  });

  it('settled: true on a record', async () => {
    const result = await firstValueFrom(gather({ ok: () => 1, bad: () => throwError(() => 'no') }, { settled: true }));
    expect(result).toEqual({ ok: { status: 'fulfilled', value: 1 }, bad: { status: 'rejected', reason: 'no' } });
  });

  it('concurrency: n keeps n in flight, started in input order as slots free (marbles)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('---a|');
      const b = cold('-b|');
      const c = cold('--c|');
      expectObservable(gather([a, b, c], { concurrency: 2 })).toBe('-----(r|)', { r: ['a', 'b', 'c'] });
      expectSubscriptions(a.subscriptions).toBe('^---!');
      expectSubscriptions(b.subscriptions).toBe('^-!');
      expectSubscriptions(c.subscriptions).toBe('--^--!');
    });
  });

  it('a limiter bounds the inputs too, and its slots come back', async () => {
    // a waiting input starts a promise job after its slot frees (in the async context it was
    // queued in), so this runs on fake timers rather than in TestScheduler's synchronous time
    useFakeTime();
    try {
      const limiter = createLimiter(1);
      const b = observableProbe<string>();
      const values: unknown[] = [];
      gather([timer(10).pipe(map(() => 'a')), b.observable], { limiter }).subscribe((v) => values.push(v));
      expect([limiter.running, limiter.pending, b.subscribed]).toEqual([1, 1, 0]);
      await jest.advanceTimersByTimeAsync(10); // a ends: b gets the slot, and starts
      expect([limiter.running, limiter.pending, b.subscribed]).toEqual([1, 0, 1]);
      b.next('b');
      b.complete();
      expect(values).toEqual([['a', 'b']]);
      expect([limiter.running, limiter.pending]).toEqual([0, 0]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('unsubscribing cancels everything in flight (marbles)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-----a|');
      const b = cold('-------b|');
      expectObservable(gather([a, b]), '^--!').toBe('---');
      expectSubscriptions(a.subscriptions).toBe('^--!');
      expectSubscriptions(b.subscriptions).toBe('^--!');
    });
  });

  it('unsubscribing aborts function inputs and leaves queued ones unstarted', async () => {
    let seen: AbortSignal | undefined;
    const later = jest.fn(() => 1);
    const subscription = gather(
      [
        (signal: AbortSignal) => {
          seen = signal;
          return NEVER;
        },
        later,
      ],
      { concurrency: 1 },
    ).subscribe();
    subscription.unsubscribe();
    expect(seen?.aborted).toBe(true);
    expect((seen?.reason as Error).name).toBe('AbortError');
    expect(later).not.toHaveBeenCalled();
  });

  it('never emits while an input never ends', () => {
    testScheduler().run(({ expectObservable }) => {
      expectObservable(gather([NEVER, of(1)])).toBe('-');
    });
  });

  it('works through take(1) with synchronous inputs', () => {
    const values: unknown[] = [];
    gather([of(1, 2), () => 3, () => [4]])
      .pipe(take(1))
      .subscribe((v) => values.push(v));
    expect(values).toEqual([[2, 3, [4]]]);
  });

  it('awaits a promise passed directly, once per subscription, without restarting it', async () => {
    const promise = Promise.resolve('p');
    const gathered = gather([promise]);
    expect(await firstValueFrom(gathered)).toEqual(['p']);
    expect(await firstValueFrom(gathered)).toEqual(['p']);
  });

  it('takes a snapshot of the inputs array', async () => {
    const inputs: (() => number)[] = [() => 1];
    const gathered = gather(inputs);
    inputs.push(() => 2);
    expect(await firstValueFrom(gathered)).toEqual([1]);
  });

  it('a thunk that throws synchronously is that input failure', async () => {
    await expect(
      firstValueFrom(
        gather([
          () => {
            throw new Error('sync');
          },
        ]),
      ),
    ).rejects.toThrow('sync');
  });

  it('a promise input that settles after unsubscribe reports nothing and leaves nothing unhandled', async () => {
    const hold = deferred<number>();
    const next = jest.fn();
    const subscription = gather([() => hold.promise]).subscribe({ next, error: next });
    subscription.unsubscribe();
    hold.reject(new Error('late'));
    await flushMicrotasks();
    expect(next).not.toHaveBeenCalled();
  });

  it('refuses bad input at the call', () => {
    expect(() => gather(5 as never)).toThrow(new TypeError('gather(inputs, options): inputs must be an array or a record of task inputs, got 5'));
    expect(() => gather(new Set() as never)).toThrow('inputs must be an array or a record of task inputs, got [object Set]');
    expect(() => gather([of(1), 2] as never)).toThrow(
      new TypeError('gather(inputs, options): inputs[1] must be an Observable, a PromiseLike or a function of an AbortSignal, got 2'),
    );
    expect(() => gather({ user: 'x' } as never)).toThrow('inputs.user must be an Observable, a PromiseLike or a function of an AbortSignal, got "x"');
    expect(() => gather([], { concurrency: 0 })).toThrow(new RangeError('gather(inputs, options): options.concurrency must be an integer >= 1 or Infinity, got 0'));
    expect(() => gather([], { settled: 'yes' as never })).toThrow(TypeError);
    expect(() => gather([], { limiter: {} as never })).toThrow('options.limiter must be a Limiter: an object with an acquire(signal) method, got [object Object] (acquire is missing)');
    expect(() => gather([], 3 as never)).toThrow('gather(inputs, options): options must be an object or undefined, got 3');
  });

  it('accepts interop observables', async () => {
    const { observable } = await import('rxjs');
    const foreign = { [observable]: () => of('i') } as unknown as Observable<string>;
    expect(await firstValueFrom(gather([foreign]))).toEqual(['i']);
  });

  // Inputs that all return native promises are followed by one Promise.all (Runner.launchAll);
  // the first input that returns anything else turns the batch back into inputs followed one by one.
  describe('when the inputs return native promises (one Promise.all follows them)', () => {
    it('an Observable or a plain value among them keeps its place and its cancellation', async () => {
      const fail = deferred<never>();
      const probe = observableProbe<string>();
      const gathered = firstValueFrom(gather([async () => 'a', () => probe.observable, () => 'c', () => fail.promise, async () => 'e']));
      expect(probe.subscribed).toBe(1);
      fail.reject(new Error('late failure'));
      await expect(gathered).rejects.toThrow('late failure');
      expect(probe.tornDown).toBe(1); // the Observable after the batch was cancelled

      const probe2 = observableProbe<string>();
      const values = firstValueFrom(gather([async () => 'a', () => probe2.observable, () => 'c', async () => 'd']));
      probe2.next('b');
      probe2.complete();
      expect(await values).toEqual(['a', 'b', 'c', 'd']);
    });

    it('an input that throws after some returned promises is the failure: their signals abort with it, and their echoes go unreported', async () => {
      const sync = new Error('sync');
      const signals: AbortSignal[] = [];
      const echo = (signal: AbortSignal): Promise<never> => {
        signals.push(signal);
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted by its own client'))));
      };
      const later = jest.fn(async () => 1);
      const next = jest.fn();
      await expect(
        firstValueFrom(
          gather([echo, echo, () => {
            throw sync;
          }, later]).pipe(map((v) => (next(v), v))),
        ),
      ).rejects.toBe(sync);
      expect(signals).toHaveLength(2);
      expect(signals.every((signal) => signal.aborted && signal.reason === sync)).toBe(true);
      await flushMicrotasks(); // the echoes settle: nothing emitted, nothing unhandled
      expect(next).not.toHaveBeenCalled();
      expect(later).not.toHaveBeenCalled(); // the failure came before its turn
    });

    it('the first rejection aborts the rest with it; later rejections are not reported', async () => {
      const first = new Error('first');
      const second = deferred<never>();
      let seen: AbortSignal | undefined;
      const gathered = firstValueFrom(
        gather([
          (signal: AbortSignal) => {
            seen = signal;
            return second.promise;
          },
          async () => {
            throw first;
          },
        ]),
      );
      await expect(gathered).rejects.toBe(first);
      expect(seen?.reason).toBe(first);
      second.reject(new Error('second'));
      await flushMicrotasks();
    });

    it('unsubscribing aborts them; what they settle with afterwards is neither emitted nor unhandled', async () => {
      const holds = [deferred<number>(), deferred<number>()];
      const signals: AbortSignal[] = [];
      const next = jest.fn();
      const subscription = gather(holds.map((hold) => (signal: AbortSignal) => (signals.push(signal), hold.promise))).subscribe({ next, error: next });
      subscription.unsubscribe();
      expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
      holds[0]!.resolve(1);
      holds[1]!.reject(new Error('late'));
      await flushMicrotasks();
      expect(next).not.toHaveBeenCalled();
    });

    it('an input that makes the subscriber leave while it is called: the inputs after it are never called', async () => {
      const stop = new Subject<void>();
      const later = jest.fn(async () => 2);
      const next = jest.fn();
      let first: AbortSignal | undefined;
      gather([
        async (signal: AbortSignal) => {
          first = signal;
          return 0;
        },
        () => {
          stop.next();
          return Promise.resolve(1);
        },
        later,
      ])
        .pipe(takeUntil(stop))
        .subscribe({ next, error: next });
      expect(later).not.toHaveBeenCalled();
      expect(first?.aborted).toBe(true);
      await flushMicrotasks();
      expect(next).not.toHaveBeenCalled();
    });

    it('a record of them emits under its keys', async () => {
      expect(await firstValueFrom(gather({ x: async () => 1, y: Promise.resolve(2) }))).toEqual({ x: 1, y: 2 });
    });

    it('100,000 of them emit their values in order', async () => {
      const n = 100_000;
      const values = await firstValueFrom(gather(Array.from({ length: n }, (_, i) => async () => i)));
      expect(values).toHaveLength(n);
      expect(values.every((value, i) => value === i)).toBe(true);
    });
  });
});
