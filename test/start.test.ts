import { NEVER, Observable } from 'rxjs';
import { CancelledError, createScope, createTaskGroup, runTaskGroup, TaskGroupClosedError } from '../src/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';

describe('tg.start(fn, ...args)', () => {
  it('resolves with the value passed to ready while the task runs on, and the group waits for it', async () => {
    const stop = deferred();
    const log: string[] = [];
    const joined = runTaskGroup(async (tg) => {
      const port = await tg.start(
        async (ready: (port: number) => void, base: number) => {
          log.push('listening');
          ready(base + 80);
          await stop.promise;
          log.push('server stopped');
        },
        8000,
      );
      log.push(`body got ${port}`);
    });
    await flushMicrotasks();
    expect(log).toEqual(['listening', 'body got 8080']);
    let done = false;
    void joined.then(() => (done = true));
    await flushMicrotasks();
    expect(done).toBe(false); // the server task still runs: the group waits
    stop.resolve();
    await joined;
    expect(log).toEqual(['listening', 'body got 8080', 'server stopped']);
  });

  it('works with an Observable task: ready from its subscribe, the group cancels it at the end', async () => {
    let tornDown = false;
    await runTaskGroup(async (tg) => {
      const value = await tg.start(
        (ready: (value: string) => void) =>
          new Observable<never>(() => {
            ready('subscribed');
            return () => (tornDown = true);
          }),
      );
      expect(value).toBe('subscribed');
      tg.cancel();
    });
    expect(tornDown).toBe(true);
  });

  it('rejects with the error of a task that fails before ready, and the group fails with it', async () => {
    const boom = new Error('could not bind');
    let startError: unknown;
    await expect(
      runTaskGroup(async (tg) => {
        try {
          await tg.start(async () => {
            throw boom;
          });
        } catch (error) {
          startError = error;
        }
      }),
    ).rejects.toBe(boom);
    expect(startError).toBe(boom);
  });

  it('rejects with an error that says so when the task returns before ready; the group does not fail', async () => {
    const tg = createTaskGroup();
    await expect(tg.start(async function serve() {})).rejects.toThrow(new Error("tg.start(fn): task 'serve' ended without calling ready()"));
    await expect(tg.join()).resolves.toBeUndefined();
  });

  it('rejects with a CancelledError when the group is cancelled before ready', async () => {
    const tg = createTaskGroup();
    const started = tg.start(() => NEVER);
    tg.cancel();
    await expect(started).rejects.toBeInstanceOf(CancelledError);
    await tg.join();
  });

  it('a second ready() throws inside the task, which fails the group', async () => {
    await expect(
      runTaskGroup(async (tg) => {
        await tg.start(async function twice(ready: (value: number) => void) {
          ready(1);
          ready(2);
        });
      }),
    ).rejects.toThrow("tg.start(fn): task 'twice' called ready() twice");
  });

  it('on a scope: a failure after ready is no longer watched by start, so it is reported as unhandled', async () => {
    const reports: unknown[] = [];
    const global = globalThis as { reportError?: (error: unknown) => void };
    const previous = global.reportError;
    global.reportError = (error) => reports.push(error);
    try {
      const scope = createScope(); // no onError, no errors$ subscriber
      const fail = deferred();
      const value = await scope.start(async (ready: (value: string) => void) => {
        ready('up');
        await fail.promise;
        throw new Error('crashed later');
      });
      expect(value).toBe('up');
      fail.resolve();
      await flushMicrotasks();
      expect(reports).toEqual([new Error('crashed later')]);
      await scope.close();
    } finally {
      global.reportError = previous;
    }
  });

  it('on a scope: a failure before ready rejects start and still goes to onError', async () => {
    const errors: unknown[] = [];
    const scope = createScope({ onError: (error) => errors.push(error) });
    await expect(scope.start(async () => Promise.reject(new Error('no port')))).rejects.toThrow('no port');
    expect(errors).toEqual([new Error('no port')]);
    await scope.close();
  });

  it('refuses a bad fn and a closed group at once', async () => {
    const tg = createTaskGroup();
    expect(() => tg.start('serve' as never)).toThrow(new TypeError('tg.start(fn): fn must be a function, got "serve"'));
    await tg.join();
    expect(() => tg.start(() => undefined)).toThrow(TaskGroupClosedError);
  });
});
