import { createLimiter, createTaskGroup } from '../src/index.js';
import { mapConcurrentFrom } from '../operators/index.js';
import { lastValueFrom } from 'rxjs';
import { deferred, flushMicrotasks, type Deferred } from './support/deferred.js';

// Rate limits and priority of createLimiter, on jest's fake clock: `performance.now()` and the
// timers move only when the test advances them.

/** The most starts that any window [t, t + interval) holds, over the recorded start times. */
const busiestWindow = (starts: readonly number[], interval: number): number => {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! < sorted[i]! - interval + 1e-9) j++; // starts in (t - interval, t]
    most = Math.max(most, i - j + 1);
  }
  return most;
};

/** A small deterministic random source (mulberry32), so a failing case can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('createLimiter: rate', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    expect(jest.getTimerCount()).toBe(0); // no timer left armed by any test
    jest.useRealTimers();
  });

  it('starts at most `limit` per window, then the next as soon as the oldest start leaves it', async () => {
    const limiter = createLimiter(Infinity, { rate: { limit: 2, interval: 1000 } });
    const starts: number[] = [];
    const calls = [0, 1, 2, 3, 4].map((i) =>
      limiter.run(() => {
        starts.push(performance.now());
        return i;
      }),
    );
    expect(starts).toHaveLength(2);
    expect(limiter.pending).toBe(3);
    await jest.advanceTimersByTimeAsync(999);
    expect(starts).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(starts).toHaveLength(4);
    await jest.advanceTimersByTimeAsync(1000);
    expect(await Promise.all(calls)).toEqual([0, 1, 2, 3, 4]);
    const t0 = starts[0]!;
    expect(starts.map((t) => t - t0)).toEqual([0, 0, 1000, 1000, 2000]);
  });

  it('never lets more than `limit` start in any window, with `concurrency` bounding as well (random workloads)', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const next = random(seed);
      const limit = 1 + Math.floor(next() * 4);
      const interval = 50 + Math.floor(next() * 500);
      const concurrency = 1 + Math.floor(next() * 5);
      const limiter = createLimiter(concurrency, { rate: { limit, interval } });
      const starts: number[] = [];
      let running = 0;
      let mostRunning = 0;
      const calls: Promise<unknown>[] = [];
      const controllers: AbortController[] = [];
      let aborted = 0;
      for (let i = 0; i < 40; i++) {
        const controller = new AbortController();
        controllers.push(controller);
        const duration = Math.floor(next() * 300);
        calls.push(
          limiter
            .run(async () => {
              starts.push(performance.now());
              mostRunning = Math.max(mostRunning, ++running);
              await new Promise((resolve) => setTimeout(resolve, duration));
              running--;
            }, controller.signal)
            .catch(() => aborted++),
        );
        if (next() < 0.3) await jest.advanceTimersByTimeAsync(Math.floor(next() * 200));
        if (next() < 0.15) controllers[Math.floor(next() * controllers.length)]!.abort();
      }
      await jest.runAllTimersAsync();
      await Promise.all(calls);
      const context = `seed ${seed}: limit ${limit}/${interval} ms, concurrency ${concurrency}`;
      expect([context, busiestWindow(starts, interval) <= limit]).toEqual([context, true]);
      expect([context, mostRunning <= concurrency]).toEqual([context, true]);
      expect(starts.length + aborted).toBe(40); // each call either ran or was aborted before it started
      expect([limiter.running, limiter.pending]).toEqual([0, 0]);
    }
  });

  it('never counts a cancelled waiter: the next waiter takes its start', async () => {
    const limiter = createLimiter(Infinity, { rate: { limit: 1, interval: 100 } });
    const started: string[] = [];
    const run = (name: string, signal?: AbortSignal) =>
      limiter.run(() => {
        started.push(`${name}@${performance.now() - t0}`);
      }, signal);
    const t0 = performance.now();
    const a = run('a');
    const controller = new AbortController();
    const b = run('b', controller.signal);
    const c = run('c');
    controller.abort(new Error('not needed'));
    await expect(b).rejects.toThrow('not needed');
    await jest.advanceTimersByTimeAsync(100);
    await Promise.all([a, c]);
    expect(started).toEqual(['a@0', 'c@100']);
  });

  it('disarms its timer when every rate-blocked waiter is withdrawn', async () => {
    const limiter = createLimiter(1, { rate: { limit: 1, interval: 10_000 } });
    await limiter.run(() => 1);
    const controller = new AbortController();
    const waiting = limiter.run(() => 2, controller.signal);
    expect(jest.getTimerCount()).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toBeDefined();
    expect(jest.getTimerCount()).toBe(0);
    expect(limiter.pending).toBe(0);
  });

  it('bounds task groups and operators that share it, together', async () => {
    const limiter = createLimiter(Infinity, { rate: { limit: 3, interval: 1000 } });
    const starts: number[] = [];
    const task = (i: number) => {
      starts.push(performance.now());
      return i;
    };
    const group = createTaskGroup({ limiter });
    for (let i = 0; i < 5; i++) group.soonify(task)(i);
    const piped = lastValueFrom(mapConcurrentFrom([5, 6, 7, 8], task, { concurrency: 2, limiter }));
    await jest.advanceTimersByTimeAsync(3000);
    await group.join();
    await piped;
    expect(starts).toHaveLength(9);
    expect(busiestWindow(starts, 1000)).toBe(3);
  });

  it.each([
    [{ rate: 5 }, TypeError, 'createLimiter(concurrency, options): options.rate must be an object { limit, interval }, got 5'],
    [{ rate: { limit: 0, interval: 10 } }, RangeError, 'options.rate.limit must be an integer >= 1, got 0'],
    [{ rate: { limit: 1.5, interval: 10 } }, RangeError, 'options.rate.limit must be an integer >= 1, got 1.5'],
    [{ rate: { limit: '1', interval: 10 } }, TypeError, 'options.rate.limit must be an integer >= 1, got "1"'],
    [{ rate: { limit: 1, interval: 0 } }, RangeError, 'options.rate.interval must be a number of milliseconds > 0 (at most 2147483647), got 0'],
    [{ rate: { limit: 1, interval: Infinity } }, RangeError, 'got Infinity'],
    [{ rate: { limit: 1 } }, TypeError, 'options.rate.interval must be a number of milliseconds > 0 (at most 2147483647), got undefined'],
    [{ priority: 'yes' }, TypeError, 'createLimiter(concurrency, options): options.priority must be a boolean, got "yes"'],
    ['fast', TypeError, 'createLimiter(concurrency, options): options must be an object or undefined, got "fast"'],
  ])('refuses options %p', (options, type, message) => {
    expect(() => createLimiter(2, options as never)).toThrow(type);
    expect(() => createLimiter(2, options as never)).toThrow(message);
  });
});

describe('createLimiter: priority', () => {
  it('serves higher priorities first, first in first out within one', async () => {
    const limiter = createLimiter(1, { priority: true });
    const gate = deferred();
    const order: string[] = [];
    const first = limiter.run(() => gate.promise);
    const calls = (
      [
        ['low-1', -1],
        ['mid-1', 0],
        ['high-1', 5],
        ['mid-2', undefined],
        ['high-2', 5],
        ['low-2', -1],
        ['top', 9.5],
      ] as const
    ).map(([name, priority]) => limiter.run(() => order.push(name), undefined, priority === undefined ? undefined : { priority }));
    expect(limiter.pending).toBe(7);
    gate.resolve();
    await Promise.all([first, ...calls]);
    expect(order).toEqual(['top', 'high-1', 'high-2', 'mid-1', 'mid-2', 'low-1', 'low-2']);
  });

  it('withdraws an aborted waiter from its priority, and the others keep their order', async () => {
    const limiter = createLimiter(1, { priority: true });
    const gate = deferred();
    const order: number[] = [];
    const first = limiter.run(() => gate.promise);
    const controllers = [0, 1, 2, 3].map(() => new AbortController());
    const calls = controllers.map((controller, i) =>
      limiter.run(() => order.push(i), controller.signal, { priority: i % 2 }).catch((error: unknown) => error),
    );
    controllers[3]!.abort(new Error('gone'));
    controllers[0]!.abort(new Error('gone'));
    expect(limiter.pending).toBe(2);
    gate.resolve();
    await Promise.all([first, ...calls]);
    expect(order).toEqual([1, 2]);
  });

  it('acquire takes a priority too, and groups queue at priority 0', async () => {
    const limiter = createLimiter(1, { priority: true });
    const holder = await limiter.acquire();
    const order: string[] = [];
    const group = createTaskGroup({ limiter });
    group.soonify(() => order.push('group'))();
    const urgent = limiter.acquire(undefined, { priority: 1 }).then((permit) => {
      order.push('urgent');
      permit.release();
    });
    const later = limiter.acquire(undefined, { priority: -1 }).then((permit) => {
      order.push('later');
      permit.release();
    });
    holder.release();
    await Promise.all([urgent, later, group.join()]);
    expect(order).toEqual(['urgent', 'group', 'later']);
  });

  it('refuses a priority on a limiter without `{ priority: true }`, and priorities that are not finite numbers', () => {
    const fifo = createLimiter(1);
    expect(() => fifo.run(() => 1, undefined, { priority: 1 })).toThrow(
      new TypeError('limiter.run(fn, signal, options): options.priority needs a limiter created with { priority: true }, got priority 1'),
    );
    expect(() => fifo.acquire(undefined, { priority: 1 })).toThrow('limiter.acquire(signal, options): options.priority needs a limiter created with { priority: true }');
    const ordered = createLimiter(1, { priority: true });
    expect(() => ordered.run(() => 1, undefined, { priority: NaN })).toThrow(RangeError);
    expect(() => ordered.run(() => 1, undefined, { priority: '1' as never })).toThrow(
      new TypeError('limiter.run(fn, signal, options): options.priority must be a finite number, got "1"'),
    );
    expect(() => ordered.acquire('signal' as never)).toThrow(new TypeError('limiter.acquire(signal): signal must be an AbortSignal, got "signal"'));
    expect(() => ordered.run(() => 1, undefined, 3 as never)).toThrow('limiter.run(fn, signal, options): options must be an object or undefined, got 3');
  });
});

describe('limiter.acquire', () => {
  it('resolves with a permit at once when a slot is free; release is idempotent', async () => {
    const limiter = createLimiter(1);
    const permit = await limiter.acquire();
    expect(limiter.running).toBe(1);
    permit.release();
    permit.release();
    expect(limiter.running).toBe(0);
    const next = await limiter.acquire();
    expect(limiter.running).toBe(1);
    next.release();
  });

  it('waits in the same queue as run, and an abort takes it out with the signal\'s reason', async () => {
    const limiter = createLimiter(1);
    const gate: Deferred<void> = deferred();
    const running = limiter.run(() => gate.promise);
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    const after = limiter.acquire();
    expect(limiter.pending).toBe(2);
    controller.abort(new Error('user left'));
    await expect(waiting).rejects.toThrow('user left');
    expect(limiter.pending).toBe(1);
    gate.resolve();
    await running;
    const permit = await after;
    expect(limiter.running).toBe(1);
    permit.release();
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
    await flushMicrotasks();
  });

  it('refuses an aborted signal at once', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.acquire(AbortSignal.abort(new Error('too late')))).rejects.toThrow('too late');
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });
});
