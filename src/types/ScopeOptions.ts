import type { LimiterLike } from './LimiterLike.js';

/** Options of {@link createScope}. */
export interface ScopeOptions {
  /**
   * Names the scope in messages: `scope 'dashboard'`.
   * @default undefined
   */
  readonly name?: string;
  /**
   * A limiter every task of the scope takes a slot of (a task's own `limiter` option wins).
   * @default undefined
   */
  readonly limiter?: LimiterLike;
  /**
   * How many of the scope's tasks may run at once; the rest wait in the order they were started.
   * With `limiter` too, both bounds hold (see `TaskGroupOptions.concurrency`). An integer >= 1,
   * or `Infinity`.
   * @default Infinity (no bound of the scope's own)
   */
  readonly concurrency?: number;
  /**
   * Cancels the scope when it aborts, as `scope.cancel(signal.reason)` would: an Angular
   * `DestroyRef`'s or a request's lifetime.
   * @default undefined
   */
  readonly signal?: AbortSignal;
  /**
   * Called with each task failure, as it happens. A failure that reaches `onError`, an `errors$`
   * subscriber, or a waiter on the task's own SoonValue counts as observed.
   * @default undefined
   */
  readonly onError?: (error: unknown) => void;
}
