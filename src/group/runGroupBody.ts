import type { TaskGroup } from '../types/TaskGroup.js';
import { SoonValue } from '../SoonValue.js';
import { isPromiseLike } from '../engine/isPromiseLike.js';
import { resolveResult } from './resolveResult.js';
import type { TaskGroupObject } from './TaskGroupObject.js';

/** Marks "the body did not throw". */
const NONE: unique symbol = Symbol('none');

/**
 * Runs a group body, starts its tasks right after it returns, waits for an async body, joins
 * the group and resolves the body's value, then calls `done` once. Shared by `runTaskGroup`
 * (which wraps it in a promise) and `taskGroup` (which emits synchronously when the tasks end
 * synchronously, so it composes like any RxJS source, TestScheduler included).
 *
 * A body that throws fails the group like a task. A body that throws only because the group was
 * cancelled (it awaited a cancelled task, say) adds no failure; if the group then ends without
 * error (`cancel()`), that error is still what the caller gets, since there is no value.
 * @internal
 */
export function runGroupBody(
  group: TaskGroupObject,
  body: (tg: TaskGroup) => unknown,
  done: (failed: boolean, outcome: unknown) => void,
): void {
  let result: unknown;
  let bodyError: unknown = NONE;
  const bodyFailed = (error: unknown): void => {
    bodyError = error;
    group.bodyFailed(error);
  };
  const finish = (): void =>
    group.whenClosed((failed, error) => {
      if (failed) return done(true, error);
      if (bodyError !== NONE) return done(true, bodyError);
      let resolved: unknown;
      try {
        resolved = resolveResult(result);
      } catch (readError) {
        return done(true, readError); // the result names a cancelled task
      }
      if (resolved instanceof Promise) resolved.then((value) => done(false, value), (e: unknown) => done(true, e));
      else done(false, resolved);
    });

  try {
    // traced: the body runs with the group's span active, so a group it opens is the group's child
    const trace = group._trace;
    result = trace === undefined ? body(group) : trace.run(() => body(group));
  } catch (error) {
    bodyFailed(error);
  }
  group.startNow();
  // An async body goes on while its tasks run. A SoonValue returned as it is is read after the
  // join instead: awaiting it here would count its task's failure twice.
  let isAsync = false;
  if (bodyError === NONE) {
    try {
      isAsync = !(result instanceof SoonValue) && isPromiseLike(result);
    } catch (error) {
      bodyFailed(error); // a returned value whose shape cannot be read (a revoked Proxy, say)
    }
  }
  if (isAsync) {
    // Promise.resolve follows a thenable as `await` does: nested thenables, a `then` that throws
    Promise.resolve(result).then(
      (value) => {
        result = value;
        finish();
      },
      (error: unknown) => {
        bodyFailed(error);
        finish();
      },
    );
  } else {
    finish();
  }
}
