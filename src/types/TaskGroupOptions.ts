import type { LimiterLike } from './LimiterLike.js';

/** Options of `createTaskGroup`, `runTaskGroup` and `taskGroup`. */
export interface TaskGroupOptions {
  /**
   * Cancels the group when it aborts: every task is cancelled and the group fails with the
   * signal's reason, as `fetch` does. An already-aborted signal cancels the group at once.
   * @default undefined (no outside cancellation)
   */
  readonly signal?: AbortSignal;
  /**
   * Milliseconds after which the group is cancelled and fails with an error named
   * `'TimeoutError'` (a `DOMException`, like `AbortSignal.timeout`). Counted from
   * `createTaskGroup` / `runTaskGroup`, or from the subscription for `taskGroup`. The timer is
   * cleared as soon as the group settles. A number from 0 to 2147483647, or `Infinity`.
   * @default Infinity (no timeout)
   */
  readonly timeout?: number;
  /**
   * A name used in error messages (`task group 'checkout' timed out after 500 ms`).
   * @default undefined (messages say "task group")
   */
  readonly name?: string;
  /**
   * A shared limiter every task of the group takes a slot of before it starts. A task's own
   * `soonify(fn, { limiter })` takes precedence.
   * @default undefined (tasks start at once)
   */
  readonly limiter?: LimiterLike;
  /**
   * How many of the group's tasks may run at once (p-map's and Effect's `concurrency`); the rest
   * wait in the order they were started. A bound of this group alone: with `limiter` too, both
   * hold (a task waits for the group's bound first, then for the shared limiter, so it never
   * holds a shared slot while its own group holds it back), and a task's own
   * `soonify(fn, { limiter })` is bounded by it too. An integer >= 1, or `Infinity`.
   * @default Infinity (no bound of the group's own)
   */
  readonly concurrency?: number;
  /**
   * `null`: the group is nobody's child, for background work that must outlive the task that
   * starts it. Left out, a group created while a task of another group or scope runs (before the
   * task's first `await`, or after it with `linkAcrossAwaits()` from `rxjs-asyncer/node`) is that
   * group's child: its cancel, timeout and failure cancel this group too, with its reason.
   * @default undefined (linked when created inside a task)
   */
  readonly parent?: null;
}
