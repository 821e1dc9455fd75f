import { of } from 'rxjs';
import { CancelledError, createTaskGroup, runTaskGroup } from '../src/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';
import { sleep, untilAborted, useFakeTime } from './support/probes.js';

afterEach(() => {
  jest.useRealTimers();
});

describe('runTaskGroup', () => {
  it('runs the body at once and starts its tasks right after it returns', async () => {
    const order: string[] = [];
    const done = runTaskGroup((tg) => {
      tg.soonify(() => order.push('task'))();
      order.push('body');
    });
    expect(order).toEqual(['body', 'task']);
    await done;
  });

  it('resolves a returned tuple of SoonValues to their values', async () => {
    const result = await runTaskGroup((tg) => [tg.soonify(async () => 1)(), tg.soonify(() => of('two'))(), 'kept'] as const);
    expect(result).toEqual([1, 'two', 'kept']);
  });

  it('resolves a returned record of SoonValues to their values', async () => {
    const result = await runTaskGroup((tg) => ({ a: tg.soonify(async () => 1)(), b: tg.soonify(() => [2])(), c: 3 }));
    expect(result).toEqual({ a: 1, b: [2], c: 3 });
  });

  it('resolves a single SoonValue, and keeps other values as they are', async () => {
    expect(await runTaskGroup((tg) => tg.soonify(async () => 'one')())).toBe('one');
    const date = new Date(0);
    expect(await runTaskGroup(() => date)).toBe(date);
    expect(await runTaskGroup(() => undefined)).toBeUndefined();
  });

  it('waits for an async body, whose later tasks run too', async () => {
    const gate = deferred();
    const result = runTaskGroup(async (tg) => {
      const a = tg.soonify(async () => 'a')();
      await gate.promise;
      const b = tg.soonify(async () => 'b')();
      return { a, b };
    });
    gate.resolve();
    expect(await result).toEqual({ a: 'a', b: 'b' });
  });

  it('resolves SoonValues of an outer group that are still pending', async () => {
    const outer = createTaskGroup();
    const gate = deferred<number>();
    const fromOuter = outer.soonify(() => gate.promise)();
    const result = runTaskGroup(() => [fromOuter]);
    gate.resolve(9);
    expect(await result).toEqual([9]);
    await outer.join();
  });

  it('a body that throws fails the group and cancels its tasks', async () => {
    const bodyError = new Error('body');
    let signal: AbortSignal | undefined;
    const run = runTaskGroup((tg) => {
      signal = tg.signal;
      tg.soonify(untilAborted)(tg.signal);
      throw bodyError;
    });
    await expect(run).rejects.toBe(bodyError);
    expect(signal?.reason).toBe(bodyError);
  });

  it('an async body that rejects fails the group and cancels its tasks', async () => {
    const bodyError = new Error('async body');
    let started: AbortSignal | undefined;
    const run = runTaskGroup(async (tg) => {
      tg.soonify(untilAborted)((started = tg.signal));
      await Promise.resolve();
      throw bodyError;
    });
    await expect(run).rejects.toBe(bodyError);
    expect(started?.aborted).toBe(true);
  });

  it('a task failure that the body awaits counts once', async () => {
    const boom = new Error('boom');
    const run = runTaskGroup(async (tg) => {
      await tg.soonify(async () => {
        throw boom;
      })();
    });
    await expect(run).rejects.toBe(boom);
  });

  it('a body awaiting a task cancelled by a sibling failure adds no failure of its own', async () => {
    const boom = new Error('boom');
    const run = runTaskGroup(async (tg) => {
      const slow = tg.soonify(untilAborted)(tg.signal);
      tg.soonify(async () => {
        throw boom;
      })();
      await slow; // rejects with CancelledError
    });
    await expect(run).rejects.toBe(boom);
  });

  it('fails with the first failure unwrapped: what tasks throw after the cancel are echoes', async () => {
    const a = new Error('a');
    const b = new Error('b');
    const gateA = deferred();
    const run = runTaskGroup((tg) => {
      tg.soonify(async () => {
        await gateA.promise;
        throw a;
      })();
      tg.soonify(async (signal: AbortSignal) => {
        await untilAborted(signal).catch(() => undefined);
        throw b;
      })(tg.signal);
    });
    gateA.resolve();
    await expect(run).rejects.toBe(a);
  });

  it('after cancel() the group ends without error and returns what the body returned', async () => {
    expect(
      await runTaskGroup((tg) => {
        tg.soonify(untilAborted)(tg.signal);
        tg.cancel();
        return 'body result';
      }),
    ).toBe('body result');
  });

  it('after cancel() a result naming a cancelled task rejects with its CancelledError', async () => {
    const run = runTaskGroup((tg) => {
      const soon = tg.soonify(untilAborted)(tg.signal);
      tg.cancel('stop');
      return soon;
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });

  it('after cancel() a body that throws because it awaited a cancelled task rejects with that error', async () => {
    const run = runTaskGroup(async (tg) => {
      const soon = tg.soonify(untilAborted)(tg.signal);
      tg.cancel();
      await soon;
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });

  it('the signal option rejects with its reason', async () => {
    const outer = new AbortController();
    const run = runTaskGroup((tg) => tg.soonify(untilAborted)(tg.signal), { signal: outer.signal });
    await flushMicrotasks();
    outer.abort(new Error('closed'));
    await expect(run).rejects.toThrow('closed');
  });

  it('the timeout rejects with a TimeoutError and leaves no timer', async () => {
    useFakeTime();
    const run = runTaskGroup((tg) => tg.soonify(() => sleep(100))(), { timeout: 50 }).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(100);
    expect(((await run) as Error).name).toBe('TimeoutError');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('closes the group once settled', async () => {
    let group: import('../src/index.js').TaskGroup | undefined;
    await runTaskGroup((tg) => {
      group = tg;
    });
    expect(group?.closed).toBe(true);
  });

  it('refuses bad input at the call, not as a rejection', () => {
    expect(() => runTaskGroup('body' as never)).toThrow(new TypeError('runTaskGroup(body): body must be a function, got "body"'));
    expect(() => runTaskGroup(() => 1, { timeout: -5 })).toThrow(RangeError);
    expect(() => runTaskGroup(() => 1, { timeout: -5 })).toThrow('runTaskGroup(body, options): options.timeout');
  });
});
