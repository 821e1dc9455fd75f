import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { runTaskGroup } from '../../src/index.js';
import { connectTasks, serveTasks } from '../../bullmq/index.js';
import { createRedisLimiter, RedisLimiterError } from '../../redis/index.js';
import { startRedisCluster, type RedisCluster } from '../redis/redisCluster.js';
import { launchNode } from '../support/nodeProcess.js';

// Both Redis entry points on a real Redis Cluster started here (three masters with a replica each:
// test/redis/redisCluster.ts), and the master that holds their keys killed mid-run (SIGKILL): a
// replica takes over within a few seconds. Calls and permits fail with a clear error or carry on;
// nothing hangs, and the limit is never exceeded.

type Tasks = typeof import('../bullmq/fixtures/tasks.mjs');

jest.setTimeout(90_000);

const ROOT = join(__dirname, '..', '..');
let cluster: RedisCluster;
let started: RedisCluster | undefined;
const children: ChildProcess[] = [];
const opened: { close(): Promise<void> }[] = [];

/** A cluster of its own for each test that kills a master. */
const startCluster = async (): Promise<void> => {
  cluster = started = await startRedisCluster();
};
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(opened.splice(0).map((one) => one.close()));
  await started?.stop();
  started = undefined;
});

describe('rxjs-asyncer/bullmq on a Redis Cluster', () => {
  it('refuses a prefix that is not a hash tag, at the call, for the caller and the worker', () => {
    const client = new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true }); // never connects
    expect(() => connectTasks('q', { connection: client })).toThrow(
      new TypeError('connectTasks(queue, options): options.prefix must be a hash tag in braces on a Redis Cluster, such as "{bull}", so that a queue\'s keys share one slot, got "bull"'),
    );
    expect(() => serveTasks('q', { add: () => 1 }, { connection: client, prefix: 'jobs' })).toThrow(
      new TypeError('serveTasks(queue, tasks, options): options.prefix must be a hash tag in braces on a Redis Cluster, such as "{bull}", so that a queue\'s keys share one slot, got "jobs"'),
    );
    expect(() => connectTasks('q', { connection: client, prefix: '{bull}' }).close()).not.toThrow();
    client.disconnect();
  });

  it('serves calls; with the master of its keys killed mid-run, every call settles (its value, or an error that says why) and calls after the failover work', async () => {
    await startCluster();
    const queue = 'clustered';
    const ports = cluster.ports.slice(0, 3).join(',');
    const worker = launchNode(join(ROOT, 'test', 'bullmq', 'fixtures', 'clusterWorker.mjs'), [ports, queue], {
      cwd: ROOT,
      env: { ...process.env, REDIS_PORT: String(cluster.ports[0]) },
      started: children,
    });
    await worker.said('serving');
    const remote = connectTasks<Tasks>(queue, { connection: cluster.client(), prefix: '{bull}', lease: 3000, redisTimeout: 15_000 });
    opened.push(remote);
    expect(await remote.call.add(1, 2)).toBe(3);
    const count = 400;
    const calls = Array.from({ length: count }, (_, i) => remote.run('add', [i, 1]));
    await Promise.all(calls.slice(0, 50));
    await cluster.kill(await cluster.masterOf('{bull}'));
    const outcomes = await Promise.allSettled(calls);
    const wrong = outcomes.filter((outcome, i) => outcome.status === 'fulfilled' && outcome.value !== i + 1);
    expect(wrong).toEqual([]);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect((outcome.reason as Error).message).toMatch(/^connectTasks\("clustered"\): /);
    }
    await cluster.healthy('{bull}');
    expect(await remote.call.add(2, 3)).toBe(5);
    console.log(`cluster failover: ${outcomes.filter((outcome) => outcome.status === 'fulfilled').length} of ${count} calls resolved, the rest failed saying why`);
  });
});

describe('rxjs-asyncer/redis on a Redis Cluster', () => {
  it('holds the limit across two limiters; with the master of its key killed mid-run, the groups settle (done, or a RedisLimiterError) and the limit is never exceeded', async () => {
    await startCluster();
    const key = 'clustered-limit';
    const concurrency = 4;
    let now = 0;
    let most = 0;
    const limiters = [0, 1].map(() => createRedisLimiter({ client: cluster.client(), key, concurrency, lease: 3000, pollInterval: 50, redisTimeout: 15_000 }));
    let started = 0;
    const killAt = 100;
    let killed: Promise<void> | undefined;
    const work = async (): Promise<void> => {
      now++;
      most = Math.max(most, now);
      if (++started === killAt) killed = cluster.masterOf(`{${key}}`).then((port) => cluster.kill(port));
      await new Promise((resolve) => setTimeout(resolve, 2));
      now--;
    };
    const groups = limiters.map((limiter) => runTaskGroup((tg) => {
      const task = tg.soonify(work, { limiter });
      for (let i = 0; i < 150; i++) task();
    }));
    const outcomes = await Promise.allSettled(groups);
    await killed;
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(RedisLimiterError);
    expect(most).toBeLessThanOrEqual(concurrency);
    expect(most).toBe(concurrency);
    await cluster.healthy(`{${key}}`);
    expect(await limiters[0]!.run(() => 'after')).toBe('after');
    await Promise.all(limiters.map((limiter) => limiter[Symbol.asyncDispose]()));
    console.log(`cluster failover: limiter groups ${outcomes.map((outcome) => outcome.status).join(', ')}; most held at once ${most}`);
  });
});
