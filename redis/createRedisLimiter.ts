import type { Limiter } from '../src/index.js';
import { checkRedisLimiterOptions } from './internal/checks.js';
import { RedisLimiter } from './internal/RedisLimiter.js';
import type { RedisLimiterOptions } from './types/RedisLimiterOptions.js';

/**
 * Creates a {@link Limiter} whose limit holds across every process and machine that uses the same
 * Redis `key`: at most `concurrency` permits at once, and with `rate`, at most `rate.limit`
 * grants in any window of `rate.interval` ms. It plugs in wherever a limiter does (`soonify`,
 * task groups, scopes, `gather`, `mapConcurrent`, `limiter.run`), so a cancelled task leaves the
 * Redis queue at once and a finished one frees its permit at once.
 *
 * - Every decision is one Lua script, atomic in Redis, on Redis's clock.
 * - Waiters are served in order, higher `priority` first, then first come first served, across
 *   processes. A waiter is told of its grant by pub/sub: no polling per waiter.
 * - A permit is a lease of `lease`, renewed while its process lives; a crashed process's permits
 *   come back when their leases run out. Releases carry a fencing token: a late release of an
 *   expired lease frees nothing.
 * - If Redis does not answer within `redisTimeout`, calls fail with a {@link RedisLimiterError}; they
 *   never hang. If Redis lost its data (a restart without persistence), each process registers
 *   the permits it still holds again at its next heartbeat, so new grants count them.
 *
 * `running` and `pending` count this process's permits and waiters. Close it
 * (`await limiter.close()`, or `await using`) to stop: waiters fail, held permits
 * are renewed until released, then its connection closes. Your `client` stays open.
 *
 * ## Example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { runTaskGroup } from 'rxjs-asyncer';
 * import { createRedisLimiter } from 'rxjs-asyncer/redis';
 *
 * // in every replica: at most 10 calls to the payment API at once, cluster-wide
 * await using payments = createRedisLimiter({ client: new Redis(), key: 'payments-api', concurrency: 10 });
 * await runTaskGroup((tg) => orders.map((order) => tg.soonify(charge, { limiter: payments })(order)));
 * ```
 *
 * @param options `client`, `key`, `concurrency`, and `rate`, `lease`, `pollInterval`, `redisTimeout`, `name`.
 * @returns the limiter, with `close()` (also `Symbol.asyncDispose`).
 * @throws {TypeError} when an option has the wrong type (`client` without `evalsha`, `eval` and
 * `duplicate`, `key` not a non-empty string, ...).
 * @throws {RangeError} when a number is out of range (`concurrency` < 1, `lease` <= 0, ...).
 */
export function createRedisLimiter(options: RedisLimiterOptions): Limiter &
  AsyncDisposable & {
    /** Stops the limiter: waiters fail, held permits are renewed until released, then its connection closes (also `Symbol.asyncDispose`). */
    close(): Promise<void>;
  } {
  return new RedisLimiter(checkRedisLimiterOptions(options));
}
