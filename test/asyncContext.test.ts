import { AsyncLocalStorage } from 'node:async_hooks';
import { from, lastValueFrom, Subject, toArray } from 'rxjs';
import { createLimiter, createScope, createTaskGroup, runTaskGroup } from '../src/index.js';
import { gather, mapConcurrent, mapConcurrentFrom } from '../operators/index.js';

// Work that runs later than it was scheduled (a task waiting for a limiter slot, a group's
// deferred start, an operator's next item) runs in the async context of the call that scheduled
// it: what AsyncLocalStorage's getStore() returned there. A request id in a log line, an
// OpenTelemetry span, a tenant: each limited task must see its own, not the one of whichever
// task freed its slot. Before, a queued task saw the store of the task that released the slot.

const store = new AsyncLocalStorage<{ id: number }>();
const idNow = (): number | undefined => store.getStore()?.id;
/** A task that reads its store before and after an await, as a logger inside it would. */
const readIds = async (): Promise<[number | undefined, number | undefined]> => {
  const before = idNow();
  await new Promise((resolve) => setImmediate(resolve));
  return [before, idNow()];
};
const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('async context survives the limiter queue', () => {
  it('limiter.run called inside store.run for ids 0..39, a limit of 2: each fn sees its own id', async () => {
    const limiter = createLimiter(2);
    const seen = await Promise.all(ids(40).map((id) => store.run({ id }, () => limiter.run(readIds))));
    expect(seen).toEqual(ids(40).map((id) => [id, id]));
  });

  it('with priorities and a rate limit too', async () => {
    const limiter = createLimiter(2, { priority: true, rate: { limit: 1000, interval: 1000 } });
    const seen = await Promise.all(ids(12).map((id) => store.run({ id }, () => limiter.run(readIds, undefined, { priority: id % 3 }))));
    expect(seen).toEqual(ids(12).map((id) => [id, id]));
  });

  it('three groups, each started in its own store, sharing one limiter: each task sees its group\'s id', async () => {
    const limiter = createLimiter(1);
    const seen = await Promise.all(
      [0, 1, 2].map((id) => store.run({ id }, () => runTaskGroup((tg) => ids(5).map(() => tg.soonify(readIds, { limiter })())))),
    );
    expect(seen).toEqual([0, 1, 2].map((id) => ids(5).map(() => [id, id])));
  });

  it("scopes' startSoon from three requests, one shared limiter", async () => {
    const limiter = createLimiter(1);
    const scope = createScope({ limiter });
    const handles: PromiseLike<[number | undefined, number | undefined]>[] = [];
    for (const id of [0, 1, 2]) {
      await new Promise((resolve) => setImmediate(resolve)); // each request in its own turn, as requests come
      handles.push(...store.run({ id }, () => ids(3).map(() => scope.startSoon(readIds))));
    }
    const seen = await Promise.all(handles);
    expect(seen).toEqual([0, 1, 2].flatMap((id) => ids(3).map(() => [id, id])));
    await scope.close();
  });

  it('gather, mapConcurrentFrom and mapConcurrent subscribed in their own stores, one shared limiter', async () => {
    const limiter = createLimiter(1);
    const inputs = () => ids(4).map(() => () => readIds());
    const seen = await Promise.all([
      store.run({ id: 0 }, () => lastValueFrom(gather(inputs(), { limiter }))),
      store.run({ id: 1 }, () => lastValueFrom(mapConcurrentFrom(ids(4), () => readIds(), { concurrency: 2, limiter }).pipe(toArray()))),
      store.run({ id: 2 }, () => lastValueFrom(from(ids(4)).pipe(mapConcurrent(() => readIds(), { concurrency: 2, limiter }), toArray()))),
    ]);
    expect(seen).toEqual([0, 1, 2].map((id) => ids(4).map(() => [id, id])));
  });

  it('a group task waiting on a limiter that a gather holds starts in the group\'s store', async () => {
    const limiter = createLimiter(1);
    const [fromGather, fromGroup] = await Promise.all([
      store.run({ id: 7 }, () => lastValueFrom(gather([readIds, readIds], { limiter }))),
      store.run({ id: 8 }, () => runTaskGroup((tg) => [tg.soonify(readIds, { limiter })(), tg.soonify(readIds, { limiter })()])),
    ]);
    expect(fromGather).toEqual([[7, 7], [7, 7]]);
    expect(fromGroup).toEqual([[8, 8], [8, 8]]);
  });

  it('a task withdrawn between its grant and its start gives the slot to the next waiter', async () => {
    const limiter = createLimiter(1);
    const holder = new Subject<void>();
    const first = limiter.run(() => holder);
    const controller = new AbortController();
    const second = limiter.run(() => 'never', controller.signal);
    const third = store.run({ id: 3 }, () => limiter.run(() => idNow()));
    holder.next();
    holder.complete(); // releases synchronously: the second is granted, its start a promise job away
    expect([limiter.running, limiter.pending]).toEqual([1, 1]);
    controller.abort('gone'); // withdrawn in that window: its slot goes to the third
    await first;
    await expect(second).rejects.toBe('gone');
    await expect(third).resolves.toBe(3);
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });
});

describe("a group's deferred start", () => {
  it('a batch starts in the store of the call that soonified it, across batches of one scope', async () => {
    const scope = createScope();
    const first = store.run({ id: 1 }, () => scope.startSoon(readIds));
    await first;
    const second = store.run({ id: 2 }, () => scope.startSoon(readIds));
    expect(await second).toEqual([2, 2]);
    expect(await first).toEqual([1, 1]);
    await scope.close();
  });

  it('a group created in one store runs its tasks in it', async () => {
    const tg = store.run({ id: 5 }, () => createTaskGroup());
    const task = store.run({ id: 5 }, () => tg.soonify(readIds)());
    await tg.join();
    expect(task.value).toEqual([5, 5]);
  });
});

/**
 * p-limit's shape over createLimiter: `limit(fn, ...args)`, `activeCount`, `pendingCount`,
 * `concurrency`. Written here to run the behaviours p-limit's users rely on against this limiter.
 */
function pLimitShaped(concurrency: number) {
  const limiter = createLimiter(concurrency);
  const limit = <A extends unknown[], R>(fn: (...args: A) => R | PromiseLike<R>, ...args: A): Promise<R> =>
    limiter.run(() => fn(...args)) as Promise<R>;
  return Object.defineProperties(limit, {
    activeCount: { get: () => limiter.running },
    pendingCount: { get: () => limiter.pending },
    concurrency: {
      get: () => limiter.concurrency,
      set: (value: number) => (limiter.concurrency = value),
    },
  }) as typeof limit & { readonly activeCount: number; readonly pendingCount: number; concurrency: number };
}

describe("p-limit's behaviours, through a p-limit-shaped wrapper", () => {
  it('propagates the async execution context of each call to its queued function', async () => {
    const limit = pLimitShaped(2);
    const checks = ids(100).map((id) =>
      store.run({ id }, () =>
        limit(async () => {
          await Promise.resolve();
          return idNow() === id;
        }),
      ),
    );
    expect((await Promise.all(checks)).every(Boolean)).toBe(true);
  });

  it('never runs more than the concurrency at once', async () => {
    const limit = pLimitShaped(4);
    let running = 0;
    let most = 0;
    await Promise.all(
      ids(40).map(() =>
        limit(async () => {
          most = Math.max(most, ++running);
          await new Promise((resolve) => setImmediate(resolve));
          running--;
        }),
      ),
    );
    expect(most).toBe(4);
  });

  it('takes a function that returns a plain value, and passes extra arguments', async () => {
    const limit = pLimitShaped(1);
    await expect(limit((a: number, b: number) => a + b, 1, 2)).resolves.toBe(3);
  });

  it('rejects with what the function throws, synchronously or not, and goes on', async () => {
    const limit = pLimitShaped(1);
    const failed = limit(() => {
      throw new Error('sync');
    });
    const rejected = limit(async () => Promise.reject(new Error('async')));
    const after = limit(() => 'after');
    await expect(failed).rejects.toThrow('sync');
    await expect(rejected).rejects.toThrow('async');
    await expect(after).resolves.toBe('after');
  });

  it('counts active and pending', async () => {
    const limit = pLimitShaped(1);
    let release!: () => void;
    const first = limit(() => new Promise<void>((resolve) => (release = resolve)));
    const second = limit(() => undefined);
    expect([limit.activeCount, limit.pendingCount]).toEqual([1, 1]);
    release();
    await Promise.all([first, second]);
    expect([limit.activeCount, limit.pendingCount]).toEqual([0, 0]);
  });

  it('raising the concurrency starts waiting functions; lowering it lets running ones finish', async () => {
    const limit = pLimitShaped(1);
    const releases: (() => void)[] = [];
    const started: number[] = [];
    const runs = ids(4).map((i) => limit(() => new Promise<void>((resolve) => (started.push(i), releases.push(resolve)))));
    limit.concurrency = 3;
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    limit.concurrency = 1;
    releases.splice(0).forEach((release) => release());
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2, 3]);
    releases.splice(0).forEach((release) => release());
    await Promise.all(runs);
  });

  it('refuses a concurrency that is not an integer >= 1 or Infinity', () => {
    for (const bad of [0, -1, 1.5, NaN, '2']) expect(() => pLimitShaped(bad as number)).toThrow(/concurrency/);
  });

  it('by design: a free limiter starts the function at once (p-limit starts it a promise job later)', () => {
    const limit = pLimitShaped(1);
    let started = false;
    void limit(() => (started = true));
    expect(started).toBe(true);
  });
});
