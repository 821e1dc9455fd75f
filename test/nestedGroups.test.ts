import { firstValueFrom } from 'rxjs';
import { createScope, createTaskGroup, runTaskGroup, taskGroup, TaskGroupError } from '../src/index.js';
import { flushMicrotasks } from './support/deferred.js';
import { sleep, untilAborted, useFakeTime } from './support/probes.js';

// A group created while a task of another group or scope runs (before the task's first await) is
// that group's child: the parent's cancel, timeout and failure reach it, with the parent's reason.

describe('nested groups', () => {
  beforeEach(useFakeTime);
  afterEach(() => jest.useRealTimers());

  it("the outer timeout reaches a nested runTaskGroup's tasks at once (0.1.0 waited the full 5 s)", async () => {
    let innerReason: unknown;
    const done = runTaskGroup(
      (outer) => {
        outer.startSoon(() =>
          runTaskGroup((inner) => {
            inner.startSoon(() => untilAborted(inner.signal).catch((reason: unknown) => Promise.reject((innerReason = reason))));
            inner.startSoon(() => sleep(5000));
          }),
        );
      },
      { timeout: 100 },
    ).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(100);
    expect((innerReason as DOMException).name).toBe('TimeoutError');
    await jest.advanceTimersByTimeAsync(4900); // the sleep ignores its signal: the groups wait for it
    const error = (await done) as DOMException;
    expect(error.name).toBe('TimeoutError'); // the failure that started it, alone: no TaskGroupError
    expect(error).toBe(innerReason); // the child was cancelled with the parent's own reason
  });

  it('outer.cancel() reaches a group three levels down', async () => {
    const signals: AbortSignal[] = [];
    const outer = createTaskGroup();
    outer.startSoon(() => {
      const middle = createTaskGroup();
      signals.push(middle.signal);
      middle.startSoon(() =>
        runTaskGroup((inner) => {
          signals.push(inner.signal);
          inner.startSoon(untilAborted, inner.signal);
        }),
      );
      return middle.join();
    });
    await flushMicrotasks();
    expect(signals).toHaveLength(2);
    outer.cancel('stop everything');
    expect(signals.map((s) => [s.aborted, s.reason])).toEqual([
      [true, 'stop everything'],
      [true, 'stop everything'],
    ]);
    await outer.join(); // ends without error: the children's rejections are echoes of its cancel
  });

  it("a sibling's failure cancels a nested group at once; the parent reports that failure alone", async () => {
    const boom = new Error('sibling failed');
    const done = runTaskGroup((outer) => {
      outer.startSoon(() => runTaskGroup((inner) => inner.startSoon(untilAborted, inner.signal)));
      outer.startSoon(async () => {
        await sleep(10);
        throw boom;
      });
    }).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(10);
    expect(await done).toBe(boom);
  });

  it('a scope cancel reaches a group created inside one of its tasks', async () => {
    const scope = createScope();
    let inner: AbortSignal | undefined;
    const task = scope.startSoon(() =>
      runTaskGroup((tg) => {
        inner = tg.signal;
        tg.startSoon(untilAborted, tg.signal);
      }),
    );
    await flushMicrotasks();
    scope.cancel('leaving');
    expect(inner!.reason).toBe('leaving');
    expect(task.status).toBe('cancelled');
    await scope.close();
  });

  it('taskGroup subscribed inside a task is a child too', async () => {
    let inner: AbortSignal | undefined;
    const outer = createTaskGroup();
    outer.startSoon(() => firstValueFrom(taskGroup((tg) => ((inner = tg.signal), tg.startSoon(untilAborted, tg.signal)))));
    await flushMicrotasks();
    outer.cancel('x');
    expect(inner!.aborted).toBe(true);
    await outer.join();
  });

  it('{ parent: null } makes a group nobody’s child: background work outlives the task that started it', async () => {
    let background: AbortSignal | undefined;
    const done = runTaskGroup(
      (outer) => {
        outer.startSoon(() => {
          void runTaskGroup((bg) => ((background = bg.signal), bg.startSoon(sleep, 500)), { parent: null });
        });
        outer.startSoon(untilAborted, outer.signal);
      },
      { timeout: 100 },
    ).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(100);
    expect(((await done) as DOMException).name).toBe('TimeoutError');
    expect(background!.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(400);
  });

  it('createScope() inside a task is long-lived: never a child by itself', async () => {
    const outer = createTaskGroup();
    let scope: ReturnType<typeof createScope> | undefined;
    outer.startSoon(() => void (scope = createScope()));
    await flushMicrotasks();
    outer.cancel();
    await outer.join();
    expect(scope!.signal.aborted).toBe(false);
    await scope!.close();
  });

  it('an explicit signal keeps working; with a parent, either one cancels', async () => {
    const controller = new AbortController();
    const outer = createTaskGroup();
    let inner: AbortSignal | undefined;
    outer.startSoon(() => runTaskGroup((tg) => ((inner = tg.signal), tg.startSoon(untilAborted, tg.signal)), { signal: controller.signal }));
    await flushMicrotasks();
    controller.abort('from the signal');
    expect(inner!.reason).toBe('from the signal');
    await expect(outer.join()).rejects.toBe('from the signal'); // the child failed: its task failed
  });

  it('a group created after the task’s first await is not linked without linkAcrossAwaits()', async () => {
    const outer = createTaskGroup();
    let inner: AbortSignal | undefined;
    outer.startSoon(async () => {
      await Promise.resolve();
      await runTaskGroup((tg) => ((inner = tg.signal), tg.startSoon(sleep, 50)));
    });
    await flushMicrotasks();
    outer.cancel();
    expect(inner!.aborted).toBe(false); // the documented limit: pass { signal: tg.signal } there
    await jest.advanceTimersByTimeAsync(50);
    await outer.join();
  });

  it('a child failing alone fails its task: the parent gets its error, not a TaskGroupError of echoes', async () => {
    const boom = new Error('inner failed');
    await expect(runTaskGroup((outer) => outer.startSoon(() => runTaskGroup((inner) => inner.startSoon(() => Promise.reject(boom)))))).rejects.toBe(boom);
    void TaskGroupError;
  });

  it('refuses a parent that is not null', () => {
    expect(() => runTaskGroup(() => 1, { parent: 5 as never })).toThrow(
      new TypeError("runTaskGroup(body, options): options.parent must be null (a group that is nobody's child) or left out, got 5"),
    );
  });
});
