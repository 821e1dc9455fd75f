import { createLimiter, createTaskGroup, runTaskGroup, shield } from '../../src/index.js';
import { linkAcrossAwaits } from '../../node/index.js';
import { deferred } from '../support/deferred.js';

// With linkAcrossAwaits() (AsyncLocalStorage), a group opened after a task's await is a child of
// that task's group; inside shield it is nobody's child, after the shield's awaits too. (It
// changes the process for good: this file runs alone, in its own jest worker.)

linkAcrossAwaits();

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('shield with linkAcrossAwaits', () => {
  it('a group opened after an await inside the shield is not a child of the cancelled task', async () => {
    const outer = createTaskGroup();
    const opened = deferred<{ unshielded: AbortSignal; shielded: AbortSignal }>();
    const finish = deferred();
    outer.startSoon(async () => {
      await tick();
      const unshielded = createTaskGroup().signal; // the control: a child of `outer`
      await shield(async () => {
        await tick();
        const inner = createTaskGroup();
        opened.resolve({ unshielded, shielded: inner.signal });
        inner.startSoon(() => finish.promise);
        await inner.join();
      });
    });
    const { unshielded, shielded } = await opened.promise;
    outer.cancel();
    expect(unshielded.aborted).toBe(true);
    expect(shielded.aborted).toBe(false);
    finish.resolve();
    await outer.join();
  });

  it('keeps the slot its task holds after an await inside the shield', async () => {
    const limiter = createLimiter(1);
    const value = await runTaskGroup(
      (tg) =>
        tg.startSoon(() =>
          shield(async () => {
            await tick();
            return limiter.run(() => 'flushed');
          }),
        ),
      { limiter },
    );
    expect(value).toBe('flushed');
  });
});
