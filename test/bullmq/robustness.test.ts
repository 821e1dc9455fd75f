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
/** what a test opened: closed after it however it ended, so that a failed test leaves no connection retrying */
const opened: { close(): Promise<void> }[] = [];
let server: RedisServer;
let probes: Redis;

beforeEach(async () => {
  server = await startRedisServer();
  probes = server.client();
});
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(opened.splice(0).map((one) => one.close()));
  await server.stop();
});
const connect = (queue: string, lease: number) => {
  const remote = connectTasks<Tasks>(queue, { connection: { ...connection(), maxRetriesPerRequest: null }, lease, redisTimeout: 2000 });
  opened.push(remote);
  return remote;
};
const lostMessage = (queue: string, task: string, lease: number): string =>
  `connectTasks(${JSON.stringify(queue)}): remote task ${task} was lost: this caller's lease was gone from Redis ` +
  `(Redis lost its data, or this process stalled past its lease of ${lease} ms), and workers drop the jobs of a caller without one. ` +
  'It may or may not have run: call it again if that is safe';

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
  it('a call in flight fails by the next lease renewal or lease check, saying why; calls made after work (it hung)', async () => {
    const queue = 'restarted';
    const worker = launch('worker.mjs', queue);
    await worker.said('serving');
    const lease = 2000;
    const remote = connect(queue, lease);
    expect(await remote.call.add(1, 1)).toBe(2);
    const inFlight = remote.call.spin('restart').then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await until(async () => Number(await probes.get('probe:restart:started')) > 0, 'the job started');
    await server.restart(); // SIGKILL, and a new empty server on the same port
    // the caller finds out at its next lease renewal (every quarter of the lease), or sooner from
    // the worker that finds the lease gone under the running job: the same error either way
    expect(await inFlight).toBe(lostMessage(queue, 'spin', lease));
    // a worker may drop this one if it comes before the caller wrote its lease anew: sent again
    expect(await remote.call.add(2, 3)).toBe(5);
  });

  it('a call made at once after the restart, before the caller could know, runs; the one in flight fails (the first failed as lost)', async () => {
    const queue = 'restarted-at-once';
    const worker = launch('worker.mjs', queue);
    await worker.said('serving');
    // a lease far longer than the test: no renewal, no worker's check; only the drop of the call
    // made after the restart tells the caller
    const lease = 600_000;
    const remote = connect(queue, lease);
    const inFlight = remote.call.spin('at-once').then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await until(async () => Number(await probes.get('probe:at-once:started')) > 0, 'the job started');
    await server.restart();
    expect(await remote.call.countRuns('at-once')).toBe(1);
    expect(await inFlight).toBe(lostMessage(queue, 'spin', lease));
  });
});

describe('a caller that stalled past its lease', () => {
  it('a call a worker dropped unstarted (its caller had no lease) is sent again under a lease written anew, and runs once', async () => {
    const queue = 'stalled';
    const worker = launch('worker.mjs', queue);
    await worker.said('serving');
    // a lease far longer than the test: only the worker's drop can bring the caller to check it
    const remote = connect(queue, 600_000);
    expect(await remote.call.add(1, 1)).toBe(2);
    const [leaseKey] = await probes.keys(`bull:${queue}:rxa:lease:*`);
    // what a stall past the lease leaves in Redis: the lease gone, the mark of the caller's data there
    await probes.del(leaseKey!);
    expect(await remote.call.countRuns('stalled')).toBe(1);
    expect(await probes.get('probe:stalled:runs')).toBe('1');
    expect(await probes.exists(leaseKey!)).toBe(1);
  });
});

describe('a worker that stalled past its job lock', () => {
  it('has its run aborted once BullMQ gave the job to another worker; the caller gets the second run\'s value, never the first\'s', async () => {
    const queue = 'lock-lost';
    const first = launch('worker.mjs', queue); // lockDuration 1000, stalledInterval 500
    await first.said('serving');
    const remote = connect(queue, 10_000);
    const call = remote.run('holdJob', ['lock']); // a promise: sent now (call.holdJob is sent when awaited)
    await until(async () => (await probes.llen('probe:lock:pids')) === 1, 'the first run started');
    const second = launch('worker.mjs', queue);
    await second.said('serving');
    first.child.kill('SIGSTOP');
    // the second worker's stalled-job check finds the lock run out and runs the job again
    await until(async () => (await probes.llen('probe:lock:pids')) === 2, 'the second run started', 30_000);
    first.child.kill('SIGCONT');
    // the first worker's next lock renewal fails: its run is aborted, saying why
    await until(async () => (await probes.llen('probe:lock:aborts')) === 1, 'the first run aborted', 30_000);
    const [firstPid, secondPid] = await probes.lrange('probe:lock:pids', 0, -1);
    expect(await probes.lrange('probe:lock:aborts', 0, -1)).toEqual([
      `${firstPid} its job's lock was lost (this worker stalled past lockDuration): BullMQ's stalled-job check gave the job to another worker`,
    ]);
    await probes.set('probe:lock:go', '1');
    expect(await call).toBe(`ran on ${secondPid}`);
  });
});
