import { defer, EmptyError, from, Observable, of, throwError } from 'rxjs';
import {
  createLimiter,
  createTaskGroup,
  TaskGroupClosedError,
  type TaskEvent,
  type TaskGroup,
} from '../src/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';
import { captureUnhandled, nextMacrotask, observableProbe, sleep, untilAborted, useFakeTime } from './support/probes.js';

afterEach(() => {
  jest.useRealTimers();
});

describe('createTaskGroup: soon, not now', () => {
  it('never calls fn before the soonified call returns, and calls it before the next macrotask', async () => {
    const fn = jest.fn((x: number) => x);
    const tg = createTaskGroup();
    const macrotaskSeen = new Promise<boolean>((resolve) => setImmediate(() => resolve(fn.mock.calls.length > 0)));
    tg.soonify(fn)(1);
    expect(fn).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(fn).toHaveBeenCalledWith(1);
    expect(await macrotaskSeen).toBe(true);
    await tg.join();
  });

  it('starts tasks in the order they were soonified', async () => {
    const order: string[] = [];
    const tg = createTaskGroup();
    for (const name of ['a', 'b', 'c']) tg.soonify(() => order.push(name))();
    await tg.join();
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('starts tasks soonified by a starting task after the rest of the batch, in the same start, while finished ones leave the list', async () => {
    const order: string[] = [];
    const tg = createTaskGroup();
    const log = (name: string) => () => order.push(name);
    tg.soonify(() => {
      order.push('a');
      tg.soonify(log('a1'))();
      tg.soonify(log('a2'))();
    })();
    tg.soonify(log('b'))();
    tg.soonify(log('c'))();
    await Promise.resolve(); // the batch's one promise job
    expect(order).toEqual(['a', 'b', 'c', 'a1', 'a2']);
    await tg.join();
  });

  it('forwards every argument, optional and rest ones included', async () => {
    const tg = createTaskGroup();
    const soon = tg.soonify((a: number, b?: string, ...rest: boolean[]) => [a, b, rest])(1, 'x', true, false);
    await tg.join();
    expect(soon.value).toEqual([1, 'x', [true, false]]);
  });
});

describe('createTaskGroup: concurrent', () => {
  it('runs three one-second tasks together: all end at 1000 ms, none at 999 ms', async () => {
    useFakeTime();
    const tg = createTaskGroup();
    const work = (name: string) => sleep(1000, `Hello, ${name}`);
    const values = ['Yury', 'Nathaniel', 'Alex'].map((name) => tg.soonify(work)(name));
    let joined = false;
    const join = tg.join().then(() => (joined = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(values.map((v) => v.status)).toEqual(['pending', 'pending', 'pending']);
    await jest.advanceTimersByTimeAsync(1);
    expect(values.map((v) => v.value)).toEqual(['Hello, Yury', 'Hello, Nathaniel', 'Hello, Alex']);
    await join;
    expect(joined).toBe(true);
  });
});

describe('createTaskGroup: any function, by the task value rule', () => {
  const valueOf = async <T>(make: (tg: TaskGroup) => PromiseLike<T>): Promise<T> => {
    const tg = createTaskGroup();
    const soon = make(tg);
    await tg.join();
    return soon;
  };

  it('takes what a promise resolves to', async () => {
    expect(await valueOf((tg) => tg.soonify(async () => 'p')())).toBe('p');
  });

  it('takes what a foreign thenable resolves to', async () => {
    const thenable = { then: (resolve: (v: string) => void) => resolve('t') };
    expect(await valueOf((tg) => tg.soonify(() => thenable)())).toBe('t');
  });

  it("takes an Observable's last emission", async () => {
    expect(await valueOf((tg) => tg.soonify(() => of(1, 2, 3))())).toBe(3);
  });

  it('takes an interop observable through Symbol.observable', async () => {
    const { observable } = await import('rxjs');
    const foreign = { [observable]: () => of('i') };
    expect(await valueOf((tg) => tg.soonify(() => foreign)())).toBe('i');
  });

  it('fails with EmptyError when an Observable completes without emitting', async () => {
    const tg = createTaskGroup();
    tg.soonify(() => of())();
    await expect(tg.join()).rejects.toBeInstanceOf(EmptyError);
  });

  it('keeps plain values, arrays and iterables as they are', async () => {
    const set = new Set([1, 2]);
    expect(await valueOf((tg) => tg.soonify(() => 5)())).toBe(5);
    expect(await valueOf((tg) => tg.soonify(() => [1, 2, 3])())).toEqual([1, 2, 3]);
    expect(await valueOf((tg) => tg.soonify(() => set)())).toBe(set);
    expect(await valueOf((tg) => tg.soonify(() => undefined)())).toBeUndefined();
  });

  it('keeps an Observable a promise resolves to as the value', async () => {
    const inner = of(1);
    expect(await valueOf((tg) => tg.soonify(async () => inner)())).toBe(inner);
  });

  it('turns a synchronous throw into that task failure, not an exception from soonify', async () => {
    const boom = new Error('sync boom');
    const tg = createTaskGroup();
    let soon: PromiseLike<never> | undefined;
    expect(() => {
      soon = tg.soonify((): never => {
        throw boom;
      })();
    }).not.toThrow();
    await expect(tg.join()).rejects.toBe(boom);
    await expect(soon).rejects.toBe(boom);
  });

  it('turns a thenable whose then throws into that task failure', async () => {
    const boom = new Error('then boom');
    const tg = createTaskGroup();
    tg.soonify(() => ({
      then() {
        throw boom;
      },
    }))();
    await expect(tg.join()).rejects.toBe(boom);
  });
});

describe('createTaskGroup: structured', () => {
  it('joins an empty group at once', async () => {
    const tg = createTaskGroup();
    await expect(tg.join()).resolves.toBeUndefined();
    expect(tg.closed).toBe(true);
  });

  it('returns the same promise from every join', () => {
    const tg = createTaskGroup();
    expect(tg.join()).toBe(tg.join());
    return tg.join();
  });

  it('waits for tasks soonified while it joins', async () => {
    const first = deferred();
    const tg = createTaskGroup();
    const late = jest.fn(async () => 'late');
    tg.soonify(async () => {
      await first.promise;
      tg.soonify(late)();
    })();
    const join = tg.join();
    expect(tg.closed).toBe(false);
    first.resolve();
    await join;
    expect(late).toHaveBeenCalled();
    expect(tg.closed).toBe(true);
  });

  it('refuses new tasks once closed, from soonify and from an earlier wrapper', async () => {
    const tg = createTaskGroup({ name: 'page' });
    const wrapper = tg.soonify(async (n: number) => n, { name: 'double' });
    await tg.join();
    expect(() => tg.soonify(async () => 1)).toThrow(TaskGroupClosedError);
    expect(() => wrapper(1)).toThrow("task group 'page' is closed: task 'double' cannot start in it");
  });

  it('waits for a promise task that runs on after a cancellation', async () => {
    const slow = deferred();
    const tg = createTaskGroup();
    tg.soonify(() => slow.promise)();
    await flushMicrotasks();
    tg.cancel();
    let joined = false;
    const join = tg.join().then(() => (joined = true));
    await flushMicrotasks();
    expect(joined).toBe(false);
    slow.resolve();
    await join;
    expect(joined).toBe(true);
  });

  it('starts nothing in a group that is cancelled but not yet closed: the task is cancelled at once', async () => {
    const fn = jest.fn();
    const tg = createTaskGroup();
    tg.cancel();
    const soon = tg.soonify(fn)();
    expect(soon.status).toBe('cancelled');
    await tg.join();
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('createTaskGroup: the first failure cancels the rest', () => {
  it('aborts signal with the error, unsubscribes Observable tasks, and fails with the error unwrapped', async () => {
    const boom = new Error('boom');
    const probe = observableProbe<number>();
    const failing = deferred();
    const tg = createTaskGroup();
    const watching = tg.soonify(() => probe.observable)();
    tg.soonify(async () => {
      await failing.promise;
      throw boom;
    })();
    await flushMicrotasks();
    expect(probe.subscribed).toBe(1);
    failing.resolve();
    await expect(tg.join()).rejects.toBe(boom);
    expect(tg.signal.aborted).toBe(true);
    expect(tg.signal.reason).toBe(boom);
    expect(probe.tornDown).toBe(1);
    expect(watching.status).toBe('cancelled');
  });

  it('lets promise tasks see the abort; a rejection with the abort reason or an AbortError is no failure', async () => {
    const boom = new Error('boom');
    const tg = createTaskGroup();
    const echoes = tg.soonify(untilAborted)(tg.signal);
    const abortError = tg.soonify(async (signal: AbortSignal) => {
      await untilAborted(signal).catch(() => undefined);
      throw new DOMException('aborted', 'AbortError');
    })(tg.signal);
    tg.soonify(async () => {
      throw boom;
    })();
    await expect(tg.join()).rejects.toBe(boom);
    expect(echoes.status).toBe('cancelled');
    expect(abortError.status).toBe('cancelled');
  });

  it('treats any rejection after the cancellation as an echo: the first failure alone, the echo in events$', async () => {
    const first = new Error('first');
    const second = new Error('second');
    const tg = createTaskGroup({ name: 'checkout' });
    const events: TaskEvent[] = [];
    tg.events$.subscribe((e) => events.push(e));
    const late = tg.soonify(async (signal: AbortSignal) => {
      await untilAborted(signal).catch(() => undefined);
      throw second;
    })(tg.signal);
    tg.soonify(async () => {
      throw first;
    })();
    await expect(tg.join()).rejects.toBe(first);
    expect(late.status).toBe('cancelled');
    expect(events.filter((e) => e.type === 'echo').map((e) => e.error)).toEqual([second]);
    expect(events.filter((e) => e.type === 'failed').map((e) => e.error)).toEqual([first]);
  });

  it('never starts a task queued behind a failure that happened at start', async () => {
    const a = new Error('a');
    const b = new Error('b');
    const tg = createTaskGroup();
    tg.soonify(() => {
      throw a;
    })();
    const second = jest.fn(() => {
      throw b;
    });
    const soon = tg.soonify(second)();
    await expect(tg.join()).rejects.toBe(a);
    expect(second).not.toHaveBeenCalled();
    expect(soon.status).toBe('cancelled');
  });

  it('keeps tasks that wait for a limiter slot from ever starting', async () => {
    const limiter = createLimiter(1);
    const boom = new Error('boom');
    const never = jest.fn();
    const tg = createTaskGroup({ limiter });
    tg.soonify(async () => {
      throw boom;
    })();
    const queued = tg.soonify(never)();
    await expect(tg.join()).rejects.toBe(boom);
    expect(never).not.toHaveBeenCalled();
    expect(queued.status).toBe('cancelled');
    expect(limiter.running).toBe(0);
    expect(limiter.pending).toBe(0);
  });

  it('reports an Observable task error like any failure', async () => {
    const boom = new Error('obs boom');
    const tg = createTaskGroup();
    tg.soonify(() => throwError(() => boom))();
    await expect(tg.join()).rejects.toBe(boom);
  });

  it('reports a teardown that throws during cancellation as rxjs reports it, and still ends as cancel() says', async () => {
    const teardownError = new Error('teardown');
    const unhandled = captureUnhandled();
    try {
      const tg = createTaskGroup();
      tg.soonify(
        () =>
          new Observable(() => () => {
            throw teardownError;
          }),
      )();
      await flushMicrotasks();
      tg.cancel();
      await expect(tg.join()).resolves.toBeUndefined();
      await nextMacrotask();
      expect(unhandled.errors).toEqual([teardownError]);
    } finally {
      unhandled.restore();
    }
  });
});

describe('createTaskGroup: cancellation', () => {
  it('cancel() cancels every task and the group ends without error', async () => {
    const probe = observableProbe<number>();
    const tg = createTaskGroup();
    const a = tg.soonify(() => probe.observable)();
    const b = tg.soonify(untilAborted)(tg.signal);
    await flushMicrotasks();
    tg.cancel('enough');
    expect(tg.signal.reason).toBe('enough');
    await expect(tg.join()).resolves.toBeUndefined();
    expect(probe.tornDown).toBe(1);
    expect([a.status, b.status]).toEqual(['cancelled', 'cancelled']);
  });

  it('cancel() without a reason aborts with an AbortError', async () => {
    const tg = createTaskGroup();
    tg.cancel();
    expect((tg.signal.reason as Error).name).toBe('AbortError');
    await tg.join();
  });

  it('cancel() after the group closed does nothing', async () => {
    const tg = createTaskGroup();
    await tg.join();
    tg.cancel();
    expect(tg.signal.aborted).toBe(false);
  });

  it('the signal option cancels the group and fails it with the signal reason', async () => {
    const outer = new AbortController();
    const tg = createTaskGroup({ signal: outer.signal });
    const running = tg.soonify(untilAborted)(tg.signal);
    await flushMicrotasks();
    outer.abort(new Error('page closed'));
    expect(running.status).toBe('cancelled');
    await expect(tg.join()).rejects.toThrow('page closed');
  });

  it('an already aborted signal cancels the group at once', async () => {
    const fn = jest.fn();
    const tg = createTaskGroup({ signal: AbortSignal.abort('gone') });
    expect(tg.signal.aborted).toBe(true);
    expect(tg.soonify(fn)().status).toBe('cancelled');
    await expect(tg.join()).rejects.toBe('gone');
    expect(fn).not.toHaveBeenCalled();
  });

  it('the timeout cancels the group and fails it with a TimeoutError', async () => {
    useFakeTime();
    const tg = createTaskGroup({ timeout: 500, name: 'search' });
    const slow = tg.soonify(() => sleep(1000, 'late'))();
    const join = tg.join().catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(499);
    expect(tg.signal.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(tg.signal.aborted).toBe(true);
    expect(slow.status).toBe('cancelled');
    await jest.advanceTimersByTimeAsync(500); // the sleeping promise task settles; the group waits for it
    const error = (await join) as Error;
    expect(error.name).toBe('TimeoutError');
    expect(error.message).toBe("task group 'search' timed out after 500 ms; still running: an anonymous task");
    expect(jest.getTimerCount()).toBe(0);
  });

  it('timeout: Infinity arms no timer', async () => {
    useFakeTime();
    const tg = createTaskGroup({ timeout: Infinity });
    expect(jest.getTimerCount()).toBe(0);
    await tg.join();
  });

  it('a TimeoutError followed by a late failure: the TimeoutError alone (the failure is an echo)', async () => {
    useFakeTime();
    const late = new Error('late failure');
    const tg = createTaskGroup({ timeout: 10 });
    const echoes: unknown[] = [];
    tg.events$.subscribe((e) => e.type === 'echo' && echoes.push(e.error));
    tg.soonify(async () => {
      await sleep(20);
      throw late;
    })();
    const join = tg.join().catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(20);
    expect(((await join) as DOMException).name).toBe('TimeoutError');
    expect(echoes).toEqual([late]);
  });
});

describe('createTaskGroup: await using', () => {
  it('joins the group when the scope ends', async () => {
    const done: string[] = [];
    {
      await using tg = createTaskGroup();
      tg.soonify(async () => {
        await Promise.resolve();
        done.push('a');
      })();
      tg.soonify(async () => done.push('b'))();
    }
    expect(done.sort()).toEqual(['a', 'b']);
  });

  it("throws the group's failure from the scope", async () => {
    const boom = new Error('boom');
    const run = async () => {
      await using tg = createTaskGroup();
      tg.soonify(async () => {
        throw boom;
      })();
    };
    await expect(run()).rejects.toBe(boom);
  });

  it("a scope that throws still waits for its tasks, then rethrows the body's error", async () => {
    const bodyError = new Error('body');
    const finished = jest.fn();
    const run = async () => {
      await using tg = createTaskGroup();
      tg.soonify(async () => {
        await Promise.resolve();
        finished();
      })();
      throw bodyError;
    };
    await expect(run()).rejects.toBe(bodyError);
    expect(finished).toHaveBeenCalled();
  });

  it("a scope that throws while the group fails gives a SuppressedError: group error, body error suppressed", async () => {
    const bodyError = new Error('body');
    const groupError = new Error('group');
    const run = async () => {
      await using tg = createTaskGroup();
      tg.soonify(async () => {
        throw groupError;
      })();
      throw bodyError;
    };
    const error = (await run().catch((e: unknown) => e)) as { error: unknown; suppressed: unknown; name: string };
    expect(error.name).toBe('SuppressedError');
    expect(error.error).toBe(groupError);
    expect(error.suppressed).toBe(bodyError);
  });

  it('the documented catch-and-cancel pattern cancels the tasks when the scope throws', async () => {
    const bodyError = new Error('body');
    let seen: AbortSignal | undefined;
    const run = async () => {
      await using tg = createTaskGroup();
      try {
        tg.soonify(untilAborted)((seen = tg.signal));
        throw bodyError;
      } catch (error) {
        tg.cancel(error);
        throw error;
      }
    };
    await expect(run()).rejects.toBe(bodyError);
    expect(seen?.aborted).toBe(true);
  });
});

describe('createTaskGroup: bad input is refused at once', () => {
  it.each([
    [42, 'tg.soonify(fn): fn must be a function, got 42'],
    ['run', 'tg.soonify(fn): fn must be a function, got "run"'],
    [null, 'tg.soonify(fn): fn must be a function, got null'],
    [{}, 'tg.soonify(fn): fn must be a function, got [object Object]'],
  ])('soonify(%p) throws a TypeError naming it', (value, message) => {
    const tg = createTaskGroup();
    expect(() => tg.soonify(value as never)).toThrow(new TypeError(message));
    return tg.join();
  });

  it('soonify refuses bad options', () => {
    const tg = createTaskGroup();
    expect(() => tg.soonify(() => 1, 'x' as never)).toThrow(TypeError);
    expect(() => tg.soonify(() => 1, { name: 3 as never })).toThrow(
      new TypeError('tg.soonify(fn, options): options.name must be a string, got 3'),
    );
    expect(() => tg.soonify(() => 1, { limiter: {} as never })).toThrow(
      'tg.soonify(fn, options): options.limiter must be a Limiter: an object with an acquire(signal) method, got [object Object] (acquire is missing)',
    );
    return tg.join();
  });

  it.each([
    [{ timeout: -1 }, RangeError, 'createTaskGroup(options): options.timeout must be a number of milliseconds from 0 to 2147483647, or Infinity, got -1'],
    [{ timeout: NaN }, RangeError, 'options.timeout must be a number of milliseconds from 0 to 2147483647, or Infinity, got NaN'],
    [{ timeout: 2 ** 31 }, RangeError, 'got 2147483648'],
    [{ timeout: '10' }, TypeError, 'createTaskGroup(options): options.timeout must be a number of milliseconds from 0 to 2147483647, or Infinity, got "10"'],
    [{ signal: {} }, TypeError, 'createTaskGroup(options): options.signal must be an AbortSignal, got [object Object]'],
    [{ signal: new AbortController() }, TypeError, 'options.signal must be an AbortSignal, got [object AbortController]'],
    [{ name: 5 }, TypeError, 'createTaskGroup(options): options.name must be a string, got 5'],
    [{ limiter: 3 }, TypeError, 'options.limiter must be a Limiter: an object with an acquire(signal) method, got 3'],
    ['fast', TypeError, 'createTaskGroup(options): options must be an object or undefined, got "fast"'],
  ])('createTaskGroup(%p) throws', (options, type, message) => {
    expect(() => createTaskGroup(options as never)).toThrow(type);
    expect(() => createTaskGroup(options as never)).toThrow(message);
  });
});

describe('createTaskGroup: no leaks', () => {
  it('disarms its timer as soon as it settles', async () => {
    useFakeTime();
    const tg = createTaskGroup({ timeout: 60_000 });
    tg.soonify(async () => 1)();
    expect(jest.getTimerCount()).toBe(1);
    await tg.join();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('removes its listener from the signal option when it settles, and when it is cancelled', async () => {
    for (const end of ['join', 'cancel'] as const) {
      const outer = new AbortController();
      const add = jest.spyOn(outer.signal, 'addEventListener');
      const remove = jest.spyOn(outer.signal, 'removeEventListener');
      const tg = createTaskGroup({ signal: outer.signal });
      tg.soonify(async () => 1)();
      if (end === 'cancel') tg.cancel();
      await tg.join();
      expect(add).toHaveBeenCalledTimes(1);
      expect(remove).toHaveBeenCalledWith('abort', add.mock.calls[0]![1]);
    }
  });

  it('leaves no Observable task subscribed, whichever way the group ends', async () => {
    for (const end of ['complete', 'cancel', 'fail'] as const) {
      const probes = [observableProbe<number>(), observableProbe<number>()];
      const tg = createTaskGroup();
      for (const probe of probes) tg.soonify(() => probe.observable)();
      await flushMicrotasks();
      if (end === 'complete') for (const probe of probes) (probe.next(1), probe.complete());
      if (end === 'cancel') tg.cancel();
      if (end === 'fail') probes[0]!.error(new Error('x'));
      await tg.join().catch(() => undefined);
      expect(probes.map((p) => p.subscribed - p.tornDown)).toEqual([0, 0]);
    }
  });

  it('an Observable task that emits synchronously is done before its start returns', async () => {
    const tg = createTaskGroup();
    const soon = tg.soonify(() => defer(() => from([1, 2])))();
    await Promise.resolve();
    expect(soon.value).toBe(2);
    await tg.join();
  });
});

describe('soonify passes arguments as they were given', () => {
  it('none, one (kept without an array, even when it is an array or undefined), several', async () => {
    const tg = createTaskGroup();
    const echo = tg.soonify((...args: unknown[]) => args);
    const values = [echo(), echo([1, 2]), echo(undefined), echo('a', 'b', undefined)];
    await tg.join();
    const seen = values.map((value) => value.value);
    expect(seen).toEqual([[], [[1, 2]], [undefined], ['a', 'b', undefined]]);
  });
});
