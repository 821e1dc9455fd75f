import { firstValueFrom, from, NEVER, Subject, UnsubscriptionError, config } from 'rxjs';
import { createLimiter, runTaskGroup, TaskGroupError } from '../../src/index.js';
import { firstWins, gather, mapConcurrent, mapConcurrentFrom } from '../../operators/index.js';
import { deferred, flushMicrotasks } from '../support/deferred.js';
import { observableProbe } from '../support/probes.js';
import { syncWithThrowingTeardown, throwingSubscribe, throwingTeardown } from '../support/hostile.js';

// An input whose teardown throws must never stop the cancel loop: every other input is still
// unsubscribed, and the teardown's error is reported, never lost and never unhandled.

describe('an input whose teardown throws', () => {
  const teardownError = new Error('teardown threw');

  it('gather: a sibling failure still unsubscribes every input; the error carries both', async () => {
    const other = observableProbe<number>();
    const boom = new Error('boom');
    const gate = deferred<number>();
    const result = firstValueFrom(gather([throwingTeardown(teardownError), other.observable, () => gate.promise]));
    gate.reject(boom);
    const error = await result.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TaskGroupError);
    expect((error as TaskGroupError).errors).toEqual([boom, teardownError]);
    expect(other.tornDown).toBe(1);
  });

  it('gather with a concurrency bound: the same', async () => {
    const other = observableProbe<number>();
    const boom = new Error('boom');
    const error = await firstValueFrom(
      gather([other.observable, throwingTeardown(teardownError), () => Promise.reject(boom)], { concurrency: 3 }),
    ).then(() => undefined, (e: unknown) => e);
    expect((error as TaskGroupError).errors).toEqual([boom, teardownError]);
    expect(other.tornDown).toBe(1);
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

  it('mapConcurrent: a failure unsubscribes every inner, the error carries the teardown error', async () => {
    const probes = [observableProbe<number>(), observableProbe<number>()];
    const source = new Subject<number>();
    const boom = new Error('boom');
    const done = firstValueFrom(
      source.pipe(mapConcurrent((i: number) => (i === 1 ? throwingTeardown(teardownError) : i === 3 ? Promise.reject(boom) : probes[i === 0 ? 0 : 1]!.observable), 4)),
    ).then(() => undefined, (e: unknown) => e);
    [0, 1, 2, 3].forEach((i) => source.next(i));
    const error = await done;
    expect((error as TaskGroupError).errors).toEqual([boom, teardownError]);
    expect(probes.map((p) => p.tornDown)).toEqual([1, 1]);
  });

  it('mapConcurrentFrom, unbounded: the same', async () => {
    const other = observableProbe<number>();
    const boom = new Error('boom');
    const inputs = [() => throwingTeardown(teardownError), () => other.observable, () => Promise.reject(boom)];
    const error = await firstValueFrom(mapConcurrentFrom(inputs, (f) => f(), Infinity)).then(() => undefined, (e: unknown) => e);
    expect((error as TaskGroupError).errors).toEqual([boom, teardownError]);
    expect(other.tornDown).toBe(1);
  });

  it('firstWins: a winner with a loser whose teardown throws fails the race with that error, every loser cancelled', async () => {
    const loser = observableProbe<number>();
    const error = await firstValueFrom(firstWins([throwingTeardown(teardownError), loser.observable, Promise.resolve(1)])).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBe(teardownError);
    expect(loser.tornDown).toBe(1);
  });

  it('firstWins: a winner with two losers whose teardowns throw fails with an UnsubscriptionError of both', async () => {
    const second = new Error('second teardown threw');
    const error = await firstValueFrom(firstWins([throwingTeardown(teardownError), throwingTeardown(second), Promise.resolve(1)])).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnsubscriptionError);
    expect((error as UnsubscriptionError).errors).toEqual([teardownError, second]);
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

  it('a task group cancelled with such a task still cancels the rest and fails with the teardown error', async () => {
    const other = observableProbe<number>();
    const error = await runTaskGroup((tg) => {
      tg.soonify(() => throwingTeardown(teardownError))();
      tg.soonify(() => other.observable)();
      tg.soonify(async () => {
        throw new Error('boom');
      })();
    }).then(() => undefined, (e: unknown) => e);
    expect((error as TaskGroupError).errors.map((e) => (e as Error).message)).toEqual(['boom', 'teardown threw']);
    expect(other.tornDown).toBe(1);
  });

  it('limiter.run: an abort whose Observable teardown throws rejects with both, and gives the slot back', async () => {
    const limiter = createLimiter(1);
    const controller = new AbortController();
    const run = limiter.run(() => throwingTeardown(teardownError), controller.signal);
    controller.abort('stop');
    const error = await run.then(() => undefined, (e: unknown) => e);
    expect((error as TaskGroupError).errors).toEqual(['stop', teardownError]);
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('nothing is reported as unhandled by rxjs along the way', async () => {
    const unhandled = jest.fn();
    const previous = config.onUnhandledError;
    config.onUnhandledError = unhandled;
    try {
      const boom = new Error('boom');
      await firstValueFrom(gather([throwingTeardown(teardownError), NEVER, Promise.reject(boom)])).catch(() => undefined);
      await flushMicrotasks();
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      config.onUnhandledError = previous;
    }
  });
});
