import { traceSubscription } from '../src/engine/index.js';
import { checkMapConcurrentArgs } from './internal/checks/checkMapConcurrentArgs.js';
import type { TaskResult } from '../src/index.js';
import { Observable, type OperatorFunction } from 'rxjs';
import type { MapConcurrentOptions } from './types/MapConcurrentOptions.js';
import { ConcurrentMapper } from './internal/ConcurrentMapper.js';

/**
 * Maps each source value through `project` with at most `concurrency` projects in flight, and
 * emits one result per value, **in source order** by default: the ordered, bounded concurrent
 * map RxJS lacks (rxjs#5519), with cancellation.
 *
 * The project gets the value, its index and an `AbortSignal`, and returns an Observable, a
 * PromiseLike or a plain value; its result follows the task value rule (an Observable's last
 * emission; use `mergeMap` to flatten whole streams instead).
 *
 * - **Order.** `ordered: true` (the default) emits results in source order; `ordered: false`
 *   emits each as it finishes.
 * - **Completion.** Completes once the source has completed and every project has finished.
 * - **Errors.** A failure (the project throws, a task fails, the source errors) cancels all
 *   in-flight work (the signal aborts with the error as reason, inner Observables are
 *   unsubscribed) and errors downstream.
 * - **Cancellation.** Unsubscribing aborts the signal of every project in flight and
 *   unsubscribes inner Observables.
 * - **Memory.** Source values waiting for a slot are queued in O(1) each (rxjs's mergeMap uses
 *   `Array.shift`, quadratic). To keep memory bounded on a huge input, pull it lazily with
 *   {@link mapConcurrentFrom} instead of pushing it.
 *
 * The signal is shared by the projects of one subscription, which are only ever cancelled
 * together: it aborts when the subscription fails or is unsubscribed, even for projects that
 * already finished. Read what you need (a fetch body, say) inside the project.
 *
 * ## Example
 * ```ts
 * import { from } from 'rxjs';
 * import { mapConcurrent } from 'rxjs-asyncer/operators';
 *
 * from([1, 2, 3, 4])
 *   .pipe(mapConcurrent((id, _index, signal) => fetch(`/api/items/${id}`, { signal }).then((r) => r.json()), 2))
 *   .subscribe((item) => console.log(item.id));
 * // Logs:
 * // 1
 * // 2
 * // 3
 * // 4
 * ```
 *
 * @param project maps a value (with its index and a signal) to an Observable, PromiseLike or value.
 * @param options the concurrency, or `{ concurrency, ordered, limiter }`.
 * @returns an operator emitting one result per source value.
 * @throws {TypeError | RangeError} at the call when `project` is not a function or the
 * concurrency is not an integer >= 1 nor `Infinity`.
 * @see mapConcurrentFrom
 */
export function mapConcurrent<T, R>(
  project: (value: T, index: number, signal: AbortSignal) => R,
  options: number | MapConcurrentOptions,
): OperatorFunction<T, TaskResult<R>> {
  const settings = checkMapConcurrentArgs(project, options);
  return (source) =>
    new Observable<TaskResult<R>>((outer) =>
      traceSubscription('mapConcurrent', undefined, outer, (subscriber) => {
        const mapper = new ConcurrentMapper<T>(subscriber, project, settings);
        subscriber.add(
          source.subscribe({
            next: (value) => mapper.push(value),
            error: (error: unknown) => mapper.fail(error),
            complete: () => mapper.endInput(),
          }),
        );
      }),
    );
}
