import { firstValueFrom, NEVER, Observable } from 'rxjs';
import { CancelledError, createTaskGroup, runTaskGroup, TaskGroupError } from '../../src/index.js';
import { gather } from '../../operators/index.js';
import { unprintableReasons } from '../support/hostile.js';
import { captureUnhandled, nextMacrotask, untilAborted } from '../support/probes.js';
import { syncWithThrowingTeardown } from '../support/hostile.js';

/** The error a promise rejects with, boxed: a revoked Proxy cannot resolve a promise itself. */
const caught = (promise: PromiseLike<unknown>): Promise<{ error: unknown }> =>
  Promise.resolve(promise).then(
    () => ({ error: undefined }),
    (error: unknown) => ({ error }),
  );

// Building a message never throws: cancellation with any reason, or any error, works.

describe.each(unprintableReasons())('%s as a reason or an error', (_name, reason) => {
  it('tg.cancel(reason) cancels every task and does not throw', async () => {
    const tg = createTaskGroup();
    const a = tg.soonify(() => NEVER)();
    const b = tg.soonify((signal: AbortSignal) => untilAborted(signal))(tg.signal);
    expect(() => tg.cancel(reason)).not.toThrow();
    await expect(tg.join()).resolves.toBeUndefined();
    expect([a.status, b.status]).toEqual(['cancelled', 'cancelled']);
    const { error } = await caught(a);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).reason).toBe(reason);
    expect(typeof (error as CancelledError).message).toBe('string');
  });

  it('a task failing with it fails the group with it, and cancels the siblings', async () => {
    let sibling: CancelledError | undefined;
    const { error } = await caught(
      runTaskGroup((tg) => {
        const s = tg.soonify(() => NEVER)();
        s.subscribe({ error: (e: CancelledError) => (sibling = e) });
        tg.soonify(() => Promise.reject(reason))();
      }),
    );
    expect(error).toBe(reason);
    expect(sibling).toBeInstanceOf(CancelledError);
  });

  it('a teardown throwing it while the group cancels: the group fails with the failure, rxjs is told of it', async () => {
    const first = new Error('first');
    const unhandled = captureUnhandled();
    try {
      const { error } = await caught(
        runTaskGroup((tg) => {
          tg.soonify(async () => {
            await null; // after its sibling started
            throw first;
          })();
          // its teardown throws `reason` when the first failure cancels it
          tg.soonify(() => new Observable<never>(() => () => {
            throw reason;
          }))();
        }),
      );
      expect(error).toBe(first);
      await nextMacrotask();
      // rxjs builds its UnsubscriptionError's message with `toString()`, so for a value without a
      // usable one rxjs's own unsubscribe() throws what that call threw in its place
      expect(unhandled.errors).toHaveLength(1);
    } finally {
      unhandled.restore();
    }
  });

  it('a TaskGroupError built with it has a readable message', () => {
    const error = new TaskGroupError([new Error('first'), reason], 'task group');
    expect(error.message).toMatch(/^2 failures in task group: Error: first; /);
  });

  it('a synchronous task whose teardown throws it fails the group with it', async () => {
    const { error } = await caught(runTaskGroup((tg) => tg.soonify(() => syncWithThrowingTeardown(1, reason))()));
    expect(error).toBe(reason);
  });

  it('gather fails with it', async () => {
    expect((await caught(firstValueFrom(gather([NEVER, () => Promise.reject(reason)])))).error).toBe(reason);
  });

  it("a group's signal option aborting with it cancels the group", async () => {
    const controller = new AbortController();
    const done = caught(runTaskGroup((tg) => tg.soonify(() => NEVER)(), { signal: controller.signal }));
    controller.abort(reason);
    expect((await done).error).toBe(reason);
  });
});
