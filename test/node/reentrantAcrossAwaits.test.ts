import { createLimiter, runTaskGroup } from '../../src/index.js';
import { linkAcrossAwaits } from '../../node/index.js';

// With linkAcrossAwaits() (AsyncLocalStorage), a task is known across its awaits: a call on the
// limiter whose slot it holds runs on that slot after an await too. (It changes the process for
// good: this file runs alone, in its own jest worker.)

linkAcrossAwaits();

describe('a limiter asked again after an await, with linkAcrossAwaits', () => {
  it("runs on the task's own slot instead of waiting for it", async () => {
    const limiter = createLimiter(1);
    const values = await runTaskGroup(
      (tg) =>
        [1, 2].map((x) =>
          tg.startSoon(async () => {
            await new Promise((resolve) => setImmediate(resolve));
            return limiter.run(async () => {
              await Promise.resolve();
              return x * 2;
            });
          }),
        ),
      { limiter },
    );
    expect(values).toEqual([2, 4]);
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('not once the task has ended: a call from a timer it left behind waits like any other', async () => {
    const limiter = createLimiter(1);
    let late: Promise<string> | undefined;
    await runTaskGroup((tg) => {
      tg.startSoon(() => {
        late = new Promise<string>((resolve) => setImmediate(() => resolve(limiter.run(() => 'late'))));
      });
    }, { limiter });
    await expect(late).resolves.toBe('late');
    expect(limiter.running).toBe(0);
  });
});
