import { lastValueFrom, NEVER, take, toArray } from 'rxjs';
import { mapConcurrentFrom } from '../operators/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';
import { testScheduler } from './support/marbles.js';

/** An infinite sync iterable that counts what was pulled and whether return() was called. */
function countingIterable() {
  const stats = { pulled: 0, returned: 0 };
  const iterable: Iterable<number> = {
    [Symbol.iterator]: () => ({
      next: () => ({ done: false, value: stats.pulled++ }),
      return: () => (stats.returned++, { done: true, value: undefined }),
    }),
  };
  return { iterable, stats };
}

describe('mapConcurrentFrom', () => {
  it('maps a sync iterable in order with bounded concurrency (marbles)', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const inner = [cold('---a|'), cold('-b|'), cold('-c|')];
      expectObservable(mapConcurrentFrom([0, 1, 2], (i: number) => inner[i]!, 2)).toBe('----(abc|)');
    });
  });

  it('pulls the next item only when a slot is free: a million-item input is never buffered', () => {
    const { iterable, stats } = countingIterable();
    const subscription = mapConcurrentFrom(iterable, () => NEVER, 8).subscribe();
    expect(stats.pulled).toBe(8);
    subscription.unsubscribe();
    expect(stats.returned).toBe(1);
  });

  it('in ordered mode, finished results waiting for a slow one stay bounded', () => {
    const { iterable, stats } = countingIterable();
    // item 0 never finishes; every other item finishes at once
    const subscription = mapConcurrentFrom(iterable, (i: number) => (i === 0 ? NEVER : i), 4).subscribe();
    expect(stats.pulled).toBe(8); // 2 x concurrency ahead of the oldest unemitted result
    subscription.unsubscribe();
  });

  it('in unordered mode, keeps pulling while results flow', () => {
    const values: number[] = [];
    mapConcurrentFrom([0, 1, 2, 3, 4], (i: number) => (i === 0 ? NEVER : i), { concurrency: 2, ordered: false }).subscribe((v) =>
      values.push(v),
    );
    expect(values).toEqual([1, 2, 3, 4]);
  });

  it('calls return() on early completion through take(5), with a sync project', () => {
    const { iterable, stats } = countingIterable();
    const values: number[] = [];
    mapConcurrentFrom(iterable, (x: number) => x * 2, 3)
      .pipe(take(5))
      .subscribe((v) => values.push(v));
    expect(values).toEqual([0, 2, 4, 6, 8]);
    expect(stats.returned).toBe(1);
    expect(stats.pulled).toBeLessThanOrEqual(5 + 3);
  });

  it("runs a generator's finally block on unsubscribe", () => {
    const cleanup = jest.fn();
    function* numbers() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        cleanup();
      }
    }
    mapConcurrentFrom(numbers(), () => NEVER, 2).subscribe().unsubscribe();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it('calls return() when a project fails, and not when the input was exhausted', async () => {
    const failing = countingIterable();
    await expect(
      lastValueFrom(
        mapConcurrentFrom(
          failing.iterable,
          (i: number) => {
            if (i === 3) throw new Error('project failed');
            return i;
          },
          2,
        ),
      ),
    ).rejects.toThrow('project failed');
    expect(failing.stats.returned).toBe(1);

    const returned = jest.fn();
    const finite: Iterable<number> = {
      [Symbol.iterator]: () => {
        let i = 0;
        return { next: () => (i < 3 ? { done: false, value: i++ } : { done: true, value: undefined }), return: returned };
      },
    };
    expect(await lastValueFrom(mapConcurrentFrom(finite, (x: number) => x, 2).pipe(toArray()))).toEqual([0, 1, 2]);
    expect(returned).not.toHaveBeenCalled();
  });

  it('errors when the iterator throws, and cancels work in flight', async () => {
    let signal: AbortSignal | undefined;
    const hold = deferred();
    const iterable: Iterable<number> = {
      [Symbol.iterator]: () => {
        let i = 0;
        return {
          next: () => {
            if (i === 1) throw new Error('iterator broke');
            return { done: false, value: i++ };
          },
        };
      },
    };
    const result = lastValueFrom(mapConcurrentFrom(iterable, (_x: number, _i: number, s: AbortSignal) => ((signal = s), hold.promise), 4));
    await expect(result).rejects.toThrow('iterator broke');
    expect(signal?.aborted).toBe(true);
    hold.resolve();
  });

  describe('async iterables', () => {
    it('maps them in order, with never more than one next() in flight', async () => {
      let inNext = 0;
      let peakNext = 0;
      const source: AsyncIterable<number> = {
        [Symbol.asyncIterator]: () => {
          let i = 0;
          return {
            next: async () => {
              peakNext = Math.max(peakNext, ++inNext);
              await flushMicrotasks();
              inNext--;
              return i < 6 ? { done: false, value: i++ } : { done: true, value: undefined };
            },
          };
        },
      };
      const values = await lastValueFrom(mapConcurrentFrom(source, async (x: number) => x * x, 3).pipe(toArray()));
      expect(values).toEqual([0, 1, 4, 9, 16, 25]);
      expect(peakNext).toBe(1);
    });

    it('pull lazily: an endless async generator is read only as far as slots allow', async () => {
      let pulled = 0;
      async function* endless() {
        for (;;) {
          pulled++;
          yield pulled;
        }
      }
      const subscription = mapConcurrentFrom(endless(), () => NEVER, 4).subscribe();
      await flushMicrotasks();
      await flushMicrotasks();
      expect(pulled).toBe(4);
      subscription.unsubscribe();
    });

    it('calls return() on unsubscribe, so an async generator runs its finally', async () => {
      const cleanup = jest.fn();
      async function* endless() {
        try {
          for (let i = 0; ; i++) yield i;
        } finally {
          cleanup();
        }
      }
      const values = await lastValueFrom(mapConcurrentFrom(endless(), (x: number) => x, 2).pipe(take(3), toArray()));
      expect(values).toEqual([0, 1, 2]);
      await flushMicrotasks();
      expect(cleanup).toHaveBeenCalledTimes(1);
    });

    it('errors when next() rejects', async () => {
      const source: AsyncIterable<number> = {
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('next failed')) }),
      };
      await expect(lastValueFrom(mapConcurrentFrom(source, (x: number) => x, 2))).rejects.toThrow('next failed');
    });

    it('leaves no unhandled rejection when return() rejects', async () => {
      const source: AsyncIterable<number> = {
        [Symbol.asyncIterator]: () => ({
          next: async () => ({ done: false, value: 1 }),
          return: () => Promise.reject(new Error('return failed')),
        }),
      };
      const subscription = mapConcurrentFrom(source, () => NEVER, 1).subscribe();
      await flushMicrotasks();
      subscription.unsubscribe();
      await flushMicrotasks();
    });
  });

  it('asks the iterable for a fresh iterator on each subscription', async () => {
    const squares = mapConcurrentFrom([1, 2, 3], (x: number) => x * x, 2).pipe(toArray());
    expect(await lastValueFrom(squares)).toEqual([1, 4, 9]);
    expect(await lastValueFrom(squares)).toEqual([1, 4, 9]);
  });

  it('completes at once on an empty iterable', () => {
    testScheduler().run(({ expectObservable }) => {
      expectObservable(mapConcurrentFrom([], (x: number) => x, 1)).toBe('|');
    });
  });

  it('refuses bad input at the call', () => {
    expect(() => mapConcurrentFrom(5 as never, (x) => x, 1)).toThrow(
      new TypeError('mapConcurrentFrom(input, project, options): input must be an Iterable or an AsyncIterable, got 5'),
    );
    expect(() => mapConcurrentFrom(null as never, (x) => x, 1)).toThrow('input must be an Iterable or an AsyncIterable, got null');
    expect(() => mapConcurrentFrom([1], 'f' as never, 1)).toThrow('mapConcurrentFrom(input, project, options): project must be a function, got "f"');
    expect(() => mapConcurrentFrom([1], (x) => x, NaN)).toThrow(RangeError);
  });
});
