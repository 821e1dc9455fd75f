import { AsyncLocalStorage } from 'node:async_hooks';
import type { Redis } from 'ioredis';
import { lastValueFrom } from 'rxjs';
import { createTaskGroup, runTaskGroup, type Limiter } from '../../src/index.js';
import { gather } from '../../operators/index.js';
import { createRedisLimiter, RedisLimiterError } from '../../redis/index.js';
import { deferred } from '../support/deferred.js';
import { startRedisServer, type RedisServer } from './redisServer.js';
import { until } from '../support/nodeProcess.js';

// createRedisLimiter against a real redis-server started for this file. Several limiters on one
// key, each with its own client (own connections), stand for several processes here; the
// child-process tests are in crossProcess.test.ts.

let server: RedisServer;
let admin: Redis;
let keyCount = 0;
const limiters: (Limiter & AsyncDisposable)[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  admin = server.client();
});
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  for (const limiter of limiters.splice(0)) await limiter[Symbol.asyncDispose]();
});

/** A new limiter on `key` with a client of its own, disposed after the test. */
const limiterOn = (key: string, options: Partial<Parameters<typeof createRedisLimiter>[0]> = {}): Limiter & AsyncDisposable => {
  const limiter = createRedisLimiter({ client: server.client(), key, concurrency: 1, lease: 3000, pollInterval: 50, redisTimeout: 1000, ...options });
  limiters.push(limiter);
  return limiter;
};
const freshKey = (): string => `test-${++keyCount}`;

describe('createRedisLimiter', () => {
  it('a task holding a permit that asks the same limiter again (run, acquire, a gather) runs on its permit: no deadlock', async () => {
    const key = freshKey();
    const limiter = limiterOn(key, { concurrency: 1 });
    const values = await runTaskGroup(
      (tg) =>
        [1, 2].map((x) =>
          tg.startSoon(() => {
            const again = limiter.run(async () => x * 10); // asked synchronously, from the task
            const permit = limiter.acquire();
            const nested = lastValueFrom(gather([() => x], { limiter }));
            return Promise.all([again, permit.then((p) => (p.release(), 'permit')), nested]);
          }),
        ),
      { limiter },
    );
    expect(values).toEqual([
      [10, 'permit', [1]],
      [20, 'permit', [2]],
    ]);
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
    // one permit per task, each given back once (releases go to Redis in the next batch)
    await until(async () => (await admin.zcard(`{${key}}:holders`)) === 0, 'every permit released in Redis');
  });

  it('holds the bound across limiters on one key, and serves waiters first come first served across them', async () => {
    const key = freshKey();
    const [a, b, c] = [limiterOn(key, { concurrency: 2 }), limiterOn(key, { concurrency: 2 }), limiterOn(key, { concurrency: 2 })];
    const first = await a.acquire();
    const second = await b.acquire();
    expect(await admin.zcard(`{${key}}:holders`)).toBe(2);
    const order: string[] = [];
    const waiting = [
      c.acquire().then((p) => (order.push('c1'), p)),
    ];
    await until(async () => (await admin.zcard(`{${key}}:queue`)) === 1, 'c1 queued');
    waiting.push(a.acquire().then((p) => (order.push('a2'), p)));
    await until(async () => (await admin.zcard(`{${key}}:queue`)) === 2, 'a2 queued');
    waiting.push(b.acquire().then((p) => (order.push('b2'), p)));
    await until(async () => (await admin.zcard(`{${key}}:queue`)) === 3, 'b2 queued');
    expect([a.running + b.running + c.running, a.pending + b.pending + c.pending]).toEqual([2, 3]);
    first.release();
    const c1 = await waiting[0]!;
    second.release();
    const a2 = await waiting[1]!;
    c1.release();
    const b2 = await waiting[2]!;
    expect(order).toEqual(['c1', 'a2', 'b2']);
    a2.release();
    b2.release();
    await until(async () => (await admin.zcard(`{${key}}:holders`)) === 0, 'all released');
  });

  it('serves a higher priority first across limiters, first come first served within one', async () => {
    const key = freshKey();
    const [a, b] = [limiterOn(key), limiterOn(key)];
    const held = await a.acquire();
    const order: string[] = [];
    const calls: Promise<void>[] = [];
    for (const [limiter, priority, name] of [[a, 0, 'a0'], [b, 5, 'b5'], [a, 1, 'a1'], [a, 5, 'a5']] as const) {
      const count = await admin.zcard(`{${key}}:queue`);
      calls.push(
        limiter.acquire(undefined, { priority }).then((permit) => {
          order.push(name);
          permit.release();
        }),
      );
      await until(async () => (await admin.zcard(`{${key}}:queue`)) === count + 1, `${name} queued`);
    }
    held.release();
    await Promise.all(calls);
    expect(order).toEqual(['b5', 'a5', 'a1', 'a0']);
  });

  it('an abort while waiting rejects with the reason and takes the waiter out of the Redis queue at once', async () => {
    const key = freshKey();
    const limiter = limiterOn(key);
    const held = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    await until(async () => (await admin.zcard(`{${key}}:queue`)) === 1, 'queued');
    controller.abort(new Error('user left'));
    await expect(waiting).rejects.toThrow('user left');
    expect(limiter.pending).toBe(0);
    await until(async () => (await admin.zcard(`{${key}}:queue`)) === 0, 'withdrawn from Redis');
    held.release();
    await until(async () => (await admin.zcard(`{${key}}:holders`)) === 0, 'released');
  });

  it('a cancelled task group withdraws its waiting tasks from Redis; its running ones release', async () => {
    const key = freshKey();
    const limiter = limiterOn(key, { concurrency: 2 });
    const gate = deferred();
    const started: number[] = [];
    const group = createTaskGroup({ limiter });
    for (let i = 0; i < 5; i++) {
      group.soonify(async () => {
        started.push(i);
        await gate.promise;
      })();
    }
    await until(async () => started.length === 2 && (await admin.zcard(`{${key}}:queue`)) === 3, 'two running, three waiting in Redis');
    group.cancel();
    gate.resolve();
    await group.join();
    expect(started).toEqual([0, 1]);
    await until(async () => (await admin.zcard(`{${key}}:queue`)) + (await admin.zcard(`{${key}}:holders`)) === 0, 'nothing left in Redis');
  });

  it('runs groups, gather and limiter.run under the shared bound', async () => {
    const key = freshKey();
    const [a, b] = [limiterOn(key, { concurrency: 3 }), limiterOn(key, { concurrency: 3 })];
    let running = 0;
    let most = 0;
    const task = async (i: number): Promise<number> => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return i;
    };
    const results = await Promise.all([
      runTaskGroup((tg) => [0, 1, 2, 3, 4, 5].map((i) => tg.soonify(task, { limiter: a })(i))),
      lastValueFrom(gather([6, 7, 8, 9].map((i) => () => task(i)), { limiter: b })),
      b.run(() => task(10)),
    ]);
    expect(results).toEqual([[0, 1, 2, 3, 4, 5], [6, 7, 8, 9], 10]);
    expect(most).toBe(3);
    await until(async () => (await admin.zcard(`{${key}}:holders`)) === 0, 'released');
  });

  it("a task waiting for a Redis grant runs in the async context of its own group, not the releaser's", async () => {
    const key = freshKey();
    const [a, b] = [limiterOn(key), limiterOn(key)];
    const store = new AsyncLocalStorage<{ id: number }>();
    const readId = async (): Promise<[number | undefined, number | undefined]> => {
      const before = store.getStore()?.id;
      await new Promise((resolve) => setImmediate(resolve));
      return [before, store.getStore()?.id];
    };
    const seen = await Promise.all(
      [a, b, a].map((limiter, id) => store.run({ id }, () => runTaskGroup((tg) => [tg.soonify(readId, { limiter })(), tg.soonify(readId, { limiter })()]))),
    );
    expect(seen).toEqual([0, 1, 2].map((id) => [[id, id], [id, id]]));
  });

  it('a release of an expired lease frees nothing: the fencing token no longer matches', async () => {
    const key = freshKey();
    const [a, b] = [limiterOn(key), limiterOn(key)];
    const stale = await a.acquire();
    // the lease runs out (as if process a stalled past lease): end it in Redis now
    const [id] = await admin.zrange(`{${key}}:holders`, 0, 0);
    await admin.zadd(`{${key}}:holders`, 0, id!);
    const fresh = await b.acquire(); // the next script purges the expired lease; b gets the slot
    stale.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const c = limiterOn(key);
    const controller = new AbortController();
    const third = c.acquire(controller.signal);
    await until(async () => (await admin.zcard(`{${key}}:queue`)) === 1, 'c waits: b still holds the only slot');
    expect(await admin.zcard(`{${key}}:holders`)).toBe(1);
    controller.abort();
    await expect(third).rejects.toBeDefined();
    fresh.release();
  });

  it('fails with a clear error within redisTimeout when Redis is unreachable, and recovers after a restart without exceeding the bound', async () => {
    const local = await startRedisServer();
    try {
      const key = freshKey();
      const options = { key, concurrency: 2, lease: 900, pollInterval: 50, redisTimeout: 300 };
      const a = createRedisLimiter({ client: local.client({ maxRetriesPerRequest: null }), ...options });
      const b = createRedisLimiter({ client: local.client({ maxRetriesPerRequest: null }), ...options });
      const held = await a.acquire();
      await local.kill();
      const error = await a.acquire().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisLimiterError);
      expect((error as Error).message).toMatch(new RegExp(`^Redis limiter "${key}" \\(key "${key}"\\) could not .*: Redis did not answer within 300 ms$`));
      expect(a.pending).toBe(0);
      await local.start(); // a new server: no data
      const check = local.client();
      // a's heartbeat finds a new epoch and registers the permit it still holds again
      await until(async () => (await check.zcard(`{${key}}:holders`).catch(() => 0)) === 1, 'the held permit registered again');
      const second = await b.acquire();
      const controller = new AbortController();
      const third = b.acquire(controller.signal);
      await until(async () => (await check.zcard(`{${key}}:queue`)) === 1, 'the third waits: the bound counts the permit held across the restart');
      held.release();
      const permit = await third;
      permit.release();
      second.release();
      await a[Symbol.asyncDispose]();
      await b[Symbol.asyncDispose]();
    } finally {
      await local.stop();
    }
  });

  it('dispose fails the waiters, waits for held permits, and leaves the client open', async () => {
    const key = freshKey();
    const client = server.client();
    const limiter = createRedisLimiter({ client, key, concurrency: 1 });
    const held = await limiter.acquire();
    const waiting = limiter.acquire();
    await until(async () => (await admin.zcard(`{${key}}:queue`)) === 1, 'queued');
    let disposed = false;
    const disposing = limiter[Symbol.asyncDispose]().then(() => (disposed = true));
    await expect(waiting).rejects.toThrow(RedisLimiterError);
    await expect(limiter.acquire()).rejects.toThrow(`Redis limiter "${key}" (key "${key}") was disposed`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(disposed).toBe(false);
    held.release();
    await disposing;
    expect(await client.ping()).toBe('PONG');
    await until(async () => (await admin.zcard(`{${key}}:queue`)) + (await admin.zcard(`{${key}}:holders`)) === 0, 'nothing left in Redis');
  });

  it('limits the rate across limiters on Redis\'s clock', async () => {
    const key = freshKey();
    const [a, b] = [limiterOn(key, { concurrency: Infinity, rate: { limit: 3, interval: 200 } }), limiterOn(key, { concurrency: Infinity, rate: { limit: 3, interval: 200 } })];
    const times: number[] = [];
    const stamp = async (limiter: Limiter): Promise<void> => {
      const permit = await limiter.acquire();
      const [seconds, micros] = await admin.time();
      times.push(Number(seconds) * 1000 + Number(micros) / 1000);
      permit.release();
    };
    await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((i) => stamp(i % 2 ? a : b)));
    times.sort((x, y) => x - y);
    // the grant happens before the stamp, so stamps may drift later: a window of 200 ms of grants
    // holds at most 3; the 4th grant is at least 200 ms after the 1st
    expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(200 - 5);
    expect(times[6]! - times[3]!).toBeGreaterThanOrEqual(200 - 5);
  });

  it.each([
    [undefined, TypeError, 'createRedisLimiter(options): options must be an object { client, key, concurrency }, got undefined'],
    [{ key: 'k', concurrency: 1 }, TypeError, 'createRedisLimiter(options): options.client must be a Redis client (ioredis) with evalsha(), got undefined'],
    [{ client: 'redis', key: 'k', concurrency: 1 }, TypeError, 'options.client must be a Redis client (ioredis) with evalsha(), got "redis"'],
    [{ key: '', concurrency: 1 }, TypeError, 'createRedisLimiter(options): options.key must be a non-empty string, got ""'],
    [{ key: 'k', concurrency: 0 }, RangeError, 'createRedisLimiter(options): options.concurrency must be an integer >= 1 or Infinity, got 0'],
    [{ key: 'k', concurrency: 1, lease: 0 }, RangeError, 'createRedisLimiter(options): options.lease must be a number of milliseconds > 0 (at most 2147483647), got 0'],
    [{ key: 'k', concurrency: 1, lease: '5' }, TypeError, 'options.lease must be a number of milliseconds > 0 (at most 2147483647), got "5"'],
    [{ key: 'k', concurrency: 1, pollInterval: -1 }, RangeError, 'options.pollInterval must be a number of milliseconds > 0'],
    [{ key: 'k', concurrency: 1, redisTimeout: NaN }, RangeError, 'options.redisTimeout must be a number of milliseconds > 0'],
    [{ key: 'k', concurrency: 1, rate: { limit: 0, interval: 1 } }, RangeError, 'createRedisLimiter(options): options.rate.limit must be an integer >= 1, got 0'],
    [{ key: 'k', concurrency: 1, name: 5 }, TypeError, 'createRedisLimiter(options): options.name must be a string, got 5'],
  ])('refuses bad options %#', (options, type, message) => {
    const withClient = options && !('client' in options) && 'key' in options && options.key === 'k' && !message.includes('options.client') ? { client: admin, ...options } : options;
    const call = () => createRedisLimiter((message.includes('options.key must') ? { client: admin, ...options } : withClient) as never);
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });

  it('refuses bad call arguments at once', () => {
    const limiter = limiterOn(freshKey());
    expect(() => limiter.acquire('x' as never)).toThrow(new TypeError('limiter.acquire(signal): signal must be an AbortSignal, got "x"'));
    expect(() => limiter.run('x' as never)).toThrow(new TypeError('limiter.run(fn): fn must be a function, got "x"'));
    expect(() => limiter.acquire(undefined, { priority: Infinity })).toThrow(RangeError);
    expect(() => (limiter.concurrency = 0)).toThrow(RangeError);
  });
});
