import { firstValueFrom, NEVER, of } from 'rxjs';
import { firstWins } from '../operators/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';
import { testScheduler } from './support/marbles.js';
import { untilAborted } from './support/probes.js';

describe('firstWins', () => {
  it('emits the first success, completes, and cancels the others at that moment (marbles)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const slow = cold('-----a|');
      const fast = cold('--b|');
      const never = cold('-');
      expectObservable(firstWins([slow, fast, never])).toBe('---(b|)');
      expectSubscriptions(slow.subscriptions).toBe('^--!');
      expectSubscriptions(never.subscriptions).toBe('^--!');
    });
  });

  it('an Observable succeeds when it completes, with its last value', () => {
    testScheduler().run(({ expectObservable }) => {
      expectObservable(firstWins([of(1, 2, 3)])).toBe('(r|)', { r: 3 });
    });
  });

  it('a failing or empty input does not end the race', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(firstWins([cold('-#'), cold('--|'), cold('----w|')])).toBe('-----(w|)');
    });
  });

  it('when every input fails, errors with an AggregateError in input order', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const e0 = new Error('e0');
      const e1 = new Error('e1');
      const race = firstWins([cold('---#', undefined, e0), cold('-#', undefined, e1)]);
      expectObservable(race).toBe('---#', undefined, new AggregateError([e0, e1], 'firstWins: all 2 inputs failed'));
    });
  });

  it('AggregateError errors list the failures by input index', async () => {
    const error = (await firstValueFrom(
      firstWins([
        async () => {
          await flushMicrotasks();
          throw 'first';
        },
        async () => {
          throw 'second';
        },
      ]),
    ).catch((e: unknown) => e)) as AggregateError;
    expect(error).toBeInstanceOf(AggregateError);
    expect(error.errors).toEqual(['first', 'second']);
  });

  it('firstWins([]) errors the same way at once', () => {
    testScheduler().run(({ expectObservable }) => {
      expectObservable(firstWins([])).toBe('#', undefined, new AggregateError([], 'firstWins: there is no input to race'));
    });
  });

  it("aborts the losers' signals but never the winner's", async () => {
    const signals: AbortSignal[] = [];
    const winner = await firstValueFrom(
      firstWins([
        (signal: AbortSignal) => (signals.push(signal), untilAborted(signal)),
        async (signal: AbortSignal) => (signals.push(signal), 'won'),
        (signal: AbortSignal) => (signals.push(signal), untilAborted(signal)),
      ]),
    );
    expect(winner).toBe('won');
    expect(signals.map((s) => s.aborted)).toEqual([true, false, true]);
    await flushMicrotasks();
  });

  it('inputs not yet started never start once there is a winner', () => {
    const later = jest.fn(() => 2);
    const values: unknown[] = [];
    firstWins([() => 1, later]).subscribe((v) => values.push(v));
    expect(values).toEqual([1]);
    expect(later).not.toHaveBeenCalled();
  });

  describe('stagger', () => {
    it('starts input k+1 `stagger` ms after input k started (marbles)', () => {
      testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const a = cold('----------a|');
        const b = cold('-----b|');
        const c = cold('-c|');
        expectObservable(firstWins([a, b, c], { stagger: 3 })).toBe('--------(c|)');
        expectSubscriptions(a.subscriptions).toBe('^-------!');
        expectSubscriptions(b.subscriptions).toBe('---^----!');
        expectSubscriptions(c.subscriptions).toBe('------^-!');
      });
    });

    it('starts input k+1 at once when input k fails first (marbles)', () => {
      testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const a = cold('-#');
        const b = cold('--b|');
        const c = cold('-c|');
        expectObservable(firstWins([a, b, c], { stagger: 5 })).toBe('----(b|)');
        expectSubscriptions(b.subscriptions).toBe('-^--!');
        expectSubscriptions(c.subscriptions).toBe([]);
      });
    });

    it('an earlier input failing does not start the next one early', () => {
      testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const a = cold('---#');
        const b = cold('-------b|');
        const c = cold('-c|');
        expectObservable(firstWins([a, b, c], { stagger: 2 })).toBe('------(c|)');
        expectSubscriptions(c.subscriptions).toBe('----^-!');
      });
    });

    it('stagger: Infinity starts the next input only when the previous one fails', () => {
      testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const a = cold('-----#');
        const b = cold('-b|');
        expectObservable(firstWins([a, b], { stagger: Infinity })).toBe('-------(b|)');
        expectSubscriptions(b.subscriptions).toBe('-----^-!');
      });
    });

    it('unsubscribing stops the timer: later inputs never start', () => {
      testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const a = cold('-------a|');
        const b = cold('-b|');
        expectObservable(firstWins([a, b], { stagger: 4 }), '^--!').toBe('---');
        expectSubscriptions(a.subscriptions).toBe('^--!');
        expectSubscriptions(b.subscriptions).toBe([]);
      });
    });

    it('leaves no timer armed after a win', () => {
      jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
      try {
        const values: unknown[] = [];
        firstWins([() => of('now'), () => 'never'], { stagger: 100 }).subscribe((v) => values.push(v));
        expect(values).toEqual(['now']);
        expect(jest.getTimerCount()).toBe(0);
      } finally {
        jest.useRealTimers();
      }
    });
  });

  it('unsubscribing cancels every running input (marbles)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('----a|');
      const b = cold('-----b|');
      expectObservable(firstWins([a, b]), '^-!').toBe('--');
      expectSubscriptions(a.subscriptions).toBe('^-!');
      expectSubscriptions(b.subscriptions).toBe('^-!');
    });
  });

  it('never emits while no input ends', () => {
    testScheduler().run(({ expectObservable }) => {
      expectObservable(firstWins([NEVER])).toBe('-');
    });
  });

  it('a promise that wins after unsubscribe reports nothing', async () => {
    const hold = deferred<number>();
    const next = jest.fn();
    firstWins([() => hold.promise]).subscribe(next).unsubscribe();
    hold.resolve(1);
    await flushMicrotasks();
    expect(next).not.toHaveBeenCalled();
  });

  it('refuses bad input at the call', () => {
    expect(() => firstWins({} as never)).toThrow(new TypeError('firstWins(inputs, options): inputs must be an array of task inputs, got [object Object]'));
    expect(() => firstWins([null] as never)).toThrow('firstWins(inputs, options): inputs[0] must be an Observable, a PromiseLike or a function of an AbortSignal, got null');
    expect(() => firstWins([], { stagger: -1 })).toThrow(
      new RangeError('firstWins(inputs, options): options.stagger must be a number of milliseconds from 0 to 2147483647, or Infinity, got -1'),
    );
    expect(() => firstWins([], { stagger: '5' as never })).toThrow(TypeError);
  });
});
