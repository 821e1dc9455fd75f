import { AsyncLocalStorage } from 'node:async_hooks';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { lastValueFrom, of, Subject, takeUntil, toArray } from 'rxjs';
import { createLimiter, runTaskGroup } from '../../src/index.js';
import { firstWins, mapConcurrent } from '../../operators/index.js';
import { connectTasks, serveTasks } from '../../bullmq/index.js';
import { startRedisServer, type RedisServer } from '../redis/redisServer.js';
import { launchNode, type NodeProcess, until } from '../support/nodeProcess.js';

// Remote tasks on real BullMQ and a real redis-server: workers and callers are separate Node
// processes (test/bullmq/fixtures, on the built package: npm test builds before jest), killed
// with real signals. The caller under test runs in this process.

type Tasks = typeof import('./fixtures/tasks.mjs');

// real processes on a loaded 2-core machine: generous per-test bounds (each only turns a hang
// into a failure; the guarantees are asserted with their own figures)
jest.setTimeout(30_000);

const FIXTURES = join(__dirname, 'fixtures');
const ROOT = join(__dirname, '..', '..');

let server: RedisServer;
let probes: Redis;
const children: ChildProcess[] = [];
let queueCount = 0;

beforeAll(async () => {
  server = await startRedisServer();
  probes = server.client();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await server.stop();
});

const connection = () => ({ host: '127.0.0.1', port: server.port });
const freshQueue = () => `q${++queueCount}`;

const launch = (file: string, ...args: (string | number)[]): NodeProcess =>
  launchNode(join(FIXTURES, file), [server.port, ...args], { cwd: ROOT, env: { ...process.env, REDIS_PORT: String(server.port) }, started: children });
const started = (id: string) => async () => Number(await probes.get(`probe:${id}:started`)) > 0;
const aborted = (id: string) => async () => (await probes.get(`probe:${id}:aborted`)) !== null;

describe('rxjs-asyncer/bullmq with real processes', () => {
  let queue: string;
  let worker: NodeProcess;
  let remote: ReturnType<typeof connectTasks<Tasks>>;

  beforeAll(async () => {
    queue = freshQueue();
    worker = launch('worker.mjs', queue);
    await worker.said('serving');
    remote = connectTasks<Tasks>(queue, { connection: connection(), lease: 1500 });
  });
  afterAll(async () => {
    await remote.close();
    await worker.stop();
  });

  it('brings values back, and errors with their name, message, cause and remote stack', async () => {
    expect(await remote.call.add(2, 3)).toBe(5);
    expect(await remote.run('add', [40, 2])).toBe(42);
    const error = (await remote.call.fail('no such image').then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, (error.cause as Error).message]).toEqual(['RangeError', 'no such image', 'the deeper reason']);
    expect(error.stack).toContain('tasks.mjs'); // the worker's frames, as text
    expect(await remote.call.optional('x')).toEqual({ a: 'x', b: 'default', hasContext: true });
  });

  it('takes an ioredis client as its connection, as BullMQ does', async () => {
    const client = server.client({ maxRetriesPerRequest: null });
    const viaClient = connectTasks<Tasks>(queue, { connection: client });
    expect(await viaClient.call.add(20, 22)).toBe(42);
    await viaClient.close();
    expect(await client.ping()).toBe('PONG'); // the caller's client is the user's: close leaves it open
  });

  it('refuses an argument JSON cannot carry, at once, by name; a result that is not JSON fails clearly', async () => {
    expect(() => remote.call.add(1, (() => 2) as never)).toThrow(
      new TypeError('remote.call.add(...args): args[1] cannot be sent as JSON: [Function (anonymous)] (JSON cannot carry a function)'),
    );
    expect(() => remote.run('add', [1, { when: new Date(0) }] as never)).toThrow("remote.run('add', args): args[1].when cannot be sent as JSON");
    expect(() => remote.call.add(NaN, 1)).toThrow('args[0] cannot be sent as JSON: NaN (JSON turns it into null)');
    await expect(remote.call.badResult()).rejects.toThrow('task badResult: result[0] cannot be sent as JSON');
  });

  it('progress reaches run\'s onProgress, and the events$ of the group whose task made the call', async () => {
    const seen: unknown[] = [];
    // onProgress is told in the caller's async context
    const store = new AsyncLocalStorage<string>();
    const run = store.run('the caller', () => remote.run('progress', [], { onProgress: (value) => seen.push([value, store.getStore()]) }));
    expect(await run).toBe(1);
    await until(async () => seen.length === 2, 'both progress events');
    expect(seen).toEqual([[0.5, 'the caller'], [{ step: 'done' }, 'the caller']]);

    const events: string[] = [];
    await runTaskGroup((tg) => {
      tg.events$.subscribe((e) => events.push(e.type === 'progress' ? `progress ${JSON.stringify(e.value)}` : e.type));
      tg.startSoon(remote.call.progress);
    });
    // QueueEvents delivers progress and completion in the order the worker sent them
    expect(events).toEqual(['added', 'started', 'progress 0.5', 'progress {"step":"done"}', 'fulfilled']);
  });

  it('a remote call run as a group\'s task is named after its task, in events$ and in the timeout\'s message', async () => {
    const names: string[] = [];
    const error = await runTaskGroup((tg) => {
      tg.events$.subscribe((e) => names.push(`${e.type} ${e.name}`));
      tg.startSoon(remote.call.add, 1, 2);
      tg.startSoon(remote.call.spin, 'named');
    }, { timeout: 1000 }).catch((e: unknown) => e as Error);
    expect(names.slice(0, 2)).toEqual(['added add', 'added spin']);
    expect(names).toContain('started spin');
    expect(String(error)).toMatch(/still running: .*task 'spin'/);
    await until(aborted('named'), 'the timed-out spin was aborted');
  });

  it('echoes: a remote handler that ends its cancel with its own error never reaches the outcome', async () => {
    const boom = new Error('sibling failed');
    await expect(
      runTaskGroup((tg) => {
        tg.startSoon(remote.call.spinThenThrow, 'echo-group');
        tg.startSoon(async () => {
          await until(started('echo-group'), 'echo spin started');
          throw boom;
        });
      }),
    ).rejects.toBe(boom);
    const limiter = createLimiter(1);
    const controller = new AbortController();
    const run = limiter.run((signal) => remote.run('spinThenThrow', ['echo-run'], { signal }), controller.signal);
    await until(started('echo-run'), 'echo run started');
    controller.abort('stop');
    await expect(run).rejects.toBe('stop');
    expect([limiter.running, limiter.pending]).toEqual([0, 0]);
  });

  it('unsubscribing a running call aborts ctx.signal on the worker within 1 s, and it never runs again', async () => {
    const subscription = remote.call.spin('unsub').subscribe({ error: () => undefined });
    await until(started('unsub'), 'spin started');
    subscription.unsubscribe();
    const took = await until(aborted('unsub'), 'spin aborted');
    expect(took).toBeLessThan(1000);
    expect(await probes.get('probe:unsub:aborted')).toBe('cancelled by its caller');
    // never retried: wait past a stalled check and a lock (1 s) and count the starts again
    await remote.call.add(0, 0);
    expect(await probes.get('probe:unsub:started')).toBe('1');
  });

  it('a group\'s first failure and timeout, firstWins\' losers and an unsubscribed mapConcurrent all reach the remote handler', async () => {
    await expect(
      runTaskGroup((tg) => {
        tg.startSoon(remote.call.spin, 'group');
        tg.startSoon(async () => {
          await until(started('group'), 'group spin started');
          throw new Error('sibling failed');
        });
      }),
    ).rejects.toThrow('sibling failed');
    await until(aborted('group'), 'the group cancelled its remote task');

    await expect(runTaskGroup((tg) => void tg.startSoon(remote.call.spin, 'timeout'), { timeout: 300 })).rejects.toThrow();
    // it was aborted, or (on a slow machine) removed from the queue before it could start
    await until(async () => (await aborted('timeout')()) || !(await started('timeout')()), 'the group timeout cancelled its remote task');

    expect(await lastValueFrom(firstWins([() => remote.call.add(1, 1), () => remote.call.spin('race')]))).toBe(2);
    // the loser may not have started before it lost: then it is removed or skipped, never run
    await until(async () => (await aborted('race')()) || !(await started('race')()), 'the loser stopped');

    const stop = new Subject<void>();
    const piped = lastValueFrom(of('map1', 'map2').pipe(mapConcurrent((id) => remote.call.spin(id), 2), takeUntil(stop), toArray()));
    await until(async () => (await started('map1')()) && (await started('map2')()), 'both mapped spins started');
    stop.next();
    await piped;
    await until(async () => (await aborted('map1')()) && (await aborted('map2')()), 'both mapped spins aborted');
  });

  it('a call aborted while queued is removed and never starts', async () => {
    const idle = freshQueue(); // no worker serves it yet
    const caller = connectTasks<Tasks>(idle, { connection: connection() });
    const controller = new AbortController();
    const call = caller.run('spin', ['queued'], { signal: controller.signal });
    const jobs = new Queue(idle, { connection: connection() });
    await until(async () => (await jobs.getWaitingCount()) === 1, 'the job is queued');
    controller.abort(new Error('not needed any more'));
    await expect(call).rejects.toThrow('not needed any more');
    await until(async () => (await jobs.getWaitingCount()) === 0, 'the job is removed');
    const late = launch('worker.mjs', idle);
    await late.said('serving');
    expect(await caller.call.add(1, 2)).toBe(3); // the worker runs: what was removed never started
    expect(await started('queued')()).toBe(false);
    await late.stop();
    await jobs.close();
    await caller.close();
  });

  it('a caller killed with SIGKILL: its running jobs are aborted within lease, its queued ones never start', async () => {
    const lease = 1500;
    const dying = launch('caller.mjs', queue, 'orphan', lease);
    await until(started('orphan'), 'the orphan runs');
    dying.child.kill('SIGKILL');
    const took = await until(aborted('orphan'), 'the orphan aborted');
    expect(took).toBeLessThan(lease);
    expect(await probes.get('probe:orphan:aborted')).toBe('its caller is gone (its lease expired)');

    const idle = freshQueue();
    const gone = launch('caller.mjs', idle, 'never', lease);
    const jobs = new Queue(idle, { connection: connection() });
    await until(async () => (await jobs.getWaitingCount()) === 2, 'its two jobs are queued');
    gone.child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, lease)); // let the lease run out
    const late = launch('worker.mjs', idle);
    await late.said('serving');
    await until(async () => (await jobs.getWaitingCount()) + (await jobs.getActiveCount()) === 0, 'the job is taken and dropped');
    expect([await started('never')(), await started('never-second')()]).toEqual([false, false]);
    await late.stop();
    await jobs.close();
  });

  it('a worker killed with SIGKILL mid-task: the job runs again on another worker and the caller gets the value', async () => {
    const shared = freshQueue();
    const workers = [launch('worker.mjs', shared), launch('worker.mjs', shared)];
    await Promise.all(workers.map((w) => w.said('serving')));
    const caller = connectTasks<Tasks>(shared, { connection: connection() });
    const value = caller.call.crashy('crash');
    const settled = value.then((v) => v);
    await until(async () => (await probes.get('probe:crash:first')) !== null, 'the first attempt runs');
    const pid = Number(await probes.get('probe:crash:first'));
    const victim = workers.find((w) => w.child.pid === pid)!;
    victim.child.kill('SIGKILL');
    expect(await settled).toBe('recovered on attempt 2');
    await caller.close();
    for (const w of workers) await w.stop();
  }, 30_000);
});

describe('rxjs-asyncer/bullmq: one listener, and Redis unreachable', () => {
  it('10,000 calls in flight print no warning, and close cancels them all', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    const idle = freshQueue();
    const caller = connectTasks<Tasks>(idle, { connection: connection() });
    const calls = Array.from({ length: 10_000 }, (_, i) => caller.call.add(i, 1).then(() => 'done', (e: Error) => e.name));
    const jobs = new Queue(idle, { connection: connection() });
    await until(async () => (await jobs.getWaitingCount()) === 10_000, 'all 10,000 queued', 30_000);
    await caller.close();
    expect(new Set(await Promise.all(calls))).toEqual(new Set(['AbortError']));
    await until(async () => (await jobs.getWaitingCount()) === 0, 'all removed', 30_000);
    await jobs.close();
    process.off('warning', onWarning);
    expect(warnings).toEqual([]);
  }, 60_000);

  it('a call fails within redisTimeout naming the connection; close never hangs; nothing unhandled', async () => {
    const down = await startRedisServer();
    const port = down.port;
    await down.stop(); // nothing listens there now
    // disconnectTimeout: ioredis waits that long (2 s by default) for a socket still connecting
    // to close after disconnect(); the test would otherwise end with ioredis's timer armed
    const caller = connectTasks<Tasks>('nowhere', { connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null, disconnectTimeout: 10 }, redisTimeout: 300 });
    const error = (await caller.call.add(1, 2).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toBe(`connectTasks("nowhere"): could not send add: Redis at 127.0.0.1:${port} did not answer within 300 ms`);
    await caller.close();
  });

  it('a job BullMQ fails outside the task (here a consumer of the queue that is not serveTasks) rejects its call with an error naming the caller', async () => {
    const name = freshQueue();
    const stranger = new Worker(name, async () => {
      throw new Error('no handler for this job');
    }, { connection: connection() });
    const caller = connectTasks<{ add(a: number, b: number): number }>(name, { connection: connection() });
    try {
      await expect(caller.call.add(1, 2)).rejects.toThrow(new Error(`connectTasks("${name}"): remote task add failed in BullMQ: no handler for this job`));
    } finally {
      await caller.close();
      await stranger.close();
    }
  });

  it('closeTimeout: Infinity lets a running job finish however long close() waits (it was aborted 1 ms after close)', async () => {
    const name = freshQueue();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let startedJob!: () => void;
    const jobStarted = new Promise<void>((resolve) => (startedJob = resolve));
    const server = await serveTasks(name, {
      hold: async (ctx: { signal: AbortSignal }) => {
        startedJob();
        await gate;
        return ctx.signal.aborted ? 'aborted' : 'finished';
      },
    }, { connection: connection(), closeTimeout: Infinity });
    const caller = connectTasks<{ hold(): Promise<string> }>(name, { connection: connection() });
    const result = caller.call.hold().then((value) => value);
    await jobStarted;
    const closed = server.close();
    // 100 ms: a hundred times the overflowed timer's 1 ms; the job must still run unaborted
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await closed;
    expect(await result).toBe('finished');
    await caller.close();
  });

  it('refuses bad input at once', async () => {
    expect(() => connectTasks('' as never, { connection: connection() })).toThrow(new TypeError('connectTasks(queue, options): queue must be a non-empty string, got ""'));
    expect(() => connectTasks('q', { connection: connection(), lease: 0 })).toThrow(new RangeError('connectTasks(queue, options): options.lease must be a number of milliseconds > 0 (at most 2147483647), got 0'));
    expect(() => connectTasks('q', { connection: 'redis://x' as never })).toThrow('options.connection must be ioredis options or an ioredis client, got "redis://x"');
    expect(() => connectTasks('q', { connection: connection(), redisTimeout: '1' as never })).toThrow(TypeError);
    expect(() => serveTasks(5 as never, { add: () => 1 }, { connection: connection() })).toThrow('serveTasks(queue, tasks, options): queue must be a non-empty string, got 5');
    expect(() => serveTasks('q', { add: () => 1, size: 3 }, { connection: connection() })).toThrow('serveTasks(queue, tasks, options): tasks.size must be a function, got 3');
    for (const closeTimeout of [2 ** 31, NaN, -1]) {
      expect(() => serveTasks('q', { add: () => 1 }, { connection: connection(), closeTimeout })).toThrow(
        new RangeError(`serveTasks(queue, tasks, options): options.closeTimeout must be a number of milliseconds from 0 to 2147483647, or Infinity, got ${closeTimeout}`),
      );
    }
    const checked = connectTasks<Tasks>('q', { connection: connection(), tasks: ['add'] });
    expect(() => (checked.run as (name: string, args: unknown[]) => unknown)('spin', ['x'])).toThrow(new TypeError('remote.run(\'spin\', args): there is no task "spin"; the tasks are add'));
    expect(() => checked.run('add', 'x' as never)).toThrow('remote.run(name, args, options): args must be an array of the function\'s arguments, got "x"');
    expect(() => checked.run('add', [1, 2], { signal: 'x' as never })).toThrow('options.signal must be an AbortSignal');
    await checked.close();
  });
});
