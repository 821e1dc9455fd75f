/**
 * Limits shared across processes and machines, kept in Redis: `createRedisLimiter`. Needs a Redis
 * client (ioredis, an optional peer dependency) and Node.
 *
 * @module rxjs-asyncer/redis
 */
// Flat named re-exports; test/exports.test.ts pins them.
export { createRedisLimiter } from './createRedisLimiter.js';
export { RedisLimiterError } from './RedisLimiterError.js';
export type { RedisLimiterOptions } from './types/RedisLimiterOptions.js';
export type { RedisClientLike, RedisSubscriberLike } from './types/RedisClientLike.js';
