import type { InteropObservable, Observable } from 'rxjs';

/**
 * The value of a task whose function returns `R`: the task value rule, used everywhere in
 * this library.
 *
 * - an `Observable` (or interop observable) gives its **last** emission; one that completes
 *   without emitting fails the task with rxjs's `EmptyError`;
 * - a `PromiseLike` gives what it resolves to;
 * - anything else, arrays and iterables included, is the value itself.
 *
 * ## Example
 * ```ts
 * import type { TaskResult } from 'rxjs-asyncer';
 * import type { Observable } from 'rxjs';
 *
 * type A = TaskResult<Promise<number>>;    // number
 * type B = TaskResult<Observable<string>>; // string
 * type C = TaskResult<number[]>;           // number[]
 * ```
 */
export type TaskResult<R> = 0 extends 1 & R
  ? any // eslint-disable-line @typescript-eslint/no-explicit-any -- `any` in, `any` out
  : R extends Observable<infer T>
    ? T
    : R extends InteropObservable<infer T>
      ? T
      : R extends PromiseLike<unknown>
        ? Awaited<R>
        : R;
