import { NEVER, Observable, of } from 'rxjs';
import { createLimiter, createTaskGroup, runTaskGroup } from '../src/index.js';
import { gather, mapConcurrentFrom } from '../operators/index.js';
import { deferred, flushMicrotasks, type Deferred } from './support/deferred.js';
import { observableProbe } from './support/probes.js';

describe('createLimiter', () => {
  it.each([
    [0, RangeError],
    [-1, RangeError],
    [1.5, RangeError],
    [NaN, RangeError],
    [-Infinity, RangeError],
    ['2', TypeError],
    [undefined, TypeError],
  ])('refuses concurrency %p', (value, type) => {
    expect(() => createLimiter(value as never)).toThrow(type);
    expect(() => createLimiter(value as never)).toThrow('createLimiter(concurrency): concurrency must be an integer >= 1 or Infinity');
  });

  it('accepts Infinity', () => {
    expect(createLimiter(Infinity).concurrency).toBe(Infinity);
  });

  it('runs at most `concurrency` at once, first in first out, with exact counts at every step', async () => {
    const limiter = createLimiter(2);
    const gates: Deferred<number>[] = [0, 1, 2, 3].map(() => deferred<number>());
    const started: number[] = [];
    const results = gates.map((gate, i) =>
      limiter.run(() => {
        started.push(i);
        return gate.promise;
      }),
    );
    expect(started).toEqual([0, 1]);
    expect([limiter.running, limiter.pending]).toEqual([2, 2]);
    gates[1]!.resolve(1);
    await flushMicrotasks();
    expect(started).toEqual([0, 1, 2]);
    expect([limiter.running, limiter.pending]).toEqual([2, 1]);
    gates[0]!.resolve(0);
    await flushMicrotasks();
    expect(started).toEqual([0, 1, 2, 3]);
    expect([limiter.running, limiter.pending]).toEqual([2, 0]);
    gates[2]!.resolve(2);
    gates[3]!.resolve(3);
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('gives fn a signal that never aborts when none is passed, and the caller\'s otherwise', async () => {
    const limiter = createLimiter(1);
    const seen = await limiter.run((signal) => signal);
    expect(seen.aborted).toBe(false);
    const controller = new AbortController();
    expect(await limiter.run((signal) => signal, controller.signal)).toBe(controller.signal);
  });

  it('applies the task value rule', async () => {
    const limiter = createLimiter(1);
    expect(await limiter.run(() => of(1, 2))).toBe(2);
    expect(await limiter.run(async () => 'p')).toBe('p');
    expect(await limiter.run(() => [1])).toEqual([1]);
  });

  it('rejects, and frees the slot, when fn throws or its task fails', async () => {
    const limiter = createLimiter(1);
    await expect(
      limiter.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(limiter.run(() => of())).rejects.toThrow('no elements in sequence');
    expect(limiter.running).toBe(0);
  });

  it('a waiting call whose signal aborts leaves the queue at once and never runs', async () => {
    const limiter = createLimiter(1);
    const hold = deferred();
    const first = limiter.run(() => hold.promise);
    const controller = new AbortController();
    const fn = jest.fn();
    const waiting = limiter.run(fn, controller.signal);
    const after = limiter.run(async () => 'after');
    expect(limiter.pending).toBe(2);
    controller.abort(new Error('gave up'));
    expect(limiter.pending).toBe(1);
    await expect(waiting).rejects.toThrow('gave up');
    hold.resolve();
    await first;
    expect(await after).toBe('after');
    expect(fn).not.toHaveBeenCalled();
  });

  it('an already aborted signal rejects at once and never runs', async () => {
    const limiter = createLimiter(1);
    const fn = jest.fn();
    await expect(limiter.run(fn, AbortSignal.abort('early'))).rejects.toBe('early');
    expect(fn).not.toHaveBeenCalled();
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('an abort while an Observable task runs unsubscribes it, frees the slot and rejects', async () => {
    const limiter = createLimiter(1);
    const probe = observableProbe<number>();
    const controller = new AbortController();
    const run = limiter.run(() => probe.observable, controller.signal);
    expect(probe.subscribed).toBe(1);
    controller.abort('stop');
    expect(probe.tornDown).toBe(1);
    expect(limiter.running).toBe(0);
    await expect(run).rejects.toBe('stop');
  });

  it('a promise task keeps its slot after an abort until it settles', async () => {
    const limiter = createLimiter(1);
    const hold = deferred<string>();
    const controller = new AbortController();
    const run = limiter.run(() => hold.promise, controller.signal);
    controller.abort();
    expect(limiter.running).toBe(1);
    hold.resolve('finished anyway');
    expect(await run).toBe('finished anyway');
    expect(limiter.running).toBe(0);
  });

  it('removes its abort listener once the call settles', async () => {
    const limiter = createLimiter(1);
    const controller = new AbortController();
    const add = jest.spyOn(controller.signal, 'addEventListener');
    const remove = jest.spyOn(controller.signal, 'removeEventListener');
    await limiter.run(async () => 1, controller.signal);
    expect(remove).toHaveBeenCalledWith('abort', add.mock.calls[0]![1]);
  });

  it('raising concurrency gives waiting work its slots at once, and starts it a promise job later (in its own context)', async () => {
    const limiter = createLimiter(1);
    const hold = deferred();
    const started: number[] = [];
    for (const i of [0, 1, 2]) void limiter.run(() => (started.push(i), hold.promise));
    expect(started).toEqual([0]);
    limiter.concurrency = 3;
    expect([limiter.running, limiter.pending]).toEqual([3, 0]);
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    hold.resolve();
    await flushMicrotasks();
    expect(limiter.running).toBe(0);
  });

  it('lowering concurrency lets running work finish and starts nothing until below the bound', async () => {
    const limiter = createLimiter(3);
    const gates = [0, 1, 2, 3].map(() => deferred());
    const started: number[] = [];
    gates.forEach((gate, i) => void limiter.run(() => (started.push(i), gate.promise)));
    expect(started).toEqual([0, 1, 2]);
    limiter.concurrency = 1;
    gates[0]!.resolve();
    await flushMicrotasks();
    expect(started).toEqual([0, 1, 2]); // 2 still running >= 1
    gates[1]!.resolve();
    await flushMicrotasks();
    expect(started).toEqual([0, 1, 2]); // 1 running, not below 1
    gates[2]!.resolve();
    await flushMicrotasks();
    expect(started).toEqual([0, 1, 2, 3]);
    gates[3]!.resolve();
    await flushMicrotasks();
  });

  it('refuses a bad new concurrency and bad run arguments', () => {
    const limiter = createLimiter(1);
    expect(() => (limiter.concurrency = 0)).toThrow(new RangeError('limiter.concurrency must be an integer >= 1 or Infinity, got 0'));
    expect(() => limiter.run('x' as never)).toThrow(new TypeError('limiter.run(fn): fn must be a function, got "x"'));
    expect(() => limiter.run(() => 1, {} as never)).toThrow('limiter.run(fn, signal): signal must be an AbortSignal');
  });

  it('does not recurse when a long queue of synchronous tasks drains', async () => {
    const limiter = createLimiter(1);
    const hold = deferred();
    void limiter.run(() => hold.promise);
    const runs = Array.from({ length: 50_000 }, (_, i) => limiter.run(() => i));
    hold.resolve();
    const values = await Promise.all(runs);
    expect(values[49_999]).toBe(49_999);
  });

  it('bounds everything that shares it: groups, gather, mapConcurrentFrom and run together', async () => {
    const limiter = createLimiter(3);
    let inFlight = 0;
    let peak = 0;
    const work = async (n: number) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await flushMicrotasks();
      inFlight--;
      return n;
    };
    const { lastValueFrom, toArray } = await import('rxjs');
    const results = await Promise.all([
      runTaskGroup((tg) => [1, 2, 3, 4].map((n) => tg.soonify(work, { limiter })(n))),
      runTaskGroup((tg) => [5, 6].map((n) => tg.soonify(work)(n)), { limiter }),
      lastValueFrom(gather([7, 8, 9].map((n) => () => work(n)), { limiter })),
      lastValueFrom(mapConcurrentFrom([10, 11, 12], work, { limiter }).pipe(toArray())),
      limiter.run(() => work(13)),
    ]);
    expect(results).toEqual([[1, 2, 3, 4], [5, 6], [7, 8, 9], [10, 11, 12], 13]);
    expect(peak).toBe(3);
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('a cancelled group takes its waiting tasks out of the limiter queue', async () => {
    const limiter = createLimiter(1);
    const hold = deferred();
    const busy = limiter.run(() => hold.promise);
    const tg = createTaskGroup({ limiter });
    const never = jest.fn(() => NEVER);
    tg.soonify(never)();
    tg.soonify(never)();
    await flushMicrotasks();
    expect(limiter.pending).toBe(2);
    tg.cancel();
    expect(limiter.pending).toBe(0);
    await tg.join();
    hold.resolve();
    await busy;
    expect(never).not.toHaveBeenCalled();
  });

  it('a group task that holds a slot gives it back when cancelled', async () => {
    const limiter = createLimiter(1);
    const tg = createTaskGroup();
    tg.soonify(() => new Observable<never>(), { limiter })();
    await flushMicrotasks();
    expect(limiter.running).toBe(1);
    tg.cancel();
    expect(limiter.running).toBe(0);
    await tg.join();
  });
});
