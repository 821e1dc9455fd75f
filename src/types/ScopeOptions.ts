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
