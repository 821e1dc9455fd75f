import { firstValueFrom, Observable, of, Subject, switchMap, take, timer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { taskGroup } from '../src/index.js';
import { deferred, flushMicrotasks } from './support/deferred.js';
import { observableProbe, untilAborted } from './support/probes.js';

const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('taskGroup', () => {
  it('runs nothing until subscribed', () => {
    const body = jest.fn(() => 1);
    taskGroup(body);
    expect(body).not.toHaveBeenCalled();
  });

  it('runs the body afresh for each subscription', async () => {
    const task = jest.fn(async () => 'x');
    const group$ = taskGroup((tg) => tg.soonify(task)());
    expect(await firstValueFrom(group$)).toBe('x');
    expect(await firstValueFrom(group$)).toBe('x');
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('starts its tasks right after the body returns, inside subscribe', () => {
    const order: string[] = [];
    taskGroup((tg) => {
      tg.soonify(() => order.push('task'))();
      order.push('body');
    }).subscribe();
    expect(order).toEqual(['body', 'task']);
  });

  it('emits the resolved value once when every task is done, then completes (marbles)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('--a|', { a: 1 });
      const b = cold('----b|', { b: 'two' });
      const group$ = taskGroup((tg) => [tg.soonify(() => a)(), tg.soonify(() => b)()] as const);
      expectObservable(group$).toBe('-----(r|)', { r: [1, 'two'] });
      expectSubscriptions(a.subscriptions).toBe('^--!');
      expectSubscriptions(b.subscriptions).toBe('^----!');
    });
  });

  it('fails with the first failure and unsubscribes the other tasks at once (marbles)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const slow = cold('------a|');
      const failing = cold('--#', undefined, new Error('boom'));
      const group$ = taskGroup((tg) => [tg.soonify(() => slow)(), tg.soonify(() => failing)()]);
      expectObservable(group$).toBe('--#', undefined, new Error('boom'));
      expectSubscriptions(slow.subscriptions).toBe('^-!');
    });
  });

  it('unsubscribing cancels every task: teardowns run, the signal aborts (marbles)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const slow = cold('-----a|');
      const group$ = taskGroup((tg) => tg.soonify(() => slow)());
      expectObservable(group$, '^--!').toBe('---');
      expectSubscriptions(slow.subscriptions).toBe('^--!');
    });
  });

  it('with a synchronous source through take(1), emits once and cleans up', () => {
    const values: unknown[] = [];
    taskGroup((tg) => tg.soonify(() => of(1, 2, 3))())
      .pipe(take(1))
      .subscribe((v) => values.push(v));
    expect(values).toEqual([3]);
  });

  it('an empty body emits its value at once (forkJoin([]) would emit nothing)', () => {
    const next = jest.fn();
    const complete = jest.fn();
    taskGroup(() => []).subscribe({ next, complete });
    expect(next).toHaveBeenCalledWith([]);
    expect(complete).toHaveBeenCalled();
  });

  it('a task that never ends keeps the group open until unsubscribe, then tears it down', () => {
    const probe = observableProbe<number>();
    const next = jest.fn();
    const subscription = taskGroup((tg) => tg.soonify(() => probe.observable)()).subscribe(next);
    expect(probe.subscribed).toBe(1);
    subscription.unsubscribe();
    expect(probe.tornDown).toBe(1);
    expect(next).not.toHaveBeenCalled();
  });

  it('unsubscribing aborts the signal with an AbortError that promise tasks see', async () => {
    let signal: AbortSignal | undefined;
    const subscription = taskGroup((tg) => tg.soonify(untilAborted)((signal = tg.signal))).subscribe();
    await flushMicrotasks();
    subscription.unsubscribe();
    expect(signal?.aborted).toBe(true);
    expect((signal?.reason as Error).name).toBe('AbortError');
    expect((signal?.reason as Error).message).toBe('The subscriber of task group unsubscribed');
    await flushMicrotasks(); // the aborted promise task settles; no unhandled rejection follows
  });

  it('switchMap cancels the previous batch when a new request arrives', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      const requests = hot('a--b------|');
      const slow = cold('----x|');
      const result$ = requests.pipe(switchMap((id) => taskGroup((tg) => [id, tg.soonify(() => slow)()] as const)));
      expectObservable(result$).toBe('--------r-|', { r: ['b', 'x'] });
    });
  });

  it('delivers the first failure alone: a later one is an echo of the cancel', async () => {
    const second = deferred();
    const group$ = taskGroup((tg) => {
      tg.soonify(
        () =>
          new Observable<never>((subscriber) => {
            second.promise.then(() => subscriber.error(new Error('never reached: unsubscribed')));
          }),
      )();
      tg.soonify(async (signal: AbortSignal) => {
        await untilAborted(signal).catch(() => undefined);
        throw new Error('b');
      })(tg.signal);
      tg.soonify(async () => {
        throw new Error('a');
      })();
    });
    const error = await firstValueFrom(group$).catch((e: unknown) => e);
    expect((error as Error).message).toBe('a');
    second.resolve();
  });

  it('counts the timeout from the subscription', () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    try {
      const group$ = taskGroup((tg) => tg.soonify(() => timer(1000))(), { timeout: 100 });
      jest.advanceTimersByTime(500); // not subscribed yet: no timer runs
      const error = jest.fn();
      group$.subscribe({ error });
      jest.advanceTimersByTime(99);
      expect(error).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(error.mock.calls[0]![0].name).toBe('TimeoutError');
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses bad input at the call, not on subscribe', () => {
    expect(() => taskGroup(undefined as never)).toThrow(new TypeError('taskGroup(body): body must be a function, got undefined'));
    expect(() => taskGroup(() => 1, { signal: 'x' as never })).toThrow(
      new TypeError('taskGroup(body, options): options.signal must be an AbortSignal, got "x"'),
    );
  });

  it('works as the inner of a Subject-driven pipeline and stops when the outer completes', () => {
    const outer = new Subject<number>();
    const results: unknown[] = [];
    outer.pipe(switchMap((n) => taskGroup((tg) => tg.soonify(() => of(n * 2))()))).subscribe((v) => results.push(v));
    outer.next(1);
    outer.next(2);
    outer.complete();
    expect(results).toEqual([2, 4]);
  });
});
