import { Observable } from 'rxjs';
import { CancelledError, createTaskGroup, PendingValueError, runTaskGroup, SoonValue } from '../src/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';

describe('SoonValue', () => {
  it('is an Observable and a PromiseLike', async () => {
    await runTaskGroup((tg) => {
      const soon = tg.soonify(async () => 1)();
      expect(soon).toBeInstanceOf(SoonValue);
      expect(soon).toBeInstanceOf(Observable);
      expect(typeof soon.then).toBe('function');
    });
  });

  it('reports pending, then fulfilled with its value', async () => {
    const gate = deferred<string>();
    const tg = createTaskGroup();
    const soon = tg.soonify(() => gate.promise)();
    expect(soon.status).toBe('pending');
    expect(soon.ready).toBe(false);
    expect(() => soon.value).toThrow(PendingValueError);
    expect(() => soon.value).toThrow("The value of an anonymous task is not ready yet: the task is still running");
    gate.resolve('done');
    await tg.join();
    expect(soon.status).toBe('fulfilled');
    expect(soon.ready).toBe(true);
    expect(soon.value).toBe('done');
  });

  it('names the task in PendingValueError, from soonify options or the function name', () => {
    const tg = createTaskGroup();
    const loadUser = async () => 1;
    expect(() => tg.soonify(loadUser)().value).toThrow("The value of task 'loadUser' is not ready yet");
    expect(() => tg.soonify(loadUser, { name: 'user #7' })().value).toThrow("The value of task 'user #7' is not ready yet");
    return tg.join();
  });

  it('throws the task error from value when rejected, and rejects awaiters with it', async () => {
    const boom = new Error('boom');
    const tg = createTaskGroup();
    const soon = tg.soonify(async () => {
      throw boom;
    })();
    await expect(tg.join()).rejects.toBe(boom);
    expect(soon.status).toBe('failed');
    expect(soon.ready).toBe(false);
    expect(() => soon.value).toThrow(boom);
    await expect(soon).rejects.toBe(boom);
  });

  it('replays the value to early and late subscribers, then completes each', async () => {
    const gate = deferred<number>();
    const tg = createTaskGroup();
    const soon = tg.soonify(() => gate.promise)();
    const early: unknown[] = [];
    soon.subscribe({ next: (v) => early.push(v), complete: () => early.push('complete') });
    gate.resolve(7);
    await tg.join();
    const late: unknown[] = [];
    soon.subscribe({ next: (v) => late.push(v), complete: () => late.push('complete') });
    expect(early).toEqual([7, 'complete']);
    expect(late).toEqual([7, 'complete']);
  });

  it('replays the error to early and late subscribers', async () => {
    const boom = new Error('boom');
    const tg = createTaskGroup();
    const soon = tg.soonify(() => Promise.reject(boom))();
    const early = jest.fn();
    soon.subscribe({ error: early });
    await expect(tg.join()).rejects.toBe(boom);
    const late = jest.fn();
    soon.subscribe({ error: late });
    expect(early).toHaveBeenCalledWith(boom);
    expect(late).toHaveBeenCalledWith(boom);
  });

  it('runs its task exactly once however often it is awaited and subscribed', async () => {
    const fn = jest.fn(async (n: number) => n * 2);
    const tg = createTaskGroup();
    const soon = tg.soonify(fn)(21);
    const results = await Promise.all([soon, soon, soon]);
    soon.subscribe();
    soon.pipe().subscribe();
    await tg.join();
    expect(results).toEqual([42, 42, 42]);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('is usable with rxjs operators', async () => {
    const { firstValueFrom, map } = await import('rxjs');
    const value = await runTaskGroup(async (tg) => {
      const soon = tg.soonify(async () => 20)();
      return firstValueFrom(soon.pipe(map((n) => n + 1)));
    });
    expect(value).toBe(21);
  });

  it('drops a subscriber that unsubscribes before the task settles', async () => {
    const gate = deferred<number>();
    const tg = createTaskGroup();
    const soon = tg.soonify(() => gate.promise)();
    const next = jest.fn();
    const subscription = soon.subscribe(next);
    expect(soon._waiting).toHaveLength(1);
    subscription.unsubscribe();
    expect(soon._waiting).toHaveLength(0);
    gate.resolve(1);
    await tg.join();
    expect(next).not.toHaveBeenCalled();
  });

  it('settles as cancelled at once while its promise still runs, so awaiters never hang', async () => {
    const gate = deferred<number>();
    const tg = createTaskGroup();
    const soon = tg.soonify(() => gate.promise)();
    await flushMicrotasks(); // the task is running
    const error = jest.fn();
    soon.subscribe({ error });
    tg.cancel('stop');
    expect(soon.status).toBe('cancelled');
    expect(error).toHaveBeenCalledWith(expect.any(CancelledError));
    await expect(soon).rejects.toBeInstanceOf(CancelledError);
    expect(() => soon.value).toThrow(CancelledError);
    let joined = false;
    const join = tg.join().then(() => (joined = true));
    await flushMicrotasks();
    expect(joined).toBe(false); // the group still waits for the running promise
    gate.resolve(5);
    await join;
    expect(soon.status).toBe('cancelled'); // a value arriving after cancellation is dropped
  });

  it('carries the cancellation reason in its CancelledError', async () => {
    const tg = createTaskGroup();
    const soon = tg.soonify(async () => 1, { name: 'slow' })();
    tg.cancel('user navigated away');
    const error = await soon.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).reason).toBe('user navigated away');
    expect((error as CancelledError).cause).toBe('user navigated away');
    expect((error as CancelledError).message).toBe(`task 'slow' was cancelled: "user navigated away"`);
    await tg.join();
  });
});
