import type { RateLimit } from '../../src/index.js';
import type { RedisClientLike } from './RedisClientLike.js';

/**
 * Options of {@link createRedisLimiter}. Every process that shares a limit passes the same `key`,
 * `concurrency` and `rate`.
 *
 * ## Example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createRedisLimiter } from 'rxjs-asyncer/redis';
 *
 * const payments = createRedisLimiter({
 *   client: new Redis(process.env.REDIS_URL!),
 *   key: 'limits:payments-api',
 *   concurrency: 10,
 *   rate: { limit: 100, interval: 60_000 },
 * });
 * ```
 */
export interface RedisLimiterOptions {
  /** A connected Redis client (ioredis `Redis` or `Cluster`). The limiter never closes it. */
  readonly client: RedisClientLike;
  /**
   * Names the limit: the limiter's keys are `{<key>}:…` (one hash tag, so a Redis Cluster keeps
   * them together). A non-empty string.
   */
  readonly key: string;
  /** How many permits may be held at once across every process: an integer >= 1, or Infinity. */
  readonly concurrency: number;
  /**
   * At most `limit` grants in any window of `interval` ms across every process, on Redis's clock.
   * @default undefined (no rate limit)
   */
  readonly rate?: RateLimit;
  /**
   * How long a permit (or a place in the queue) lasts without renewal, in ms. The limiter renews
   * every lease a third of this often while its process lives; the permits of a process that dies
   * come back at most this long after its last renewal.
   * @default 30000
   */
  readonly lease?: number;
  /**
   * How often, in ms, a process with waiters asks Redis for news besides the grants it is told
   * of: it then learns of permits freed by expiry and of grants whose message it missed.
   * @default 1000, or a third of `lease` if that is shorter
   */
  readonly pollInterval?: number;
  /**
   * How long, in ms, a call waits for Redis before it fails with a {@link RedisLimiterError}:
   * `acquire` while Redis is unreachable, and every waiter once Redis has not answered for this
   * long.
   * @default 5000
   */
  readonly redisTimeout?: number;
  /**
   * Names the limiter in errors.
   * @default the key
   */
  readonly name?: string;
}
