import { NEVER, Observable } from 'rxjs';
import { CancelledError, createLimiter, createScope, TaskGroupClosedError, type Progress } from '../src/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';
import { captureUnhandled, nextMacrotask, observableProbe, untilAborted, useFakeTime } from './support/probes.js';

/** Captures what reaches the platform's reportError during a test. */
function captureReports(): { reports: unknown[]; restore(): void } {
  const reports: unknown[] = [];
  const global = globalThis as { reportError?: (error: unknown) => void };
  const previous = global.reportError;
  global.reportError = (error) => reports.push(error);
  return { reports, restore: () => (global.reportError = previous) };
}

describe('createScope', () => {
  it('a failure rejects only its own task; the siblings go on and complete', async () => {
    const errors: unknown[] = [];
    const scope = createScope({ onError: (e) => errors.push(e) });
    const gate = deferred<number>();
    const good = scope.startSoon(() => gate.promise);
    const bad = scope.startSoon(async () => {
      throw new Error('alone');
    });
    await expect(bad).rejects.toThrow('alone');
    expect(good.status).toBe('pending');
    expect(scope.signal.aborted).toBe(false);
    gate.resolve(7);
    await expect(good).resolves.toBe(7);
    expect(errors.map((e) => (e as Error).message)).toEqual(['alone']);
    await scope.close();
  });

  it('each failure goes to errors$ as it happens; errors$ completes when the scope closes', async () => {
    const scope = createScope();
    const seen: string[] = [];
    let completed = false;
    scope.errors$.subscribe({ next: (e) => seen.push((e as Error).message), complete: () => (completed = true) });
    scope.startSoon(async () => {
      throw new Error('one');
    });
    scope.startSoon(() => {
      throw new Error('two');
    });
    await scope.whenIdle();
    expect(seen).toEqual(['two', 'one']); // as they happened: the synchronous throw first
    expect(completed).toBe(false);
    await scope.close();
    expect(completed).toBe(true);
  });

  describe('a failure nobody observes', () => {
    let capture: ReturnType<typeof captureReports>;
    beforeEach(() => (capture = captureReports()));
    afterEach(() => capture.restore());

    it('is reported once, through reportError', async () => {
      const scope = createScope();
      const boom = new Error('nobody listens');
      scope.startSoon(async () => {
        throw boom;
      });
      await scope.whenIdle();
      expect(capture.reports).toEqual([boom]);
      await scope.close();
      expect(capture.reports).toEqual([boom]);
    });

    it('is not reported when its SoonValue is awaited or subscribed, or errors$ or onError listen', async () => {
      const awaited = createScope();
      await expect(awaited.startSoon(async () => Promise.reject(new Error('a')))).rejects.toThrow('a');
      const subscribed = createScope();
      subscribed.startSoon(async () => Promise.reject(new Error('b'))).subscribe({ error: () => undefined });
      const listened = createScope();
      listened.errors$.subscribe();
      listened.startSoon(async () => Promise.reject(new Error('c')));
      const handled = createScope({ onError: () => undefined });
      handled.startSoon(async () => Promise.reject(new Error('d')));
      await Promise.all([awaited, subscribed, listened, handled].map((s) => s.whenIdle()));
      expect(capture.reports).toEqual([]);
    });
  });

  it('without reportError, an unobserved failure is thrown from a timer (as rxjs reports unhandled errors)', async () => {
    useFakeTime();
    const global = globalThis as { reportError?: unknown };
    const previous = global.reportError;
    delete global.reportError;
    try {
      const scope = createScope();
      const boom = new Error('thrown later');
      scope.startSoon(() => {
        throw boom;
      });
      await flushMicrotasks();
      expect(jest.getTimerCount()).toBe(1);
      expect(() => jest.runOnlyPendingTimers()).toThrow(boom);
    } finally {
      global.reportError = previous;
      jest.useRealTimers();
    }
  });

  it('stays open while empty, and whenIdle does not close it', async () => {
    const scope = createScope();
    await scope.whenIdle();
    expect(scope.closed).toBe(false);
    await expect(scope.startSoon(async () => 1)).resolves.toBe(1);
    await scope.whenIdle();
    await expect(scope.startSoon(async () => 2)).resolves.toBe(2);
    expect(scope.closed).toBe(false);
  });

  it('whenIdle waits for queued and running tasks, and resolves every waiter', async () => {
    const scope = createScope({ limiter: createLimiter(1) });
    const gates = [deferred(), deferred()];
    scope.startSoon(() => gates[0]!.promise);
    scope.startSoon(() => gates[1]!.promise);
    let idle = 0;
    void scope.whenIdle().then(() => idle++);
    void scope.whenIdle().then(() => idle++);
    gates[0]!.resolve();
    await flushMicrotasks();
    expect(idle).toBe(0);
    gates[1]!.resolve();
    await flushMicrotasks();
    expect(idle).toBe(2);
  });

  it('close refuses new tasks at once and waits for the running ones; it never rejects', async () => {
    const scope = createScope({ onError: () => undefined });
    const gate = deferred();
    scope.startSoon(() => gate.promise);
    scope.startSoon(async () => {
      throw new Error('reported, not rethrown');
    });
    const closed = scope.close();
    expect(scope.closed).toBe(true);
    expect(() => scope.startSoon(async () => 1)).toThrow(TaskGroupClosedError);
    expect(() => scope.soonify(async () => 1)).toThrow("scope is closed: an anonymous task cannot start in it");
    let done = false;
    void closed.then(() => (done = true));
    await flushMicrotasks();
    expect(done).toBe(false);
    gate.resolve();
    await expect(closed).resolves.toBeUndefined();
    expect(scope.close()).toBe(closed);
  });

  it('cancel cancels queued and running tasks and closes: signals abort, Observables unsubscribe, queued never start', async () => {
    const scope = createScope({ limiter: createLimiter(1) });
    const probe = observableProbe<number>();
    const running = scope.startSoon(() => probe.observable);
    let started = false;
    const queued = scope.startSoon(() => {
      started = true;
    });
    const promise = scope.startSoon((signal: AbortSignal) => untilAborted(signal), scope.signal);
    await flushMicrotasks();
    scope.cancel('leaving');
    expect(scope.signal.reason).toBe('leaving');
    expect(probe.tornDown).toBe(1);
    expect([running.status, queued.status, promise.status]).toEqual(['cancelled', 'cancelled', 'cancelled']);
    await scope.close();
    expect(started).toBe(false);
    expect(scope.closed).toBe(true);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
  });

  it('the signal option cancels the scope (it does not fail it)', async () => {
    const controller = new AbortController();
    const scope = createScope({ signal: controller.signal });
    const task = scope.startSoon(() => NEVER);
    controller.abort('destroyed');
    expect(task.status).toBe('cancelled');
    await expect(scope.close()).resolves.toBeUndefined();
  });

  it('a task can add tasks to its own scope, and cancel it, but not wait for its close', async () => {
    const scope = createScope();
    // the inner SoonValue is the outer task's value, followed by the task value rule
    await expect(scope.startSoon(async () => scope.startSoon(async () => 'inner'))).resolves.toBe('inner');
    const closing = scope.startSoon(() => scope.close());
    await expect(closing).rejects.toThrow("scope: close() was called from inside one of its own tasks");
    const other = scope.startSoon(() => NEVER);
    scope.startSoon(() => scope.cancel('from inside'));
    await scope.close();
    expect(other.status).toBe('cancelled');
  });

  it('await using closes it', async () => {
    let task;
    {
      await using scope = createScope();
      task = scope.startSoon(async () => 'done');
    }
    expect(task.status).toBe('fulfilled');
  });

  it('progress$ counts its tasks and completes after the final snapshot when it closes', async () => {
    const scope = createScope({ onError: () => undefined });
    const seen: Progress[] = [];
    let completed = false;
    scope.progress$.subscribe({ next: (p) => seen.push(p), complete: () => (completed = true) });
    scope.startSoon(async () => 1);
    scope.startSoon(async () => Promise.reject(new Error('x')));
    await scope.close();
    expect(seen.at(-1)).toEqual({ total: 2, queued: 0, running: 0, fulfilled: 1, failed: 1, cancelled: 0 });
    expect(completed).toBe(true);
  });

  it('refuses bad options at once', () => {
    expect(() => createScope({ onError: 'log' } as never)).toThrow(new TypeError('createScope(options): options.onError must be a function, got "log"'));
    expect(() => createScope({ limiter: {} } as never)).toThrow('createScope(options): options.limiter must be a Limiter: an object with an acquire(signal) method');
    expect(() => createScope(5 as never)).toThrow('createScope(options): options must be an object or undefined, got 5');
  });

  it('a teardown that throws on cancel is reported as rxjs reports it, never lost, and is no task failure', async () => {
    const errors: unknown[] = [];
    const unhandled = captureUnhandled();
    try {
      const scope = createScope({ onError: (e) => errors.push(e) });
      scope.startSoon(() => new Observable(() => () => {
        throw new Error('teardown');
      }));
      await flushMicrotasks();
      scope.cancel();
      await scope.close();
      await nextMacrotask();
      expect(errors).toEqual([]);
      expect(unhandled.errors.map((e) => (e as Error).message)).toEqual(['teardown']);
    } finally {
      unhandled.restore();
    }
  });
});
