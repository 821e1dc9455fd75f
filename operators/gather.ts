import { Observable } from 'rxjs';
import { assertOptionalLimiter } from '../src/internal/assertOptionalLimiter.js';
import { describe, describeError } from '../src/internal/describe.js';
import { failureOf } from '../src/internal/failureOf.js';
import { defineEntry } from '../src/internal/defineEntry.js';
import { isArraySafe, isPlainRecord } from '../src/internal/isPlainRecord.js';
import { assertConcurrency, assertOptionsObject, readOptions } from '../src/internal/validate.js';
import type { GatherOptions } from './GatherOptions.js';
import { assertTaskInputs } from './internal/checks.js';
import { callInput } from './internal/callInput.js';
import { NO_ITEM, type RunnerOwner } from './internal/Runner.js';
import { createRunner } from './internal/createRunner.js';
import type { TaskInput, TaskInputValue } from './TaskInput.js';

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
  const caller = 'gather(inputs, options)';
  let entries: readonly unknown[];
  let keys: string[] | undefined;
  if (isArraySafe(inputs)) {
    entries = inputs.slice(); // a snapshot: later changes to the array do not leak in
  } else if (isPlainRecord(inputs)) {
    // an object literal is a record whatever its keys: `{ then: ... }` too
    keys = Object.keys(inputs);
    entries = readEntries(inputs, keys, caller);
  } else {
    throw new TypeError(`${caller}: inputs must be an array or a record of task inputs, got ${describe(inputs)}`);
  }
  assertTaskInputs(entries, keys, caller);
  assertOptionsObject(options, `${caller}: options`);
  const { settled = false, concurrency = Infinity, limiter } = readOptions(options, GATHER_OPTIONS, `${caller}: options`);
  if (typeof settled !== 'boolean') throw new TypeError(`${caller}: options.settled must be a boolean, got ${describe(settled)}`);
  assertConcurrency(concurrency, `${caller}: options.concurrency`);
  assertOptionalLimiter(limiter, `${caller}: options.limiter`);

  return new Observable((subscriber) => {
    const values = new Array<unknown>(entries.length);
    /** inputs without a value yet */
    let remaining = entries.length;
    /** the next input to hand to the runner */
    let next = 0;
    const emit = (): void => {
      subscriber.next(keys ? toRecord(keys, values) : values);
      subscriber.complete();
    };
    const owner: RunnerOwner<unknown> = {
      call: (input, _index, signal) => callInput(input, signal),
      fulfilled(index, value) {
        values[index] = settled ? { status: 'fulfilled', value } : value;
        if (--remaining === 0) emit();
      },
      failed(index, reason) {
        if (settled) {
          values[index] = { status: 'rejected', reason };
          if (--remaining === 0) emit();
        } else {
          const errors = runner.cancel(reason);
          subscriber.error(errors ? failureOf([reason, ...errors], 'gather') : reason);
        }
      },
      admits: () => true,
      nextItem: () => (next < entries.length ? entries[next++] : NO_ITEM),
    };
    const runner = createRunner(owner, concurrency, limiter);
    subscriber.add(() => runner.stop(unsubscribedReason));
    if (remaining === 0) emit();
    else runner.pump();
  });
}

const GATHER_OPTIONS = ['settled', 'concurrency', 'limiter'] as const;

/** The result record: own data properties for every key, `__proto__` included. */
const toRecord = (keys: readonly string[], values: readonly unknown[]): Record<string, unknown> => {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) defineEntry(record, keys[i]!, values[i]);
  return record;
};

/** Reads a record's entries once, at the call; a getter that throws is a TypeError naming it. */
const readEntries = (inputs: Record<string, unknown>, keys: readonly string[], caller: string): unknown[] =>
  keys.map((key) => {
    try {
      return inputs[key];
    } catch (error) {
      throw new TypeError(`${caller}: inputs.${key} could not be read: ${describeError(error)}`, { cause: error });
    }
  });

const unsubscribedReason = (): DOMException => new DOMException('The subscriber of gather unsubscribed', 'AbortError');
