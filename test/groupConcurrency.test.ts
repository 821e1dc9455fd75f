import { createLimiter, createScope, createTaskGroup, runTaskGroup, taskGroup } from '../src/index.js';
import { lastValueFrom } from 'rxjs';
import { deferred, flushMicrotasks, type Deferred } from './support/deferred.js';
import { captureUnhandled } from './support/probes.js';
import { expectTypeErrorAtOnce } from './support/hostile.js';

// `concurrency` on groups and scopes: what users try first (p-map, Effect), a bound of the
// group alone; with `limiter` too, both hold. Timing is driven by deferreds.

/** `n` tasks that each wait for their own deferred, with a count of how many run at once. */
function gate(n: number) {
  const gates: Deferred<number>[] = Array.from({ length: n }, () => deferred<number>());
  const started: number[] = [];
  let running = 0;
  let most = 0;
  const task = async (i: number, signal?: AbortSignal): Promise<number> => {
    started.push(i);
    running++;
    most = Math.max(most, running);
    try {
      if (signal) {
        return await Promise.race([gates[i]!.promise, new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
      }
      return await gates[i]!.promise;
    } finally {
      running--;
    }
  };
  return { gates, started, task, most: () => most, running: () => running };
}

describe('a group with concurrency', () => {
  it('runs at most that many tasks at once, the rest in the order they were started', async () => {
    const { gates, started, task, most } = gate(5);
    const tg = createTaskGroup({ concurrency: 2 });
    const values = [0, 1, 2, 3, 4].map((i) => tg.startSoon(task, i));
    await flushMicrotasks();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve(1);
    await flushMicrotasks();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve(0);
    await flushMicrotasks();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const i of [2, 3, 4]) gates[i]!.resolve(i);
    await tg.join();
    expect(values.map((v) => v.value)).toEqual([0, 1, 2, 3, 4]);
    expect(most()).toBe(2);
  });

  it('bounds runTaskGroup, taskGroup and a scope the same way', async () => {
    const a = gate(3);
    const run = runTaskGroup((tg) => [0, 1, 2].map((i) => tg.startSoon(a.task, i)), { concurrency: 1 });
    await flushMicrotasks();
    expect(a.started).toEqual([0]);
    [0, 1, 2].forEach((i) => a.gates[i]!.resolve(i));
    await expect(run).resolves.toEqual([0, 1, 2]);
    expect(a.most()).toBe(1);

    const b = gate(3);
    const observed = lastValueFrom(taskGroup((tg) => [0, 1, 2].map((i) => tg.startSoon(b.task, i)), { concurrency: 2 }));
    await flushMicrotasks();
    expect(b.started).toEqual([0, 1]);
    [0, 1, 2].forEach((i) => b.gates[i]!.resolve(i));
    await expect(observed).resolves.toEqual([0, 1, 2]);

    const c = gate(3);
    const scope = createScope({ concurrency: 1 });
    [0, 1, 2].forEach((i) => scope.startSoon(c.task, i));
    await flushMicrotasks();
    expect(c.started).toEqual([0]);
    [0, 1, 2].forEach((i) => c.gates[i]!.resolve(i));
    await scope.close();
    expect(c.started).toEqual([0, 1, 2]);
    expect(c.most()).toBe(1);
  });

  it('with a limiter too, both bounds hold: the group waits for its own bound before it takes a shared slot', async () => {
    const limiter = createLimiter(3);
    const { gates, started, task } = gate(6);
    const tg = createTaskGroup({ concurrency: 2, limiter });
    [0, 1, 2, 3].forEach((i) => tg.startSoon(task, i));
    const other = createTaskGroup({ limiter });
    [4, 5].forEach((i) => other.startSoon(task, i));
    await flushMicrotasks();
    // the group holds two of the limiter's three; its queued tasks do not hold a third
    expect(started).toEqual([0, 1, 4]);
    expect(limiter.running).toBe(3);
    gates[4]!.resolve(4); // the other group's slot frees: its next task takes it, not ours (bound 2)
    await flushMicrotasks();
    expect(started).toEqual([0, 1, 4, 5]);
    expect(limiter.running).toBe(3);
    gates[0]!.resolve(0); // frees a place in our bound and a limiter slot: task 2 takes both
    await flushMicrotasks();
    expect(started).toEqual([0, 1, 4, 5, 2]);
    gates[5]!.resolve(5);
    [1, 2, 3].forEach((i) => gates[i]!.resolve(i));
    await Promise.all([tg.join(), other.join()]);
    expect(started).toEqual([0, 1, 4, 5, 2, 3]);
    expect(limiter.running).toBe(0);
  });

  it('chains a limiter of any kind (a LimiterLike whose acquire resolves later) and withdraws from it on cancel', async () => {
    const grants: Deferred<void>[] = [];
    let held = 0;
    const withdrawn: boolean[] = [];
    const slow = {
      acquire(signal?: AbortSignal) {
        const grant = deferred<void>();
        grants.push(grant);
        signal?.addEventListener('abort', () => withdrawn.push(true), { once: true });
        return grant.promise.then(() => {
          held++;
          return { release: () => void held-- };
        });
      },
    };
    const { started, task } = gate(3);
    const tg = createTaskGroup({ concurrency: 2, limiter: slow });
    [0, 1, 2].forEach((i) => tg.startSoon((n: number) => task(n, tg.signal), i));
    await flushMicrotasks();
    expect(grants).toHaveLength(2); // the third waits for the group's bound, not in the limiter
    grants[0]!.resolve();
    await flushMicrotasks();
    expect(started).toEqual([0]);
    tg.cancel('done');
    await tg.join().catch(() => undefined);
    await flushMicrotasks();
    // every wait in the limiter that was not granted was withdrawn (task 1's; task 2 may have
    // reached the limiter for a moment, as task 1 gave the group's place back), none is held
    expect(withdrawn).toHaveLength(grants.length - 1);
    expect(held).toBe(0);
    expect(started).toEqual([0]);
  });

  it("bounds a soonify's own limiter too", async () => {
    const own = createLimiter(10);
    const { gates, started, task } = gate(3);
    const tg = createTaskGroup({ concurrency: 1 });
    const limited = tg.soonify(task, { limiter: own });
    [0, 1, 2].forEach((i) => limited(i));
    await flushMicrotasks();
    expect(started).toEqual([0]);
    expect(own.running).toBe(1);
    [0, 1, 2].forEach((i) => gates[i]!.resolve(i));
    await tg.join();
    expect(started).toEqual([0, 1, 2]);
    expect(own.running).toBe(0);
  });

  it('cancelling gives every slot back, of both bounds, and starts none of the waiting tasks', async () => {
    const unhandled = captureUnhandled();
    try {
      const limiter = createLimiter(1);
      const { started, task } = gate(4);
      const tg = createTaskGroup({ concurrency: 2, limiter });
      [0, 1, 2, 3].forEach((i) => tg.startSoon((n: number) => task(n, tg.signal), i));
      await flushMicrotasks();
      expect(started).toEqual([0]); // 1 waits for the limiter, holding the group's second place; 2 and 3 for the group
      tg.cancel(new Error('stop'));
      await tg.join().catch(() => undefined);
      await flushMicrotasks();
      expect(started).toEqual([0]);
      expect([limiter.running, limiter.pending]).toEqual([0, 0]);
      // the limiter is whole: a new call gets its one slot at once
      await expect(limiter.run(() => 'free')).resolves.toBe('free');
      expect(unhandled.errors).toEqual([]);
    } finally {
      unhandled.restore();
    }
  });

  it('a failure gives the slots back as well', async () => {
    const limiter = createLimiter(2);
    const tg = createTaskGroup({ concurrency: 1, limiter });
    tg.startSoon(() => Promise.reject(new Error('boom')));
    tg.startSoon(() => 'never');
    await expect(tg.join()).rejects.toThrow('boom');
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('takes Infinity as no bound, and refuses anything but an integer >= 1 at once, naming it', () => {
    expect(() => createTaskGroup({ concurrency: Infinity })).not.toThrow();
    expectTypeErrorAtOnce(() => createTaskGroup({ concurrency: '2' as never }), /^createTaskGroup\(options\): options\.concurrency must be an integer >= 1 or Infinity, got "2"$/);
    expect(() => createScope({ concurrency: 0 })).toThrow(new RangeError('createScope(options): options.concurrency must be an integer >= 1 or Infinity, got 0'));
    expect(() => runTaskGroup(() => 1, { concurrency: 1.5 })).toThrow(RangeError);
    expect(() => taskGroup(() => 1, { concurrency: NaN })).toThrow(RangeError);
  });
});
