import { NEVER, Observable, of } from 'rxjs';
import { createLimiter, createTaskGroup, runTaskGroup, shield } from '../src/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';
import { untilAborted, useFakeTime } from './support/probes.js';

describe('shield(fn, options)', () => {
  it("gives fn a signal the enclosing group's cancel does not abort, and the group waits for it", async () => {
    const tg = createTaskGroup();
    const rollback = deferred();
    let shieldSignal: AbortSignal | undefined;
    const steps: string[] = [];
    tg.startSoon(async () => {
      try {
        await untilAborted(tg.signal);
      } finally {
        await shield(async (signal) => {
          shieldSignal = signal;
          await rollback.promise;
          steps.push('rolled back');
        });
      }
    });
    await flushMicrotasks();
    tg.cancel();
    let joined = false;
    const join = tg.join().then(() => (joined = true));
    await flushMicrotasks();
    expect(tg.signal.aborted).toBe(true);
    expect(shieldSignal?.aborted).toBe(false);
    expect(joined).toBe(false); // the group waits for the shielded cleanup
    rollback.resolve();
    await join;
    expect(steps).toEqual(['rolled back']);
  });

  it('a group opened inside the shield is not a child of the cancelled task', async () => {
    const outer = createTaskGroup();
    let innerSignal: AbortSignal | undefined;
    let unshieldedSignal: AbortSignal | undefined;
    const finish = deferred();
    outer.startSoon(() => {
      // synchronously in the task: a group here is a child of `outer`
      unshieldedSignal = createTaskGroup().signal;
      return shield(() => {
        const inner = createTaskGroup();
        innerSignal = inner.signal;
        inner.startSoon(() => finish.promise);
        return inner.join();
      });
    });
    await flushMicrotasks();
    outer.cancel();
    expect(unshieldedSignal?.aborted).toBe(true); // the control: without shield, a child
    expect(innerSignal?.aborted).toBe(false);
    finish.resolve();
    await outer.join();
  });

  it("gives fn's value by the task value rule, and fn's own failure", async () => {
    await expect(shield(() => of(1, 2, 3))).resolves.toBe(3);
    await expect(shield(async () => 'done')).resolves.toBe('done');
    await expect(shield(() => 7)).resolves.toBe(7);
    const boom = new Error('rollback failed');
    await expect(shield(() => Promise.reject(boom))).rejects.toBe(boom);
    await expect(
      shield(() => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });

  it('its own timeout aborts the signal with a TimeoutError, the outcome once fn has settled', async () => {
    useFakeTime();
    try {
      let signal: AbortSignal | undefined;
      let settled = false;
      const result = shield(
        (s) => {
          signal = s;
          return untilAborted(s).catch(() => Promise.reject(new Error('client cancelled'))); // an echo
        },
        { timeout: 1000 },
      ).finally(() => (settled = true));
      await jest.advanceTimersByTimeAsync(999);
      expect(signal?.aborted).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(signal?.reason).toMatchObject({ name: 'TimeoutError', message: 'shield timed out after 1000 ms' });
      await expect(result).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(settled).toBe(true);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('its timeout unsubscribes an Observable fn and rejects at once', async () => {
    useFakeTime();
    try {
      let tornDown = false;
      const result = shield(() => new Observable<never>(() => () => (tornDown = true)), { timeout: 50 });
      await jest.advanceTimersByTimeAsync(50);
      expect(tornDown).toBe(true);
      await expect(result).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('leaves no timer armed once fn settled before its timeout', async () => {
    useFakeTime();
    try {
      await shield(async () => 'quick', { timeout: 60_000 });
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it("runs a call on a limiter whose slot its task holds on that slot: cleanup cannot wait behind its own task", async () => {
    const limiter = createLimiter(1);
    const value = await runTaskGroup((tg) => tg.startSoon(() => shield(() => limiter.run(() => 'flushed'))), { limiter });
    expect(value).toBe('flushed');
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('refuses a bad fn or option at the call', () => {
    expect(() => shield(undefined as never)).toThrow(new TypeError('shield(fn, options): fn must be a function, got undefined'));
    expect(() => shield(() => 1, { timeout: -1 })).toThrow(RangeError);
    expect(() => shield(() => 1, { timeout: -1 })).toThrow(/options\.timeout must be a number of milliseconds .*got -1/);
    expect(() => shield(() => 1, { timout: 5 } as never)).toThrow(
      new TypeError("shield(fn, options): options has no key 'timout': did you mean 'timeout'? (known keys: timeout)"),
    );
    expect(() => shield(() => NEVER, null as never)).toThrow(new TypeError('shield(fn, options): options must be an object or undefined, got null'));
  });
});
