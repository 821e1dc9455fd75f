/**
 * The part of a Redis client that {@link createRedisLimiter} uses: ioredis's `Redis` (and
 * `Cluster`) has exactly these methods. The limiter sends its scripts through the client you
 * pass, and opens one more connection with `duplicate()` to hear grants (Redis pub/sub needs a
 * connection of its own).
 *
 * ## Example
 * ```ts
 * import { Redis } from 'ioredis';
 * import type { RedisClientLike } from 'rxjs-asyncer/redis';
 *
 * const client: RedisClientLike = new Redis(process.env.REDIS_URL!);
 * ```
 */
export interface RedisClientLike {
  /** Runs a cached script by its SHA1 (`EVALSHA`). */
  evalsha(sha: string, numberOfKeys: number, ...args: (string | number)[]): Promise<unknown>;
  /** Runs a script's source (`EVAL`), used when the server does not have it cached. */
  eval(script: string, numberOfKeys: number, ...args: (string | number)[]): Promise<unknown>;
  /** A new connection with the same options, for the limiter's subscription. */
  duplicate(): RedisSubscriberLike;
}

/**
 * The connection {@link RedisClientLike.duplicate} gives: the limiter subscribes to one channel
 * on it and disconnects it when disposed.
 */
export interface RedisSubscriberLike {
  /** Subscribes to `channel` (`SUBSCRIBE`). */
  subscribe(channel: string): Promise<unknown>;
  /** Hears a message published on a subscribed channel. */
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  /** Hears a connection error (the limiter listens, so that none goes unhandled). */
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Closes the connection at once. */
  disconnect(): void;
}
