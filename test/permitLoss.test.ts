import { lastValueFrom, Observable, of, toArray } from 'rxjs';
import { createTaskGroup, runTaskGroup, type LimiterLike, type Permit } from '../src/index.js';
import { mapConcurrent } from '../operators/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';

// A permit's `signal`: a limiter whose slots can be lost (a Redis lease run out in a stall) aborts
// it, and whatever holds the slot fails its task with the reason instead of running on beside the
// task that got the slot. Here with a limiter of the test's own that loses a slot on demand; the
// Redis limiter's real loss (a process stopped past its lease) is in test/redis/crossProcess.test.ts.

/** Grants up to `bound` permits, each with a signal the test can abort: `lose(i)` loses the i-th granted. */
class LossyLimiter implements LimiterLike {
  held = 0;
  releases = 0;
  readonly granted: { controller: AbortController; released: boolean }[] = [];
  private readonly waiting: (() => void)[] = [];

  constructor(readonly bound: number) {}

  acquire(): Promise<Permit> {
    return new Promise<Permit>((resolve) => {
      this.waiting.push(() => {
        const entry = { controller: new AbortController(), released: false };
        this.granted.push(entry);
        this.held++;
        resolve({
          signal: entry.controller.signal,
          release: () => {
            entry.released = true;
            this.held--;
            this.releases++;
            this.pump();
          },
        });
      });
      this.pump();
    });
  }

  lose(index: number, error: Error): void {
    this.granted[index]!.controller.abort(error);
  }

  private pump(): void {
    while (this.held < this.bound && this.waiting.length > 0) this.waiting.shift()!();
  }
}

const lostError = () => new Error('limiter "test" lost the lease of a permit');

describe("a permit's signal: a task whose slot was lost fails, and stops", () => {
  it('a group task: the group fails with the limiter error, its signal aborts with it, a sibling waiting for the slot never starts', async () => {
    const limiter = new LossyLimiter(1);
    const error = lostError();
    const holding = deferred<void>();
    let echo: unknown;
    const started: string[] = [];
    const run = runTaskGroup(
      (tg) => {
        tg.soonify(async () => {
          started.push('first');
          holding.resolve();
          await new Promise((resolve) => tg.signal.addEventListener('abort', resolve));
          echo = tg.signal.reason;
          throw new Error('the client gave up its own way'); // an echo: the loss is the outcome
        })();
        tg.soonify(() => void started.push('second'))();
      },
      { limiter },
    );
    await holding.promise;
    limiter.lose(0, error);
    await expect(run).rejects.toBe(error);
    expect(echo).toBe(error);
    expect(started).toEqual(['first']);
    expect(limiter.held).toBe(0);
  });

  it('an Observable task is unsubscribed when its slot is lost', async () => {
    const limiter = new LossyLimiter(1);
    let unsubscribed = 0;
    const group = createTaskGroup({ limiter });
    const value = group.soonify(() => new Observable<number>(() => () => unsubscribed++))();
    await flushMicrotasks();
    const error = lostError();
    limiter.lose(0, error);
    await expect(group.join()).rejects.toBe(error);
    await expect(value).rejects.toBe(error);
    expect(unsubscribed).toBe(1);
  });

  it("with the group's own concurrency too (both bounds): the loss still reaches the task", async () => {
    const limiter = new LossyLimiter(2);
    const group = createTaskGroup({ limiter, concurrency: 1 });
    group.soonify(() => new Promise<never>(() => undefined))();
    await flushMicrotasks();
    const error = lostError();
    limiter.lose(0, error);
    await expect(group.join()).rejects.toBe(error);
  });

  it('mapConcurrent: the output errors with the limiter error and the item signal aborts with it', async () => {
    const limiter = new LossyLimiter(1);
    const signals: AbortSignal[] = [];
    const holding = deferred<void>();
    const output = lastValueFrom(
      of(1, 2).pipe(
        mapConcurrent(
          (_value, _index, signal) => {
            signals.push(signal);
            holding.resolve();
            return new Promise<never>(() => undefined);
          },
          { concurrency: 2, limiter },
        ),
      ),
    );
    await holding.promise;
    const error = lostError();
    limiter.lose(0, error);
    await expect(output).rejects.toBe(error);
    expect(signals[0]!.reason).toBe(error);
  });

  it('mapConcurrent reuses a lane: the loss of a permit it already released does not touch the item after', async () => {
    const limiter = new LossyLimiter(1);
    const second = deferred<void>();
    const output = lastValueFrom(
      of(1, 2).pipe(
        mapConcurrent((value) => (value === 1 ? value : second.promise.then(() => value)), { concurrency: 1, limiter }),
        toArray(),
      ),
    );
    await flushMicrotasks();
    expect(limiter.granted.map((entry) => entry.released)).toEqual([true, false]);
    limiter.lose(0, lostError()); // a limiter that aborts a released permit: nothing holds it
    second.resolve();
    await expect(output).resolves.toEqual([1, 2]);
  });

  it('a permit whose signal is not an AbortSignal fails the task with a TypeError naming the option and echoing it', async () => {
    const odd: LimiterLike = { acquire: () => Promise.resolve({ release: () => undefined, signal: 5 } as unknown as Permit) };
    await expect(runTaskGroup((tg) => [tg.soonify(() => 1)()], { limiter: odd })).rejects.toThrow(
      new TypeError('runTaskGroup(body, options): options.limiter.acquire() resolved to a permit whose signal must be an AbortSignal, got 5'),
    );
  });
});
