import { lastValueFrom, Observable, of, toArray } from 'rxjs';
import { createLimiter, createScope, createTaskGroup, runTaskGroup, type LimiterLike, type Permit } from '../src/index.js';
import { gather, mapConcurrent, mapConcurrentFrom } from '../operators/index.js';
import { deferred, flushMicrotasks, type Deferred } from './support/deferred.js';

/**
 * A limiter of the test's own, speaking only the public protocol (`acquire(signal)` → permit),
 * that records what its users do: the signals they pass, the permits they release.
 */
class RecordingLimiter implements LimiterLike {
  held = 0;
  most = 0;
  readonly waiting: { grant: () => void; fail: (error: unknown) => void; signal: AbortSignal | undefined }[] = [];
  readonly signals: AbortSignal[] = [];
  releases = 0;
  /** when set, grants are given by the test through `grantNext` */
  manual = false;

  constructor(readonly bound: number) {}

  acquire(signal?: AbortSignal): Promise<Permit> {
    if (signal) this.signals.push(signal);
    return new Promise<Permit>((resolve, reject) => {
      const entry = {
        signal,
        grant: () => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          this.held++;
          this.most = Math.max(this.most, this.held);
          let released = false;
          resolve({
            release: () => {
              if (released) throw new Error('released twice');
              released = true;
              this.held--;
              this.releases++;
              this.pump();
            },
          });
        },
        fail: (error: unknown) => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(error);
        },
      };
      this.waiting.push(entry);
      signal?.addEventListener('abort', () => {
        if (this.waiting.includes(entry)) entry.fail(signal.reason);
      });
      this.pump();
    });
  }

  grantNext(): void {
    this.waiting[0]!.grant();
  }

  private pump(): void {
    if (this.manual) return;
    while (this.held < this.bound && this.waiting.length > 0) this.waiting[0]!.grant();
  }
}

describe('the limiter protocol: any object with acquire(signal) plugs in', () => {
  it('bounds soonify, createTaskGroup, gather, mapConcurrent and mapConcurrentFrom, and every permit is released once', async () => {
    const limiter = new RecordingLimiter(2);
    const gates: Deferred<number>[] = [];
    const task = (i: number) => {
      const gate = deferred<number>();
      gates.push(gate);
      return gate.promise.then(() => i);
    };
    const results = Promise.all([
      runTaskGroup((tg) => [0, 1].map((i) => tg.soonify(task, { limiter })(i))),
      runTaskGroup((tg) => [2, 3].map((i) => tg.soonify(task)(i)), { limiter }),
      lastValueFrom(gather([() => task(4), () => task(5)], { limiter })),
      lastValueFrom(of(6, 7).pipe(mapConcurrent(task, { concurrency: 2, limiter }), toArray())),
      lastValueFrom(mapConcurrentFrom([8, 9], task, { concurrency: 2, limiter }).pipe(toArray())),
    ]);
    // release the tasks one at a time: never more than 2 run
    for (let i = 0; i < 10; i++) {
      await flushMicrotasks();
      expect(limiter.held).toBeLessThanOrEqual(2);
      gates[i]!.resolve(0);
    }
    expect(await results).toEqual([[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]);
    expect([limiter.most, limiter.held, limiter.releases, limiter.waiting.length]).toEqual([2, 0, 10, 0]);
  });

  it('cancelling a group aborts the signal of every task still waiting, and they never start', async () => {
    const limiter = new RecordingLimiter(1);
    const started: number[] = [];
    const gate = deferred();
    const group = createTaskGroup({ limiter });
    for (let i = 0; i < 3; i++) {
      group.soonify(async () => {
        started.push(i);
        await gate.promise;
      })();
    }
    await flushMicrotasks();
    expect(started).toEqual([0]);
    group.cancel(new Error('stop'));
    expect(limiter.signals.map((signal) => signal.aborted)).toEqual([false, true, true]);
    gate.resolve();
    await group.join(); // a cancel is not a failure: join resolves
    await flushMicrotasks();
    expect(started).toEqual([0]);
    expect([limiter.held, limiter.waiting.length, limiter.releases]).toEqual([0, 0, 1]);
  });

  it('a permit granted after the waiter was withdrawn is released at once', async () => {
    const limiter = new RecordingLimiter(1);
    limiter.manual = true;
    const inner: { grant: () => void }[] = [];
    // a limiter that ignores the signal and grants late
    const late: LimiterLike = {
      acquire: (signal) =>
        new Promise<Permit>((resolve) => {
          inner.push({ grant: () => resolve({ release: () => void limiter.releases++ }) });
          void signal;
        }),
    };
    const group = createTaskGroup({ limiter: late });
    const ran = jest.fn();
    group.soonify(ran)();
    await flushMicrotasks();
    group.cancel();
    inner[0]!.grant();
    await flushMicrotasks();
    expect(ran).not.toHaveBeenCalled();
    expect(limiter.releases).toBe(1);
    await group.join().catch(() => undefined);
  });

  it('an acquire that rejects fails the task with its error, as a throw would, and nothing is released', async () => {
    const down = new Error('limit server unreachable');
    const failing: LimiterLike & { releases: number } = {
      releases: 0,
      acquire: () => Promise.reject(down),
    };
    const ran = jest.fn();
    await expect(runTaskGroup((tg) => [tg.soonify(ran, { limiter: failing })()])).rejects.toBe(down);
    await expect(lastValueFrom(gather([ran], { limiter: failing }))).rejects.toBe(down);
    await expect(lastValueFrom(mapConcurrentFrom([1, 2], ran, { concurrency: 1, limiter: failing }))).rejects.toBe(down);
    await expect(lastValueFrom(of(1).pipe(mapConcurrent(ran, { limiter: failing })))).rejects.toBe(down);
    const throwing: LimiterLike = {
      acquire: () => {
        throw down;
      },
    };
    await expect(runTaskGroup((tg) => [tg.soonify(ran)()], { limiter: throwing })).rejects.toBe(down);
    expect(ran).not.toHaveBeenCalled();
  });

  it('progress counts a refused task as failed, never as running', async () => {
    const failing: LimiterLike = { acquire: () => Promise.reject(new Error('no')) };
    const snapshots: { running: number; failed: number }[] = [];
    await expect(
      lastValueFrom(gather([() => 1, () => 2], { limiter: failing, progress: (p) => snapshots.push({ running: p.running, failed: p.failed }) })),
    ).rejects.toThrow('no');
    expect(snapshots.every((s) => s.running >= 0)).toBe(true);
    const scope = createScope({ limiter: failing, onError: () => undefined });
    const value = scope.startSoon(() => 1);
    await expect(value).rejects.toThrow('no');
    const progress = await new Promise<{ running: number; failed: number; queued: number }>((resolve) => scope.progress$.subscribe(resolve));
    expect([progress.running, progress.queued, progress.failed]).toEqual([0, 0, 1]);
    await scope.close();
  });

  it('a permit that is not one fails the task with a TypeError naming the limiter option', async () => {
    const odd: LimiterLike = { acquire: () => Promise.resolve({} as Permit) };
    await expect(runTaskGroup((tg) => [tg.soonify(() => 1)()], { limiter: odd })).rejects.toThrow(
      new TypeError('runTaskGroup(body, options): options.limiter.acquire() must resolve to a permit with a release() method, got [object Object]'),
    );
  });

  describe('a release that throws or rejects', () => {
    const reports: unknown[] = [];
    const global = globalThis as { reportError?: (error: unknown) => void };
    let previous: typeof global.reportError;
    beforeEach(() => {
      previous = global.reportError;
      global.reportError = (error) => reports.push(error);
    });
    afterEach(() => (global.reportError = previous));

    it('is reported through reportError, and the task keeps its value', async () => {
      const broken = new Error('release failed');
      const limiter: LimiterLike = {
        acquire: async () => ({
          release: () => {
            throw broken;
          },
        }),
      };
      const rejecting: LimiterLike = { acquire: async () => ({ release: () => Promise.reject(broken) }) };
      expect(await runTaskGroup((tg) => [tg.soonify(() => 1, { limiter })(), tg.soonify(() => 2, { limiter: rejecting })()])).toEqual([1, 2]);
      await flushMicrotasks();
      expect(reports).toEqual([broken, broken]);
    });
  });

  it('cancelling a group unsubscribes an Observable task holding a foreign permit, and releases it', async () => {
    const limiter = new RecordingLimiter(1);
    let unsubscribed = 0;
    const never = () => new Observable<number>(() => () => unsubscribed++);
    const group = createTaskGroup({ limiter });
    group.soonify(() => never())();
    group.soonify(() => never())();
    await flushMicrotasks();
    expect([limiter.held, limiter.waiting.length]).toEqual([1, 1]);
    group.cancel();
    await group.join().catch(() => undefined);
    expect([unsubscribed, limiter.held, limiter.waiting.length, limiter.releases]).toEqual([1, 0, 0, 1]);
  });

  it('a limiter made by createLimiter still takes its fast path, with no promise per task', async () => {
    const limiter = createLimiter(1);
    const acquire = jest.spyOn(limiter, 'acquire');
    await runTaskGroup((tg) => [1, 2, 3].map((i) => tg.soonify((n: number) => n, { limiter })(i)));
    expect(acquire).not.toHaveBeenCalled();
  });
});
