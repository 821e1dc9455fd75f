import { firstValueFrom, from, NEVER, Subject, UnsubscriptionError } from 'rxjs';
import { createLimiter, runTaskGroup } from '../../src/index.js';
import { firstWins, gather, mapConcurrent, mapConcurrentFrom } from '../../operators/index.js';
import { deferred, flushMicrotasks } from '../support/deferred.js';
import { captureUnhandled, nextMacrotask, observableProbe } from '../support/probes.js';
import { syncWithThrowingTeardown, throwingSubscribe, throwingTeardown } from '../support/hostile.js';

// An input whose teardown throws must never stop the cancel loop: every other input is still
// unsubscribed. When the library cancels (a sibling failed, a winner was found), the outcome stays
// the cause of the cancel, and the teardown's error goes where rxjs sends an error with no
// subscriber to go to (config.onUnhandledError, else thrown from a timer): never lost, never
// folded into the outcome. When the subscriber unsubscribes, rxjs hands it to the caller.

describe('an input whose teardown throws', () => {
  const teardownError = new Error('teardown threw');
  let unhandled: ReturnType<typeof captureUnhandled>;
  beforeEach(() => (unhandled = captureUnhandled()));
  afterEach(() => unhandled.restore());
  /** What rxjs was told of, once its timer ran. */
  const reported = async (): Promise<unknown[]> => {
    await nextMacrotask();
    return unhandled.errors;
  };

  it('gather: a sibling failure still unsubscribes every input; the failure is the error, the teardown error is reported', async () => {
    const other = observableProbe<number>();
    const boom = new Error('boom');
    const gate = deferred<number>();
    const result = firstValueFrom(gather([throwingTeardown(teardownError), other.observable, () => gate.promise]));
    gate.reject(boom);
    await expect(result).rejects.toBe(boom);
    expect(other.tornDown).toBe(1);
    expect(await reported()).toEqual([teardownError]);
  });

  it('gather with a concurrency bound: the same', async () => {
    const other = observableProbe<number>();
    const boom = new Error('boom');
    await expect(firstValueFrom(gather([other.observable, throwingTeardown(teardownError), () => Promise.reject(boom)], { concurrency: 3 }))).rejects.toBe(boom);
    expect(other.tornDown).toBe(1);
    expect(await reported()).toEqual([teardownError]);
  });

  it('gather: unsubscribing still unsubscribes every input, and rxjs hands the error to the caller of unsubscribe()', () => {
    const before = observableProbe<number>();
    const after = observableProbe<number>();
    const subscription = gather([before.observable, throwingTeardown(teardownError), after.observable]).subscribe();
    let thrown: unknown;
    try {
      subscription.unsubscribe();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnsubscriptionError);
    expect((thrown as UnsubscriptionError).errors).toEqual([teardownError]);
    expect([before.tornDown, after.tornDown]).toEqual([1, 1]);
  });

  it('mapConcurrent: a failure unsubscribes every inner; the failure is the error, the teardown error is reported', async () => {
    const probes = [observableProbe<number>(), observableProbe<number>()];
    const source = new Subject<number>();
    const boom = new Error('boom');
    const done = firstValueFrom(
      source.pipe(mapConcurrent((i: number) => (i === 1 ? throwingTeardown(teardownError) : i === 3 ? Promise.reject(boom) : probes[i === 0 ? 0 : 1]!.observable), 4)),
    ).then(() => undefined, (e: unknown) => e);
    [0, 1, 2, 3].forEach((i) => source.next(i));
    expect(await done).toBe(boom);
    expect(probes.map((p) => p.tornDown)).toEqual([1, 1]);
    expect(await reported()).toEqual([teardownError]);
  });

  it('mapConcurrentFrom, unbounded: the same', async () => {
    const other = observableProbe<number>();
    const boom = new Error('boom');
    const inputs = [() => throwingTeardown(teardownError), () => other.observable, () => Promise.reject(boom)];
    await expect(firstValueFrom(mapConcurrentFrom(inputs, (f) => f(), Infinity))).rejects.toBe(boom);
    expect(other.tornDown).toBe(1);
    expect(await reported()).toEqual([teardownError]);
  });

  it('firstWins: a winner with a loser whose teardown throws still wins, every loser cancelled, the teardown error reported', async () => {
    const loser = observableProbe<number>();
    await expect(firstValueFrom(firstWins([throwingTeardown(teardownError), loser.observable, Promise.resolve(1)]))).resolves.toBe(1);
    expect(loser.tornDown).toBe(1);
    expect(await reported()).toEqual([teardownError]);
  });

  it('firstWins: a winner with two losers whose teardowns throw: the winner, and each teardown error reported', async () => {
    const second = new Error('second teardown threw');
    await expect(firstValueFrom(firstWins([throwingTeardown(teardownError), throwingTeardown(second), Promise.resolve(1)]))).resolves.toBe(1);
    expect(await reported()).toEqual([teardownError, second]);
  });

  it('firstWins: unsubscribing still cancels every input; rxjs hands the error to the caller', () => {
    const other = observableProbe<number>();
    const subscription = firstWins([throwingTeardown(teardownError), other.observable]).subscribe();
    expect(() => subscription.unsubscribe()).toThrow(UnsubscriptionError);
    expect(other.tornDown).toBe(1);
  });

  it('a synchronous input whose teardown throws fails as that error (the task group rule), in every operator', async () => {
    const input = syncWithThrowingTeardown(1, teardownError);
    await expect(firstValueFrom(gather([input]))).rejects.toBe(teardownError);
    await expect(firstValueFrom(mapConcurrentFrom([0], () => input, 2))).rejects.toBe(teardownError);
    await expect(firstValueFrom(from([0]).pipe(mapConcurrent(() => input, 1)))).rejects.toBe(teardownError);
    await expect(firstValueFrom(firstWins([input]))).rejects.toMatchObject({ errors: [teardownError] });
    await expect(runTaskGroup((tg) => tg.soonify(() => input)())).rejects.toBe(teardownError);
  });

  it('an input whose subscribe throws is a failure like any other', async () => {
    const other = observableProbe<number>();
    const boom = new Error('subscribe threw');
    await expect(firstValueFrom(gather([other.observable, throwingSubscribe(boom)]))).rejects.toBe(boom);
    expect(other.tornDown).toBe(1);
  });

  it('a task group cancelled with such a task still cancels the rest and fails with the failure; the teardown error is reported', async () => {
    const other = observableProbe<number>();
    const boom = new Error('boom');
    const run = runTaskGroup((tg) => {
      tg.soonify(() => throwingTeardown(teardownError))();
      tg.soonify(() => other.observable)();
      tg.soonify(async () => {
        throw boom;
      })();
    });
    await expect(run).rejects.toBe(boom);
    expect(other.tornDown).toBe(1);
    expect(await reported()).toEqual([teardownError]);
  });

  it('limiter.run: an abort whose Observable teardown throws rejects with the reason, reports the teardown error, and gives the slot back', async () => {
    const limiter = createLimiter(1);
    const controller = new AbortController();
    const run = limiter.run(() => throwingTeardown(teardownError), controller.signal);
    controller.abort('stop');
    await expect(run).rejects.toBe('stop');
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
    expect(await reported()).toEqual([teardownError]);
  });

  it('rxjs hears of the teardown error once, and of nothing else', async () => {
    const boom = new Error('boom');
    await firstValueFrom(gather([throwingTeardown(teardownError), NEVER, Promise.reject(boom)])).catch(() => undefined);
    await flushMicrotasks();
    expect(await reported()).toEqual([teardownError]);
  });
});
