import { traceSubscription } from '../src/engine/index.js';
import { Observable } from 'rxjs';
import { checkFirstWinsArgs } from './internal/checks/checkFirstWinsArgs.js';
import { FirstWinsRace } from './internal/FirstWinsRace.js';
import type { FirstWinsOptions } from './types/FirstWinsOptions.js';
import type { TaskInput } from './types/TaskInput.js';
import type { TaskInputValue } from './types/TaskInputValue.js';

/**
 * Races its inputs and emits the value of the first one to **succeed**; every other input is
 * cancelled at that moment. AnyIO's and asyncio's happy-eyeballs race, as an Observable.
 *
 * A task race, unlike RxJS's `race` (which mirrors the first stream that *emits*, lets losing
 * promises run on, and ends on the first error):
 *
 * - **Winning.** An input succeeds by the task value rule: a promise when it resolves, an
 *   Observable when it completes after emitting, with its last value (so
 *   `firstWins([of(1, 2, 3)])` emits 3). The winner's value is emitted once, then the Observable
 *   completes; every other input is cancelled (its signal aborted, its Observable unsubscribed),
 *   and inputs not started yet never start.
 * - **Losing.** A failing (or empty) input does not end the race. When every input has failed,
 *   it errors with an `AggregateError` whose `errors` are in input order. `firstWins([])` errors
 *   the same way, at once.
 * - **Stagger.** With `stagger: ms`, input 0 starts at subscribe and input k+1 when input k
 *   fails or `ms` after input k started, whichever comes first (hedged requests, RFC 8305).
 * - **Cancellation.** Unsubscribing cancels every running input and the stagger timer.
 *
 * Each function input gets its own signal, aborted only if that input is cancelled: the winner's
 * signal never aborts, so a winning `fetch` can still read its body.
 *
 * ## Example
 * ```ts
 * import { firstWins } from 'rxjs-asyncer/operators';
 *
 * // ask the primary; if it has not answered in 200 ms, ask the replica too; first answer wins
 * firstWins(
 *   [
 *     (signal) => fetch('https://primary.example/api', { signal }).then((r) => r.json()),
 *     (signal) => fetch('https://replica.example/api', { signal }).then((r) => r.json()),
 *   ],
 *   { stagger: 200 },
 * ).subscribe((data) => console.log(data));
 * ```
 *
 * Types: the value is the union of the inputs' values (`Observable<number | string>` for a
 * number and a string input).
 *
 * @param inputs the racing {@link TaskInput}s.
 * @param options `stagger`.
 * @returns a cold Observable of the winner's value.
 * @throws {TypeError | RangeError} at the call when `inputs` is not an array of task inputs or
 * `stagger` is not a number of milliseconds.
 * @see gather
 */
export function firstWins<I extends readonly TaskInput<unknown>[]>(
  inputs: readonly [...I],
  options?: FirstWinsOptions,
): Observable<TaskInputValue<I[number]>> {
  const { entries, stagger, progress } = checkFirstWinsArgs(inputs, options);
  return new Observable<TaskInputValue<I[number]>>((outer) =>
    traceSubscription('firstWins', undefined, outer, (subscriber) => {
      const race = new FirstWinsRace(entries, stagger, subscriber, progress?.());
      subscriber.add(() => race.abandon());
      race.run();
    }),
  );
}
