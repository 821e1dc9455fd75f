import type { OperatorFunction } from 'rxjs';
import type { TaskResult } from '../src/index.js';
import { checkSingleFlightArgs } from './internal/checks/checkSingleFlightArgs.js';
import { singleFlight } from './internal/SingleFlight.js';
import type { MapLatestOptions } from './types/MapLatestOptions.js';

/** never called: an exhausting flight is never superseded */
const neverSuperseded = (): undefined => undefined;

/**
 * Exhaust: maps a source value through `project` only when no project is running; values that
 * arrive meanwhile are **ignored**. The "Save" button pressed five times saves once. RxJS's
 * `exhaustMap`, with promises and an `AbortSignal`.
 *
 * The project gets the value, its index (counting the values it was called for, as
 * `exhaustMap` counts) and a signal of its own, and returns an Observable, a PromiseLike or a
 * plain value; its result follows the task value rule (an Observable's last emission).
 *
 * - **Errors.** A failure of the project errors the output (its signal aborts with the error);
 *   a source error aborts the project in flight with that error and errors the output.
 * - **Completion.** Completes once the source has completed and the project in flight has finished.
 * - **Cancellation.** Unsubscribing aborts the signal of the project in flight and unsubscribes
 *   its Observable; whatever it settles with afterwards is an echo, never unhandled.
 *
 * ## Example
 * ```ts
 * import { fromEvent } from 'rxjs';
 * import { mapExhaust } from 'rxjs-asyncer/operators';
 *
 * const save = document.querySelector('button')!;
 * fromEvent(save, 'click')
 *   .pipe(mapExhaust((_click, _index, signal) => fetch('/api/draft', { method: 'PUT', signal })))
 *   .subscribe(() => console.log('saved'));
 * ```
 *
 * @param project maps a value (with its index and its own signal) to an Observable, PromiseLike or value.
 * @param options `{ progress }`.
 * @returns an operator emitting the result of each project it ran.
 * @throws {TypeError} at the call when `project` is not a function or an option is unknown or invalid.
 * @see mapLatest
 */
export function mapExhaust<T, R>(
  project: (value: T, index: number, signal: AbortSignal) => R,
  options?: MapLatestOptions,
): OperatorFunction<T, TaskResult<R>> {
  const progress = checkSingleFlightArgs('mapExhaust', project, options);
  return singleFlight(project, false, neverSuperseded, progress);
}
