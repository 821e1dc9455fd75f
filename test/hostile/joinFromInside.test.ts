import { NEVER } from 'rxjs';
import { createTaskGroup, runTaskGroup } from '../../src/index.js';
import { useFakeTime } from '../support/probes.js';

describe('a task that joins its own group', () => {
  it('fails at once with a clear error instead of deadlocking', async () => {
    const tg = createTaskGroup({ name: 'jobs' });
    const sv = tg.soonify(async () => {
      await tg.join();
    })();
    const error = await tg.join().then(() => undefined, (e: unknown) => e);
    expect((error as Error).message).toMatch(/^task group 'jobs': join\(\) was called from inside one of its own tasks/);
    expect(sv.status).toBe('failed');
  });

  it('await using inside its own task is caught the same way', async () => {
    const tg = createTaskGroup();
    tg.soonify(() => tg[Symbol.asyncDispose]())();
    await expect(tg.join()).rejects.toThrow('join() was called from inside one of its own tasks');
  });

  it("joining another group from a task is fine (a child group's join)", async () => {
    const result = await runTaskGroup((outer) =>
      outer.soonify(async () => {
        const inner = createTaskGroup();
        const value = inner.soonify(async () => 5)();
        await inner.join();
        return value.value;
      })(),
    );
    expect(result).toBe(5);
  });
});

describe('a task that ignores its signal', () => {
  beforeEach(useFakeTime);
  afterEach(() => jest.useRealTimers());

  it('keeps its group waiting after the timeout, and the TimeoutError names the tasks still running', async () => {
    let release!: () => void;
    const stubborn = new Promise<void>((resolve) => (release = resolve));
    const done = runTaskGroup(
      (tg) => {
        tg.soonify(() => stubborn, { name: 'stubborn' })();
        tg.soonify(() => NEVER, { name: 'poller' })();
      },
      { timeout: 100, name: 'batch' },
    ).then(() => undefined, (e: unknown) => e);
    await jest.advanceTimersByTimeAsync(100);
    let settled = false;
    void done.then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(settled).toBe(false); // structured: the group ends only when its tasks end
    release();
    const error = (await done) as DOMException;
    expect(error.name).toBe('TimeoutError');
    expect(error.message).toBe("task group 'batch' timed out after 100 ms; still running: task 'stubborn', task 'poller'");
    expect(jest.getTimerCount()).toBe(0);
  });

  it('names at most five, then counts the rest and the tasks not started', async () => {
    const { createLimiter } = await import('../../src/index.js');
    const done = runTaskGroup(
      (tg) => {
        for (let i = 0; i < 7; i++) tg.soonify(() => NEVER, { name: `t${i}` })();
        for (let i = 0; i < 2; i++) tg.soonify(() => NEVER, { name: `q${i}`, limiter: createLimiter(1) })();
        tg.soonify(() => NEVER, { name: 'q-waiting', limiter: limiterFull })();
      },
      { timeout: 50 },
    ).then(() => undefined, (e: unknown) => e);
    await jest.advanceTimersByTimeAsync(50);
    const error = (await done) as DOMException;
    expect(error.message).toBe(
      "task group timed out after 50 ms; still running: task 't0', task 't1', task 't2', task 't3', task 't4', 4 more; 1 not started yet",
    );
  });
});

// a limiter whose only slot is taken for the whole file, so a task on it waits
const limiterFull = (() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createLimiter } = require('../../src/index.js') as typeof import('../../src/index.js');
  const limiter = createLimiter(1);
  void limiter.run(() => new Promise(() => undefined));
  return limiter;
})();
