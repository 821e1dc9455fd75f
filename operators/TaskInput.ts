import type { InteropObservable, Observable } from 'rxjs';
import type { TaskResult } from '../src/TaskResult.js';

/**
 * One unit of work for the operators: an Observable, a PromiseLike, or a function that receives
 * an `AbortSignal` (aborted when that input is cancelled) and returns an Observable, a
 * PromiseLike or a plain value.
 *
 * Its value follows the task value rule of the core: an Observable's **last** emission (an
 * Observable that completes empty fails with `EmptyError`), what a PromiseLike resolves to, and
 * anything else as it is (a function returning an array gives the array).
 *
 * Prefer the function form: an Observable is cold and starts on subscribe, but a promise passed
 * directly is already running and can only be awaited, not cancelled; a function is called only
 * when the input starts, and gets the signal to stop early.
 *
 * ## Example
 * ```ts
 * import type { TaskInput } from 'rxjs-asyncer/operators';
 *
 * const a: TaskInput<User> = http.get<User>('/api/user');                       // Observable
 * const b: TaskInput<User> = (signal) => fetch('/api/user', { signal }).then((r) => r.json());
 * const c: TaskInput<number> = () => 42;                                        // a plain value
 * ```
 */
export type TaskInput<T> =
  | Observable<T>
  | InteropObservable<T>
  | PromiseLike<T>
  | ((signal: AbortSignal) => Observable<T> | InteropObservable<T> | PromiseLike<T> | T);

/**
 * A tuple (or array) of {@link TaskInput}s whose values are `A`: `TaskInputs<[number, string]>`
 * is `[TaskInput<number>, TaskInput<string>]`.
 */
export type TaskInputs<A extends readonly unknown[]> = { [K in keyof A]: TaskInput<A[K]> };

/**
 * The value a {@link TaskInput} `I` produces, by the task value rule: for a function, the value
 * of what it returns. The operators infer their result types with it, from the inputs as written.
 *
 * ## Example
 * ```ts
 * import type { TaskInputValue } from 'rxjs-asyncer/operators';
 *
 * type A = TaskInputValue<(signal: AbortSignal) => Promise<number>>; // number
 * type B = TaskInputValue<Observable<string>>;                        // string
 * ```
 */
export type TaskInputValue<I> = I extends (signal: AbortSignal) => infer R ? TaskResult<R> : TaskResult<I>;
