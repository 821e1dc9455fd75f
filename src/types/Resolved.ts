import type { SoonValue } from '../SoonValue.js';

/** A SoonValue becomes its value; anything else stays as it is. */
type ResolvedEntry<T> = T extends SoonValue<infer V> ? V : T;

/**
 * What a task group body's return value `R` becomes once the group is done: the result of
 * `runTaskGroup` and the emission of `taskGroup`.
 *
 * - a `SoonValue<T>` becomes `T`;
 * - a `PromiseLike<X>` becomes `Resolved<X>` (async bodies);
 * - a tuple (readonly ones too), an array or a plain record (an `interface` too, when it holds
 *   SoonValues) is mapped one level: each `SoonValue<T>` in it becomes `T`, other entries are
 *   kept. The result is a new, mutable array or object;
 * - anything else is kept as it is.
 *
 * ## Example
 * ```ts
 * import { runTaskGroup } from 'rxjs-asyncer';
 *
 * const both = await runTaskGroup((tg) => [tg.soonify(getUser)(id), tg.soonify(getPosts)(id)]);
 * // both: [User, Post[]]
 * ```
 */
export type Resolved<R> = 0 extends 1 & R
  ? any // eslint-disable-line @typescript-eslint/no-explicit-any -- `any` in, `any` out
  : R extends SoonValue<infer T>
    ? T
    : R extends PromiseLike<infer X>
      ? Resolved<X>
      : R extends readonly unknown[]
        ? { -readonly [K in keyof R]: ResolvedEntry<R[K]> }
        : R extends Record<string, unknown>
          ? { -readonly [K in keyof R]: ResolvedEntry<R[K]> }
          : HasSoonValueEntry<R> extends true
            ? { -readonly [K in keyof R]: ResolvedEntry<R[K]> }
            : R;

/**
 * Whether an object type has a SoonValue among its properties. An `interface` has no implicit
 * index signature, so it fails the `Record<string, unknown>` test above even when it describes a
 * plain record; one that holds SoonValues is mapped too, as its value is at run time.
 */
type HasSoonValueEntry<R> = R extends object
  ? true extends { [K in keyof R]-?: R[K] extends SoonValue<unknown> ? true : false }[keyof R]
    ? true
    : false
  : false;
