import type { SoonValue } from '../SoonValue.js';

/** A SoonValue becomes its value; anything else stays as it is. */
type ResolvedEntry<T> = T extends SoonValue<infer V> ? V : T;

/**
 * What a task group body's return value `R` becomes once the group is done: the result of
 * `runTaskGroup` and the emission of `taskGroup`.
 *
 * - a `SoonValue<T>` becomes `T`;
 * - a `PromiseLike<X>` becomes `Resolved<X>` (async bodies);
 * - a tuple (readonly ones too), an array or a plain record is mapped one level: each
 *   `SoonValue<T>` in it becomes `T`, other entries are kept. The result is a new, mutable
 *   array or object;
 * - anything else is kept as it is.
 *
 * ## Example
 * ```ts
 * import { runTaskGroup } from 'rxjs-asyncer';
 *
 * const [user, posts] = await runTaskGroup((tg) => [
 *   tg.soonify(getUser)(id),
 *   tg.soonify(getPosts)(id),
 * ] as const);
 * // user: User, posts: Post[]
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
          : R;
