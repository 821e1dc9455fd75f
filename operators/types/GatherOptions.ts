import type { Observer } from 'rxjs';
import type { LimiterLike, Progress } from '../../src/index.js';

/** Options of {@link gather}. */
export interface GatherOptions {
  /**
   * Never fail because of an input: every entry becomes `{ status: 'fulfilled', value }` or
   * `{ status: 'rejected', reason }` (the shape of `Promise.allSettled`).
   * @default false
   */
  readonly settled?: boolean;
  /**
   * At most this many inputs in flight, started in input order, each only when a slot is free.
   * An integer >= 1, or `Infinity`.
   * @default Infinity
   */
  readonly concurrency?: number;
  /**
   * A shared limiter every input also takes a slot of before it starts.
   * @default undefined
   */
  readonly limiter?: LimiterLike;
  /**
   * Told how far the work has got: a callback, or an Observer (its `complete` is called once the
   * operator has ended, however it ended). Each subscription counts its own tasks; {@link Progress}
   * describes the counts; `total` is the number of inputs from the start. Nothing is counted without this option.
   * @default undefined
   */
  readonly progress?: ((progress: Progress) => void) | Partial<Observer<Progress>>;
}
