import { firstValueFrom, Observable } from 'rxjs';
import { createLimiter, createTaskGroup, runTaskGroup, type LimiterLike, type Permit } from '../src/index.js';
import { gather, mapConcurrent } from '../operators/index.js';
import { from, lastValueFrom, toArray } from 'rxjs';
import { deferred, flushMicrotasks } from './support/deferred.js';

// A task that holds a limiter's slot and asks the same limiter again (a helper that limits its
// own calls, an HTTP request through `limitRequests`) runs on its own slot instead of waiting for
// one it keeps busy itself: p-limit's most reported deadlock. Synchronously, everywhere.

/** A helper that limits its own calls, as users write them; counts how many run at once. */
function limitedHelper(limiter: ReturnType<typeof createLimiter>) {
  let open = 0;
  let most = 0;
  const call = (x: number) =>
    limiter.run(async () => {
      open++;
      most = Math.max(most, open);
      await Promise.resolve();
      open--;
      return x * 10;
    });
  return { call, most: () => most };
}

describe('a limiter asked again by a task that holds its slot', () => {
  it('gather with the limiter, each input calling a helper limited by it: completes, bound kept (it hung)', async () => {
    const limiter = createLimiter(2);
    const helper = limitedHelper(limiter);
    const result = await firstValueFrom(gather([1, 2, 3, 4].map((x) => () => helper.call(x)), { limiter }));
    expect(result).toEqual([10, 20, 30, 40]);
    expect(helper.most()).toBe(2); // the inner calls ran on their tasks' two slots, no third
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('a group task with the limiter calling limiter.run: completes, and the slot is given back once', async () => {
    const limiter = createLimiter(1);
    const helper = limitedHelper(limiter);
    const values = await runTaskGroup((tg) => [1, 2, 3].map((x) => tg.startSoon(() => helper.call(x))), { limiter });
    expect(values).toEqual([10, 20, 30]);
    expect(helper.most()).toBe(1);
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
    await expect(limiter.run(() => 'free')).resolves.toBe('free'); // the count is whole
  });

  it('the Observable a task returns, asking the limiter when subscribed (as limitRequests does), runs on the slot', async () => {
    const limiter = createLimiter(1);
    const request = (x: number) =>
      new Observable<number>((subscriber) => {
        // what an interceptor does when the task's Observable is subscribed
        void limiter.run(async () => x + 1).then((value) => {
          subscriber.next(value);
          subscriber.complete();
        });
      });
    const values = await runTaskGroup((tg) => [1, 2].map((x) => tg.startSoon(() => request(x))), { limiter });
    expect(values).toEqual([2, 3]);
    expect(limiter.running).toBe(0);
  });

  it('mapConcurrent with the limiter, the project asking it again: no deadlock', async () => {
    const limiter = createLimiter(1);
    const helper = limitedHelper(limiter);
    const values = await lastValueFrom(from([1, 2, 3]).pipe(mapConcurrent((x) => helper.call(x), { concurrency: 3, limiter }), toArray()));
    expect(values).toEqual([10, 20, 30]);
    expect(helper.most()).toBe(1);
  });

  it('limiter.acquire inside the task resolves at once with a permit whose release gives nothing back', async () => {
    const limiter = createLimiter(1);
    const tg = createTaskGroup({ limiter });
    let inner: Permit | undefined;
    tg.startSoon(async () => {
      const permit = limiter.acquire();
      await flushMicrotasks();
      inner = await permit;
      expect(limiter.running).toBe(1); // the task's own slot, counted once
      inner.release();
      expect(limiter.running).toBe(1);
    });
    await tg.join();
    expect(inner).toBeDefined();
    expect(limiter.running).toBe(0);
  });

  it('a user limiter (LimiterLike) is asked once per task, not again for the calls inside it', async () => {
    let acquires = 0;
    const inner = createLimiter(1);
    const mine: LimiterLike = {
      acquire(signal) {
        acquires++;
        return inner.acquire(signal);
      },
    };
    const values = await runTaskGroup((tg) => [1, 2].map((x) => tg.startSoon(() => firstValueFrom(gather([() => x, () => x + 1], { limiter: mine })))), { limiter: mine });
    expect(values).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(acquires).toBe(2);
  });

  it('holds only for the same limiter, and only while the task runs', async () => {
    const a = createLimiter(1);
    const b = createLimiter(1);
    const held = deferred();
    const bBusy = b.run(() => held.promise); // b's only slot is taken by someone else
    const tg = createTaskGroup({ limiter: a });
    let bRan = false;
    tg.startSoon(() => {
      void b.run(() => (bRan = true)); // another limiter: waits as usual
    });
    await tg.join();
    await flushMicrotasks();
    expect(bRan).toBe(false);
    held.resolve();
    await bBusy;
    await flushMicrotasks();
    expect(bRan).toBe(true);
    // after its task ended, a callback it left behind is nobody's: it waits like any call
    const later = deferred();
    const tg2 = createTaskGroup({ limiter: a });
    let callback: (() => Promise<string>) | undefined;
    tg2.startSoon(() => {
      callback = () => a.run(() => 'later');
    });
    await tg2.join();
    const blocker = a.run(() => later.promise);
    let laterRan = false;
    const laterCall = callback!().then(() => (laterRan = true));
    await flushMicrotasks();
    expect(laterRan).toBe(false);
    later.resolve();
    await Promise.all([blocker, laterCall]);
    expect(laterRan).toBe(true);
  });

  it('across an await, without linkAcrossAwaits, the task is not known: its call waits (the documented case), and a cancel frees it', async () => {
    const limiter = createLimiter(1);
    const tg = createTaskGroup({ limiter });
    let innerRan = false;
    tg.startSoon(async () => {
      await Promise.resolve();
      await limiter.run(() => (innerRan = true), tg.signal); // waits for the slot its own task holds
    });
    await flushMicrotasks();
    expect(innerRan).toBe(false);
    expect(limiter.pending).toBe(1);
    tg.cancel(); // or a timeout: the call leaves the queue, the task ends
    await tg.join();
    expect(innerRan).toBe(false);
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });
});
