import type { ConnectionOptions } from 'bullmq';

/**
 * Options of {@link connectTasks}.
 *
 * ## Example
 * ```ts
 * const remote = connectTasks<typeof tasks>('images', { connection: { host: 'redis', port: 6379 }, lease: 5000 });
 * ```
 */
export interface ConnectTasksOptions {
  /** What BullMQ accepts: ioredis options or an ioredis client. */
  readonly connection: ConnectionOptions;
  /**
   * This caller's lease, in ms (`leaseMs` in 0.1): it is renewed while the caller lives, and
   * workers abort the caller's running jobs (and never start its queued ones) within this long of
   * its death.
   * @default 10000
   */
  readonly lease?: number;
  /**
   * How long a call waits for Redis before it fails naming the connection, in ms; also bounds
   * `close()`. Not a deadline of the call itself (a `timeout` is one, in this library): a remote
   * call is bounded by its group's `timeout`. (`timeoutMs` in 0.1.)
   * @default 10000
   */
  readonly redisTimeout?: number;
  /**
   * BullMQ's key prefix; the same on both sides. On a Redis Cluster it must start with a hash tag
   * in braces (`'{bull}'`), so that a queue's keys share one slot; any other is refused.
   * @default 'bull'
   */
  readonly prefix?: string;
  /**
   * The task names (or the tasks module itself), if the caller can know them: `run` then refuses
   * an unknown name at once. Without it, an unknown name fails at the worker.
   * @default undefined
   */
  readonly tasks?: readonly string[] | object;
}
