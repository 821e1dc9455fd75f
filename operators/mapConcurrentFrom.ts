import { traceSubscription } from '../src/engine/index.js';
import { Observable } from 'rxjs';
import { checkMapConcurrentFromArgs } from './internal/checks/checkMapConcurrentFromArgs.js';
import type { TaskResult } from '../src/index.js';
import { ConcurrentMapper } from './internal/ConcurrentMapper.js';
import { IteratorFeed } from './internal/IteratorFeed.js';
import type { MapConcurrentOptions } from './types/MapConcurrentOptions.js';

/**
 * Maps the items of an iterable or async iterable through `project` with at most `concurrency`
 * projects in flight, pulling the next item **only when a slot is free**: p-map's lazy
 * iteration as a cold Observable, with cancellation.
 *
 * Everything {@link mapConcurrent} says holds (one result per item by the task value rule, in
 * input order by default, first failure cancels the rest, unsubscribe aborts), and:
 *
 * - **Lazy.** Items are pulled one at a time as slots free up, so memory stays O(concurrency)
 *   whatever the input's length: a generator of a million items is never buffered. In ordered
 *   mode no item starts more than `2 × concurrency` places ahead of the oldest result not yet
 *   emitted, so results waiting behind a slow item stay bounded too.
 * - **Cleanup.** The iterator's `return()` is called when the Observable is unsubscribed, errors
 *   or ends early (`take(5)`), so generators run their `finally` blocks; not when it was exhausted.
 * - **Cold.** Each subscription asks the iterable for a new iterator. An iterator (or generator
 *   object) can be consumed only once.
 *
 * ## Example
 * ```ts
 * import { mapConcurrentFrom } from 'rxjs-asyncer/operators';
 *
 * async function* pages() {
 *   for (let page = 1; ; page++) yield `/api/log?page=${page}`;
 * }
 *
 * mapConcurrentFrom(pages(), (url, _i, signal) => fetch(url, { signal }).then((r) => r.json()), 4)
 *   .pipe(takeWhile((entries) => entries.length > 0))
 *   .subscribe((entries) => console.log(entries.length));
 * ```
 *
 * @param input the items: an Iterable or an AsyncIterable.
 * @param project maps an item (with its index and a signal) to an Observable, PromiseLike or value.
 * @param options the concurrency, or `{ concurrency, ordered, limiter }`.
 * @returns a cold Observable emitting one result per item.
 * @throws {TypeError | RangeError} at the call when `input` is not iterable, `project` is not a
 * function, or the concurrency is not an integer >= 1 nor `Infinity`.
 * @see mapConcurrent
 */
export function mapConcurrentFrom<T, R>(
  input: Iterable<T> | AsyncIterable<T>,
  project: (value: T, index: number, signal: AbortSignal) => R,
  options: number | MapConcurrentOptions,
): Observable<TaskResult<R>> {
  const settings = checkMapConcurrentFromArgs(input, project, options);
  const { isAsync } = settings;
  return new Observable<TaskResult<R>>((outer) =>
    traceSubscription('mapConcurrentFrom', undefined, outer, (subscriber) => {
      const mapper = new ConcurrentMapper<T>(subscriber, project, settings);
      const iterator = isAsync ? (input as AsyncIterable<T>)[Symbol.asyncIterator]() : (input as Iterable<T>)[Symbol.iterator]();
      mapper.feed = new IteratorFeed(iterator, isAsync, mapper, subscriber);
      mapper.runner.pump();
    }),
  );
}
