import { Observable } from 'rxjs';
import type { TaskResult } from '../src/TaskResult.js';
import { describe } from '../src/internal/describe.js';
import { isPromiseLike } from '../src/internal/isPromiseLike.js';
import { assertFunction } from '../src/internal/validate.js';
import type { MapConcurrentOptions } from './MapConcurrentOptions.js';
import { readMapOptions } from './internal/checks.js';
import { ConcurrentMapper } from './internal/ConcurrentMapper.js';
import { NO_ITEM } from './internal/Runner.js';

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
  const caller = 'mapConcurrentFrom(input, project, options)';
  const isAsync = typeof (input as AsyncIterable<T> | null)?.[Symbol.asyncIterator] === 'function';
  if (!isAsync && typeof (input as Iterable<T> | null)?.[Symbol.iterator] !== 'function') {
    throw new TypeError(`${caller}: input must be an Iterable or an AsyncIterable, got ${describe(input)}`);
  }
  assertFunction(project, `${caller}: project`);
  const { concurrency, ordered, limiter } = readMapOptions(options, caller);
  return new Observable<TaskResult<R>>((subscriber) => {
    const mapper = new ConcurrentMapper<T>(subscriber, project, concurrency, ordered, limiter);
    const iterator = isAsync ? (input as AsyncIterable<T>)[Symbol.asyncIterator]() : (input as Iterable<T>)[Symbol.iterator]();
    /** whether the iterator is finished (exhausted or failed): then it needs no return() */
    let exhausted = false;
    /** an async next() in flight: only one at a time */
    let pulling = false;
    const ended = (): void => {
      exhausted = true;
      mapper.endInput();
    };
    const failed = (error: unknown): void => {
      exhausted = true;
      mapper.fail(error);
    };
    subscriber.add(() => {
      if (exhausted) return;
      exhausted = true;
      closeIterator(iterator);
    });
    if (isAsync) {
      /** the item an async next() delivered, until a slot takes it */
      let ready: { readonly value: T } | undefined;
      mapper.pullItem = () => {
        if (ready) {
          const { value } = ready;
          ready = undefined;
          return value;
        }
        if (pulling || exhausted) return NO_ITEM;
        pulling = true;
        let next: Promise<IteratorResult<T>>;
        try {
          next = Promise.resolve((iterator as AsyncIterator<T>).next());
        } catch (error) {
          pulling = false;
          failed(error);
          return NO_ITEM;
        }
        next.then(
          (result) => {
            pulling = false;
            if (subscriber.closed) return;
            if (result.done) return ended();
            ready = { value: result.value };
            mapper.runner.pump();
          },
          (error: unknown) => {
            pulling = false;
            if (!subscriber.closed) failed(error);
          },
        );
        return NO_ITEM;
      };
    } else {
      mapper.pullItem = () => {
        if (exhausted) return NO_ITEM;
        let result: IteratorResult<T>;
        try {
          result = (iterator as Iterator<T>).next();
        } catch (error) {
          failed(error);
          return NO_ITEM;
        }
        if (!result.done) return result.value;
        ended();
        return NO_ITEM;
      };
    }
    mapper.runner.pump();
  });
}

/** Calls an iterator's `return()` so that a generator runs its `finally`; its failure has no
 * one left to report to, and is dropped rather than left as an unhandled rejection. */
function closeIterator(iterator: Iterator<unknown> | AsyncIterator<unknown>): void {
  try {
    const result = iterator.return?.();
    if (isPromiseLike(result)) result.then(undefined, () => undefined);
  } catch {
    // a return() that throws: the iterator is being abandoned either way
  }
}
