import { expectAssignable, expectError, expectType } from 'tsd';
import { Redis } from 'ioredis';
import { createTaskGroup, type Limiter, type Permit } from 'rxjs-asyncer';
import { mapConcurrent } from 'rxjs-asyncer/operators';
import { createRedisLimiter, RedisLimiterError, type RedisClientLike } from 'rxjs-asyncer/redis';

// an ioredis client is a RedisClientLike as it is
const client = new Redis();
expectAssignable<RedisClientLike>(client);

const limiter = createRedisLimiter({ client, key: 'payments', concurrency: 10, rate: { limit: 100, interval: 60_000 }, lease: 10_000 });
expectType<Limiter & AsyncDisposable & { close(): Promise<void> }>(limiter);
expectType<Promise<void>>(limiter.close());
expectType<Promise<Permit>>(limiter.acquire(undefined, { priority: 1 }));
expectType<Promise<number>>(limiter.run(async () => 1));

// it plugs in wherever a limiter does
createTaskGroup({ limiter });
mapConcurrent((n: number) => n, { limiter });

expectError(createRedisLimiter({ client, key: 'k' }));
expectError(createRedisLimiter({ client: {}, key: 'k', concurrency: 1 }));
expectError(createRedisLimiter({ client, key: 'k', concurrency: 1, lease: '1s' }));

const error = new RedisLimiterError('down', 'k');
expectType<string>(error.key);
