import { assertConcurrency, assertDuration, assertNonEmptyString, assertObject, assertOptionalString, checkRate, mustBe, optionKeys, readOptions } from '../../src/engine/index.js';
import type { RedisLimiterOptions } from '../types/RedisLimiterOptions.js';
import type { RedisLimiterSettings } from './RedisLimiter.js';

// The argument checks of rxjs-asyncer/redis, built from the engine's (one message format).

const OPTIONS = optionKeys<RedisLimiterOptions>()(['client', 'key', 'concurrency', 'rate', 'lease', 'pollInterval', 'redisTimeout', 'name']);

/**
 * `createRedisLimiter(options)`, checked at the call, with the defaults applied.
 * @internal
 */
export function checkRedisLimiterOptions(options: unknown): RedisLimiterSettings {
  const caller = 'createRedisLimiter(options)';
  assertObject(options, `${caller}: options`, '{ client, key, concurrency }');
  const read = readOptions(options, OPTIONS, `${caller}: options`);
  const client = read.client as RedisLimiterOptions['client'];
  for (const method of ['evalsha', 'eval', 'duplicate'] as const) {
    if (typeof client !== 'object' || client === null || typeof client[method] !== 'function') {
      mustBe(`${caller}: options.client`, `a Redis client (ioredis) with ${method}()`, client);
    }
  }
  const { key, concurrency, lease = 30_000, redisTimeout = 5_000 } = read;
  assertNonEmptyString(key, `${caller}: options.key`);
  assertConcurrency(concurrency, `${caller}: options.concurrency`);
  const rate = checkRate(read.rate, `${caller}: options.rate`);
  assertDuration(lease, `${caller}: options.lease`, 'period');
  assertDuration(redisTimeout, `${caller}: options.redisTimeout`, 'period');
  const { pollInterval = Math.min(1000, lease / 3), name = key } = read;
  assertDuration(pollInterval, `${caller}: options.pollInterval`, 'period');
  assertOptionalString(name, `${caller}: options.name`);
  return { client, key, concurrency, rate, lease, pollInterval, redisTimeout, name: name as string };
}
