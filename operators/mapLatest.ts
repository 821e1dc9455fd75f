import type { OperatorFunction } from 'rxjs';
import type { TaskResult } from '../src/index.js';
import { checkSingleFlightArgs } from './internal/checks/checkSingleFlightArgs.js';
import { singleFlight } from './internal/SingleFlight.js';
import type { MapLatestOptions } from './types/MapLatestOptions.js';

const supersededReason = (): DOMException => new DOMException('mapLatest: superseded by a newer source value', 'AbortError');

/**
 * Latest wins: maps each source value through `project`, and a new value **cancels** the
 * project still running for the previous one. `switchMap` that aborts promises too: the project
 * gets an `AbortSignal` to hand to `fetch`, axios or a database driver, so a superseded request
 * really stops instead of running on with its result thrown away.
 *
 * The project gets the value, its index and a signal of its own, and returns an Observable, a
 * PromiseLike or a plain value; its result follows the task value rule (an Observable's last
 * emission).
 *
 * - **Superseding.** A new source value aborts the previous project's signal (an `AbortError`
 *   DOMException, "superseded by a newer source value"), unsubscribes its Observable, and drops
 *   its result. Whatever a superseded project settles with afterwards is an echo of that abort:
 *   never an error downstream, never an unhandled rejection.
 * - **Errors.** A failure of the current project errors the output (its signal aborts with the
 *   error); a source error aborts the project in flight with that error and errors the output.
 * - **Completion.** Completes once the source has completed and the last project has finished.
 * - **Cancellation.** Unsubscribing aborts the signal of the project in flight and unsubscribes
 *   its Observable.
 *
 * ## Example
 * A typeahead: each keystroke supersedes the search before it, whose request is aborted.
 * ```ts
 * import { debounceTime, fromEvent, map } from 'rxjs';
 * import { mapLatest } from 'rxjs-asyncer/operators';
 *
 * const input = document.querySelector('input')!;
 * fromEvent(input, 'input')
 *   .pipe(
 *     map(() => input.value),
 *     debounceTime(150),
 *     mapLatest((query, _index, signal) => fetch(`/api/search?q=${encodeURIComponent(query)}`, { signal }).then((r) => r.json())),
 *   )
 *   .subscribe((results) => console.log(results));
 * ```
 *
 * @param project maps a value (with its index and its own signal) to an Observable, PromiseLike or value.
 * @param options `{ progress }`.
 * @returns an operator emitting the result of each project that was not superseded.
 * @throws {TypeError} at the call when `project` is not a function or an option is unknown or invalid.
 * @see mapExhaust
 */
export function mapLatest<T, R>(
  project: (value: T, index: number, signal: AbortSignal) => R,
  options?: MapLatestOptions,
): OperatorFunction<T, TaskResult<R>> {
  const progress = checkSingleFlightArgs('mapLatest', project, options);
  return singleFlight(project, true, supersededReason, progress);
}
