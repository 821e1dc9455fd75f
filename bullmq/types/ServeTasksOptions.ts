import type { WorkerOptions } from 'bullmq';

/**
 * Options of {@link serveTasks}: BullMQ's own worker options (`connection`, `concurrency`,
 * `lockDuration`, `stalledInterval`, `prefix`, ...), passed through.
 *
 * ## Example
 * ```ts
 * await serveTasks('images', tasks, { connection, concurrency: 4, lockDuration: 10_000 });
 * ```
 */
export interface ServeTasksOptions extends Omit<WorkerOptions, 'autorun'> {
  /**
   * How long `close()` waits for running tasks before it aborts them, in ms: from 0 to
   * 2147483647, or `Infinity` to wait for them as long as they take. (`closeTimeoutMs` in 0.1.)
   * @default 10000
   */
  readonly closeTimeout?: number;
}
