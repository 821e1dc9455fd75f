import { Observable } from 'rxjs';
import type { Resolved } from './types/Resolved.js';
import type { TaskGroup } from './types/TaskGroup.js';
import type { TaskGroupOptions } from './types/TaskGroupOptions.js';
import { runGroupBody } from './group/runGroupBody.js';
import { checkGroupCall } from './engine/checks/checkGroupCall.js';
import { TaskGroupObject } from './group/TaskGroupObject.js';

/**
 * A task group as a cold Observable: each subscription runs `body` with a new group, emits the
 * body's resolved value once every task is done, then completes.
 *
 * The value is `Resolved<R>`, as for {@link runTaskGroup}: an array literal the body returns
 * keeps its positions (`[User, Post[]]`), a record its keys.
 *
 * Nothing runs before subscribe; every subscription runs `body` afresh. The tasks start right
 * after `body` returns. Unsubscribing cancels the group: Observable tasks are unsubscribed
 * (their teardown runs), `tg.signal` aborts with an `AbortError`, and queued tasks never start.
 * Errors are those of {@link runTaskGroup}, delivered as the Observable's error. This is the
 * natural shape for Angular services: the caller's `takeUntilDestroyed()` or `switchMap`
 * cancels the whole batch.
 *
 * ## Example
 * ```ts
 * import { taskGroup } from 'rxjs-asyncer';
 *
 * const dashboard$ = taskGroup((tg) => ({
 *   user: tg.soonify(() => http.get<User>('/api/user'))(),
 *   stats: tg.soonify((days: number) => http.get<Stats>(`/api/stats?days=${days}`))(7),
 * }));
 * dashboard$.subscribe(({ user, stats }) => console.log(user.name, stats.visits));
 * ```
 *
 * @param body gets the group; returns the result (or a promise of it).
 * @param options `signal`, `timeout` (counted from each subscription), `name`, `limiter`.
 * @returns a cold Observable of the body's resolved value.
 * @throws {TypeError | RangeError} at once (not on subscribe) when `body` is not a function or
 * an option is invalid.
 */
export function taskGroup<R extends readonly unknown[] | []>(
  body: (tg: TaskGroup) => R | PromiseLike<R>,
  options?: TaskGroupOptions,
): Observable<Resolved<R>>;
/**
 * A task group as a cold Observable: each subscription runs `body` with a new group and emits
 * its resolved value. The signature for bodies that return anything but an array; see above.
 */
export function taskGroup<R>(body: (tg: TaskGroup) => R, options?: TaskGroupOptions): Observable<Resolved<R>>;
export function taskGroup<R>(body: (tg: TaskGroup) => R, options?: TaskGroupOptions): Observable<Resolved<R>> {
  const checked = checkGroupCall('taskGroup', body, options);
  return new Observable<Resolved<R>>((subscriber) => {
    const group = new TaskGroupObject(checked);
    runGroupBody(group, body, (failed, outcome) => {
      if (failed) return subscriber.error(outcome);
      subscriber.next(outcome as Resolved<R>);
      subscriber.complete();
    });
    return () => {
      // after the group closed there is nothing to cancel: skip building the reason
      if (!group.closed) group.cancel(new DOMException(`The subscriber of ${group.label} unsubscribed`, 'AbortError'));
    };
  });
}
