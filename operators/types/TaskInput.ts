import type { InteropObservable, Observable } from 'rxjs';

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
