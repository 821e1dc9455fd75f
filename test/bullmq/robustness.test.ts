import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectTasks } from '../../bullmq/index.js';
import { startRedisServer, type RedisServer } from '../redis/redisServer.js';
import { launchNode, type NodeProcess, until } from '../support/nodeProcess.js';

// Remote calls where fleets hurt: a caller that lags behind BullMQ's events stream (which BullMQ
// trims at about 10,000 entries) and a Redis restarted without persistence while a job runs. Real
// redis-server and worker processes, started here; each test has its own server, since some
// restart it.

type Tasks = typeof import('./fixtures/tasks.mjs');

jest.setTimeout(60_000);

const FIXTURES = join(__dirname, 'fixtures');
const ROOT = join(__dirname, '..', '..');
const children: ChildProcess[] = [];
let server: RedisServer;
let probes: Redis;

beforeEach(async () => {
  server = await startRedisServer();
  probes = server.client();
});
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await server.stop();
});

const connection = () => ({ host: '127.0.0.1', port: server.port });
const launch = (file: string, ...args: (string | number)[]): NodeProcess =>
  launchNode(join(FIXTURES, file), [server.port, ...args], { cwd: ROOT, env: { ...process.env, REDIS_PORT: String(server.port) }, started: children });

describe('remote calls past what BullMQ events can carry', () => {
  it('every call settles although the events stream was trimmed past what its caller had read (it hung)', async () => {
    const queue = 'trimmed';
    const count = 300;
    const caller = launch('manyCalls.mjs', queue, count);
    await caller.said('called');
    const jobs = new Queue(queue, { connection: connection() });
    await until(async () => (await jobs.getWaitingCount()) === count, `all ${count} queued`, 30_000);
    // the caller stalls (a GC pause, a busy event loop) while the fleet answers every call ...
    caller.child.kill('SIGSTOP');
    const worker = launch('worker.mjs', queue);
    await worker.said('serving');
    await until(async () => (await jobs.getWaitingCount()) + (await jobs.getActiveCount()) === 0, 'all answered', 30_000);
    // ... and BullMQ trims its events stream, as it does past about 10,000 entries
    await probes.xtrim(`bull:${queue}:events`, 'MAXLEN', 0);
    caller.child.kill('SIGCONT');
    await caller.said(`settled ${count}, right ${count}`);
    await jobs.close();
    await worker.stop();
  });
});

describe('Redis restarted without persistence', () => {
  it('a call in flight fails by its next lease renewal, saying why; calls made after work (it hung)', async () => {
    const queue = 'restarted';
    const worker = launch('worker.mjs', queue);
    await worker.said('serving');
    const lease = 2000;
    const remote = connectTasks<Tasks>(queue, { connection: { ...connection(), maxRetriesPerRequest: null }, lease });
    expect(await remote.call.add(1, 1)).toBe(2);
    const inFlight = remote.call.spin('restart').then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await until(async () => Number(await probes.get('probe:restart:started')) > 0, 'the job started');
    await server.restart(); // SIGKILL, and a new empty server on the same port
    // the caller finds out at its next lease renewal (every quarter of the lease), or sooner from
    // a worker that found its lease gone: the same error either way
    const message = await inFlight;
    expect(message).toBe(
      'connectTasks("restarted"): remote task spin was lost: this caller\'s lease was gone from Redis ' +
        `(Redis lost its data, or this process stalled past its lease of ${lease} ms), and workers drop the jobs of a caller without one. ` +
        'It may or may not have run: call it again if that is safe',
    );
    expect(await remote.call.add(2, 3)).toBe(5);
    await remote.close();
    await worker.stop();
  });
});
