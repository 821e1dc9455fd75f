/**
 * How far a batch of tasks has got: a snapshot, from a group's or scope's `progress$` or an
 * operator's `progress` option. Snapshots are frozen; a new one is made for each change.
 *
 * `total` counts every task added so far. Each task is in exactly one of the other five counts, so
 * `queued + running + fulfilled + failed + cancelled === total`.
 *
 * ## Example
 * ```ts
 * import { createTaskGroup } from 'rxjs-asyncer';
 *
 * const tg = createTaskGroup();
 * tg.progress$.subscribe((p) => console.log(`${p.fulfilled}/${p.total} done, ${p.running} running`));
 * tg.startSoon(async () => 1);
 * await tg.join();
 * // Logs:
 * // 0/0 done, 0 running
 * // 0/1 done, 0 running
 * // 0/1 done, 1 running
 * // 1/1 done, 0 running
 * ```
 */
export interface Progress {
  /** Tasks added so far. */
  readonly total: number;
  /** Added and not started yet: waiting for their start, a concurrency slot or a limiter slot. */
  readonly queued: number;
  /** Started (their function was called) and not settled yet. */
  readonly running: number;
  /** Settled with a value. */
  readonly fulfilled: number;
  /** Settled with an error. */
  readonly failed: number;
  /** Cancelled before they settled (their handle settled as `'cancelled'`). */
  readonly cancelled: number;
}
