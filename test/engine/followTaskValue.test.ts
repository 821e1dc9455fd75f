import { EMPTY, EmptyError, Observable, of, Subject } from 'rxjs';
import { followTaskValue, type TaskSink } from '../../src/engine/index.js';
import { flushMicrotasks } from '../support/deferred.js';
import { revokedProxy, throwingThen } from '../support/hostile.js';

/** A sink that records every call it gets. */
const recorder = (): TaskSink & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    taskFulfilled: (value) => calls.push(`fulfilled ${String(value)}`),
    taskFailed: (error) => calls.push(`failed ${error instanceof Error ? error.name + ': ' + error.message : String(error)}`),
  };
};

describe('followTaskValue (the task value rule)', () => {
  it('reports a plain value synchronously', () => {
    const sink = recorder();
    expect(followTaskValue(42, sink)).toBeUndefined();
    expect(sink.calls).toEqual(['fulfilled 42']);
  });

  it("reports a synchronous Observable's last value synchronously, after its teardown", () => {
    const sink = recorder();
    const source = new Observable<number>((s) => {
      s.next(1);
      s.next(2);
      s.complete();
      return () => sink.calls.push('teardown');
    });
    followTaskValue(source, sink);
    expect(sink.calls).toEqual(['teardown', 'fulfilled 2']);
  });

  it('reports EmptyError for an Observable that completes empty', () => {
    const sink = recorder();
    followTaskValue(EMPTY, sink);
    expect(sink.calls).toEqual([`failed EmptyError: ${new EmptyError().message}`]);
  });

  it('returns the subscription of a running Observable; unsubscribing reports nothing', () => {
    const sink = recorder();
    const subject = new Subject<number>();
    const subscription = followTaskValue(subject, sink);
    subject.next(1);
    subscription!.unsubscribe();
    subject.complete();
    expect(sink.calls).toEqual([]);
  });

  it('follows a promise and a nested thenable, asynchronously, once', async () => {
    const sink = recorder();
    followTaskValue(Promise.resolve('p'), sink);
    followTaskValue({ then: (resolve: (v: unknown) => void) => resolve(of('ignored') && Promise.resolve('nested')) }, sink);
    expect(sink.calls).toEqual([]);
    await flushMicrotasks();
    expect(sink.calls).toEqual(['fulfilled p', 'fulfilled nested']);
  });

  it.each([
    ['a then getter that throws', () => throwingThen(new Error('getter')), 'failed Error: getter'],
    ['a revoked Proxy', revokedProxy, "failed TypeError: Cannot perform 'getPrototypeOf' on a proxy that has been revoked"],
  ])('fails the task, synchronously and without throwing, for %s', (_name, make, expected) => {
    const sink = recorder();
    expect(() => followTaskValue(make(), sink)).not.toThrow();
    expect(sink.calls).toEqual([expected]);
  });

  it('fails with the error of a synchronous source whose teardown throws', () => {
    const sink = recorder();
    const source = new Observable<number>((s) => {
      s.next(1);
      s.complete();
      return () => {
        throw new Error('teardown');
      };
    });
    followTaskValue(source, sink);
    expect(sink.calls).toEqual(['failed Error: teardown']);
  });
});
