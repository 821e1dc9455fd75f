import { traceSubscription } from '../src/engine/index.js';
import { Observable } from 'rxjs';
import { checkGatherArgs } from './internal/checks/checkGatherArgs.js';
import { GatherCollector } from './internal/GatherCollector.js';
import type { GatherOptions } from './types/GatherOptions.js';
import type { TaskInput } from './types/TaskInput.js';
import type { TaskInputValue } from './types/TaskInputValue.js';

/**
 * Runs every input concurrently and emits all their values at once, in input order (for a
 * tuple) or under the same keys (for a record): `forkJoin` without its traps, with cancellation.
 *
 * Think of it as a task group over a fixed list: the first failure cancels the rest.
 *
 * - **Cold.** Nothing starts before subscribe; each subscription starts functions and
 *   Observables afresh (a promise passed directly is already running: it is only awaited).
 * - **Completion.** Emits once when every input has its value (by the task value rule: an
 *   Observable's last emission), then completes. `gather([])` emits `[]` and `gather({})` emits
 *   `{}` at once, where `forkJoin` emits nothing.
 * - **Errors.** An input that completes without a value fails with rxjs's `EmptyError` (forkJoin
 *   silently completes instead). The first failure cancels every other input at once (signals
 *   aborted with the error as reason, Observables unsubscribed, queued inputs never started) and
 *   is emitted as the error, unwrapped. With `settled: true` nothing fails: every entry is
 *   `{ status: 'fulfilled', value }` or `{ status: 'rejected', reason }`.
 * - **Concurrency.** `concurrency: n` keeps at most n inputs in flight, started in input order;
 *   `limiter` makes every input also take a slot of a shared limiter.
 * - **Cancellation.** Unsubscribing cancels everything in flight.
 *
 * ## Example
 * ```ts
 * import { gather } from 'rxjs-asyncer/operators';
 *
 * gather({
 *   user: http.get<User>('/api/user'),
 *   prefs: (signal) => fetch('/api/prefs', { signal }).then((r) => r.json() as Promise<Prefs>),
 *   flags: () => ['beta'],
 * }).subscribe(({ user, prefs, flags }) => console.log(user.name, prefs.theme, flags));
 * // Logs:
 * // Ada dark [ 'beta' ]
 * ```
 *
 * Types: the result is inferred from the inputs as written, each position (or key) typed by
 * {@link TaskInputValue}: `gather([of(1), async () => 'x'])` is `Observable<[number, string]>`.
 *
 * @param inputs a tuple/array or a record of {@link TaskInput}s.
 * @param options `settled`, `concurrency`, `limiter`.
 * @returns a cold Observable emitting the values once, then completing.
 * @throws {TypeError | RangeError} at the call when `inputs` is neither an array nor a record of
 * task inputs, or an option is invalid.
 * @see firstWins
 */
export function gather<I extends readonly TaskInput<unknown>[]>(
  inputs: readonly [...I],
  options: GatherOptions & { readonly settled: true },
): Observable<{ -readonly [K in keyof I]: PromiseSettledResult<TaskInputValue<I[K]>> }>;
export function gather<I extends readonly TaskInput<unknown>[]>(
  inputs: readonly [...I],
  options?: GatherOptions & { readonly settled?: false },
): Observable<{ -readonly [K in keyof I]: TaskInputValue<I[K]> }>;
export function gather<I extends Record<string, TaskInput<unknown>>>(
  inputs: I,
  options: GatherOptions & { readonly settled: true },
): Observable<{ -readonly [K in keyof I]: PromiseSettledResult<TaskInputValue<I[K]>> }>;
export function gather<I extends Record<string, TaskInput<unknown>>>(
  inputs: I,
  options?: GatherOptions & { readonly settled?: false },
): Observable<{ -readonly [K in keyof I]: TaskInputValue<I[K]> }>;
export function gather(inputs: unknown, options?: GatherOptions): Observable<unknown> {
  const args = checkGatherArgs(inputs, options);
  return new Observable((outer) => traceSubscription('gather', undefined, outer, (subscriber) => new GatherCollector(args, subscriber).start()));
}
