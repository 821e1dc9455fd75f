import type { Observer } from 'rxjs';
import type { LimiterLike, Progress } from '../../src/index.js';

/** Options of {@link mapConcurrent} and {@link mapConcurrentFrom}. */
export interface MapConcurrentOptions {
  /**
   * At most this many projects in flight. An integer >= 1, or `Infinity`.
   * @default Infinity
   */
  readonly concurrency?: number;
  /**
   * `true` emits results in input order; `false` emits each as soon as it finishes. In ordered
   * mode, no item starts more than `2 × concurrency` places ahead of the oldest result not yet
   * emitted, so the results waiting for a slow one stay bounded.
   * @default true
   */
  readonly ordered?: boolean;
  /**
   * A shared limiter every project also takes a slot of before it starts.
   * @default undefined
   */
  readonly limiter?: LimiterLike;
  /**
   * Told how far the work has got: a callback, or an Observer (its `complete` is called once the
   * operator has ended, however it ended). Each subscription counts its own tasks; {@link Progress}
   * describes the counts; `total` grows as source values arrive (`mapConcurrent`) or items are pulled (`mapConcurrentFrom`). Nothing is counted without this option.
   * @default undefined
   */
  readonly progress?: ((progress: Progress) => void) | Partial<Observer<Progress>>;
}
