import type { Limiter } from '../../src/index.js';

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
  readonly limiter?: Limiter;
}
