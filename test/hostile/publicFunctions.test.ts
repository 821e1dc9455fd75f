import { firstValueFrom, from, lastValueFrom, NEVER, Observable, toArray } from 'rxjs';
import { createLimiter, createTaskGroup, runTaskGroup, shield, taskGroup, type Limiter } from '../../src/index.js';
import { firstWins, gather, mapConcurrent, mapConcurrentFrom, mapExhaust, mapLatest } from '../../operators/index.js';
import { createRedisLimiter } from '../../redis/index.js';
import { flushMicrotasks } from '../support/deferred.js';
import { circularError, expectTypeErrorAtOnce, revokedProxy, throwingSubscribe, throwingTeardown, throwingThen } from '../support/hostile.js';
import { captureUnhandled, useFakeTime } from '../support/probes.js';

// Every public function, handed hostile values. Each case ends the same way: the documented
// outcome, no unhandled rejection (jest.config.js fails the test otherwise, see
// test/suiteGuards.test.ts), no timer left armed, and the shared limiter back to zero.

/** An options object whose every read throws. */
const throwingOptions = (): object =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('option getter threw');
      },
    },
  );

/** Hostile values for an options argument, and the start of the TypeError each must give. */
const badOptions: [string, () => unknown, RegExp][] = [
  ['a revoked Proxy', revokedProxy, /options could not be read: TypeError/],
  ['an object whose getters throw', throwingOptions, /options\.\w+ could not be read: Error: option getter threw/],
  ['a Symbol', () => Symbol('opts'), /options must be/],
];

const calls: [string, (options: never) => unknown][] = [
  ['createTaskGroup', (o) => createTaskGroup(o)],
  ['runTaskGroup', (o) => runTaskGroup(() => 1, o)],
  ['taskGroup', (o) => taskGroup(() => 1, o)],
  ['tg.soonify', (o) => createTaskGroup().soonify(() => 1, o)],
  ['gather', (o) => gather([], o)],
  ['firstWins', (o) => firstWins([], o)],
  ['mapConcurrent', (o) => mapConcurrent(() => 1, o)],
  ['mapConcurrentFrom', (o) => mapConcurrentFrom([], () => 1, o)],
  ['mapLatest', (o) => mapLatest(() => 1, o)],
  ['mapExhaust', (o) => mapExhaust(() => 1, o)],
  ['shield', (o) => shield(() => 1, o)],
  ['createLimiter', (o) => createLimiter(2, o)],
  ['limiter.run', (o) => createLimiter(2, { priority: true }).run(() => 1, undefined, o)],
  ['limiter.acquire', (o) => createLimiter(2, { priority: true }).acquire(undefined, o)],
  ['createRedisLimiter', (o) => createRedisLimiter(o)],
];

let limiter: Limiter;
beforeEach(() => {
  useFakeTime();
  limiter = createLimiter(2);
});
afterEach(async () => {
  await flushMicrotasks();
  expect(jest.getTimerCount()).toBe(0);
  expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  jest.useRealTimers();
});

describe.each(calls)('%s refuses hostile options at once', (_name, call) => {
  it.each(badOptions)('%s', (_kind, make, message) => expectTypeErrorAtOnce(() => call(make() as never), message));
});

describe('hostile limiters', () => {
  it('a limiter option whose acquire getter throws, or a revoked Proxy, is refused by name', () => {
    const throwingAcquire = Object.defineProperty({}, 'acquire', {
      get() {
        throw new Error('acquire getter threw');
      },
    });
    for (const bad of [throwingAcquire, revokedProxy()]) {
      expect(() => createTaskGroup({ limiter: bad as never })).toThrow(
        'createTaskGroup(options): options.limiter must be a Limiter: an object with an acquire(signal) method, got',
      );
    }
  });

  it('a rate option whose fields throw is refused by name', () => {
    expect(() => createLimiter(1, { rate: throwingOptions() as never })).toThrow(
      'createLimiter(concurrency, options): options.rate.limit could not be read: Error: option getter threw',
    );
  });
});

describe('hostile inputs', () => {
  it('sparse arrays: a hole is refused by name', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [async () => 1, , async () => 3];
    expect(() => gather(sparse as never)).toThrow('gather(inputs, options): inputs[1] must be an Observable, a PromiseLike or a function of an AbortSignal, got undefined');
    expect(() => firstWins(sparse as never)).toThrow('firstWins(inputs, options): inputs[1] must be');
  });

  it('sparse arrays as mapConcurrentFrom input: holes are undefined items, as for-of reads them', async () => {
    // eslint-disable-next-line no-sparse-arrays
    const out = await lastValueFrom(mapConcurrentFrom([1, , 3], (x) => x ?? 0, { concurrency: 2, limiter }).pipe(toArray()));
    expect(out).toEqual([1, 0, 3]);
  });

  it('frozen inputs and options work as plain ones', async () => {
    const inputs = Object.freeze([async () => 1, async () => 2] as const);
    const options = Object.freeze({ concurrency: 1, limiter });
    await expect(firstValueFrom(gather(inputs, options))).resolves.toEqual([1, 2]);
    await expect(firstValueFrom(gather(Object.freeze({ a: async () => 1 }), options))).resolves.toEqual({ a: 1 });
    await expect(runTaskGroup((tg) => Object.freeze([tg.soonify(async () => 1)()]), Object.freeze({ limiter }))).resolves.toEqual([1]);
  });

  it('revoked Proxies as inputs are refused with a TypeError', () => {
    expect(() => gather(revokedProxy() as never)).toThrow(TypeError);
    expect(() => firstWins(revokedProxy() as never)).toThrow(TypeError);
    expect(() => mapConcurrentFrom(revokedProxy() as never, () => 1, 1)).toThrow(TypeError);
    expect(() => runTaskGroup(revokedProxy() as never)).toThrow(TypeError);
    expect(() => createLimiter(revokedProxy() as never)).toThrow(TypeError);
  });

  it('limiter.run with a revoked Proxy as signal is refused', () => {
    expect(() => limiter.run(() => 1, revokedProxy() as never)).toThrow(TypeError);
  });

  it('an iterable whose iterator getter throws fails the Observable, not the caller later', async () => {
    const iterable = {
      [Symbol.iterator]() {
        throw new Error('no iterator');
      },
    };
    await expect(firstValueFrom(mapConcurrentFrom(iterable, () => 1, { concurrency: 1, limiter }))).rejects.toThrow('no iterator');
  });

  it('a task value with a throwing then, in every public function, fails that task and frees its slot', async () => {
    const bad = () => throwingThen();
    await expect(runTaskGroup((tg) => tg.soonify(bad, { limiter })())).rejects.toThrow('then getter threw');
    await expect(limiter.run(bad)).rejects.toThrow('then getter threw');
    await expect(firstValueFrom(gather([bad], { limiter }))).rejects.toThrow('then getter threw');
    await expect(lastValueFrom(mapConcurrentFrom([0], bad, { concurrency: 1, limiter }))).rejects.toThrow('then getter threw');
    await expect(lastValueFrom(from([0]).pipe(mapConcurrent(bad, { concurrency: 1, limiter })))).rejects.toThrow('then getter threw');
    await expect(firstValueFrom(firstWins([bad]))).rejects.toMatchObject({ errors: [expect.objectContaining({ message: 'then getter threw' })] });
  });

  it('Observables whose subscribe or teardown throws, through a limited group', async () => {
    const boom = new Error('subscribe threw');
    await expect(runTaskGroup((tg) => tg.soonify(() => throwingSubscribe(boom), { limiter })())).rejects.toBe(boom);
    const teardown = new Error('teardown threw');
    const unhandled = captureUnhandled();
    try {
      const error = await runTaskGroup(
        (tg) => {
          tg.soonify(() => throwingTeardown(teardown), { limiter })();
          tg.soonify(() => Promise.reject(new Error('first')), { limiter })();
        },
        { timeout: 1000 },
      ).catch((e: unknown) => e);
      expect((error as Error).message).toBe('first');
      await jest.advanceTimersByTimeAsync(0); // rxjs reports from a timer
      expect(unhandled.errors).toEqual([teardown]);
    } finally {
      unhandled.restore();
    }
  });

  it('errors with circular causes pass through groups and operators unchanged', async () => {
    const error = circularError();
    await expect(runTaskGroup((tg) => tg.soonify(() => Promise.reject(error), { limiter })(), { timeout: 1000 })).rejects.toBe(error);
    await expect(firstValueFrom(gather([NEVER, () => Promise.reject(error)], { limiter }))).rejects.toBe(error);
  });

  it('a timeout with a hostile task still disarms its timer when the group ends', async () => {
    const done = runTaskGroup((tg) => tg.soonify(() => new Observable<never>(() => () => undefined))(), { timeout: 100 }).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(100);
    expect(((await done) as DOMException).name).toBe('TimeoutError');
  });
});
