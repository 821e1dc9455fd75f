import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { firstValueFrom, map } from 'rxjs';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createLimiter, runTaskGroup } from '../../src/index.js';
import { mapConcurrent } from '../../operators/index.js';
import { createWorkerPool, type WorkerPool } from '../../workers/index.js';
import { from, lastValueFrom, toArray } from 'rxjs';
import { expectTypeErrorAtOnce } from '../support/hostile.js';

// Real worker_threads running a built worker module (fixtures/math.worker.mjs imports the built
// package). npm test builds before jest.

type MathWorker = typeof import('./fixtures/math.worker.mjs');
const workerUrl = pathToFileURL(join(__dirname, 'fixtures', 'math.worker.mjs'));

/** Resolves once `flags[index]` was marked by a worker (it started spinning): checked on every turn
 * of the event loop, so it waits for the event itself, not for a guessed delay. */
async function started(flags: Int32Array, index: number): Promise<void> {
  while (Atomics.load(flags, index) === 0) await new Promise((resolve) => setImmediate(resolve));
}

describe('createWorkerPool', () => {
  let pool: WorkerPool<MathWorker>;
  afterEach(async () => pool?.close());

  it('runs worker functions, typed, through call and run', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 2 });
    await expect(pool.call.add(2, 3)).resolves.toBe(5);
    await expect(pool.run('double', [21])).resolves.toBe(42);
    await expect(firstValueFrom(pool.call.double(4))).resolves.toBe(8);
  });

  it('transfers what it is told to: the buffer belongs to the worker afterwards', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    const buffer = new ArrayBuffer(1024);
    await expect(pool.run('byteLength', [buffer], { transfer: [buffer] })).resolves.toBe(1024);
    expect(buffer.byteLength).toBe(0); // detached: it was moved, not copied
  });

  it('a worker call is a task like any other, in groups and operators', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 2 });
    const sums = await runTaskGroup((tg) => [tg.startSoon(pool.call.add, 1, 2), tg.startSoon(pool.call.double, 5)]);
    expect(sums).toEqual([3, 10]);
    const doubled = await lastValueFrom(from([1, 2, 3]).pipe(mapConcurrent((n: number) => pool.call.double(n), 2), toArray()));
    expect(doubled).toEqual([2, 4, 6]);
  });

  it('errors keep their name, message, remote stack, code and cause', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    const error = (await pool.call.fail('bad input').then(() => undefined, (e: unknown) => e)) as Error & { code?: string };
    expect(error.name).toBe('TypeError');
    expect(error.message).toBe('bad input');
    expect(error.stack).toContain('math.worker.mjs');
    expect(error.code).toBe('E_TEST');
    expect(error.cause).toMatchObject({ name: 'RangeError', message: 'the root cause' });
  });

  it('a thrown value that is not an Error reaches the caller as that same value', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    await expect(pool.call.throwValue('plain string failure')).rejects.toBe('plain string failure');
    await expect(pool.run('throwValue', [42])).rejects.toBe(42);
    await expect(pool.call.throwValue({ code: 'E_PLAIN' })).rejects.toEqual({ code: 'E_PLAIN' });
    await expect(pool.call.throwValue(undefined)).rejects.toBeUndefined();
  });

  it('a sibling failure cancels a running worker call: the group fails with that failure alone', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    const flags = new Int32Array(new SharedArrayBuffer(8));
    const boom = new Error('boom');
    const group = runTaskGroup((tg) => {
      tg.startSoon(pool.call.spin, flags, 0, undefined);
      tg.startSoon(async () => {
        await started(flags, 0);
        throw boom;
      });
    });
    await expect(group).rejects.toBe(boom);
  });

  it('a call resumes its caller in the caller\'s async context, awaited or subscribed, in a limited group too', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    const store = new AsyncLocalStorage<number>();
    const limiter = createLimiter(1);
    const seen = await Promise.all(
      [1, 2, 3].map((id) =>
        store.run(id, () =>
          runTaskGroup((tg) => tg.soonify(async () => {
            await pool.call.add(id, 0);
            const viaSubscribe = await firstValueFrom(pool.call.add(id, 0).pipe(map(() => store.getStore())));
            return [store.getStore(), viaSubscribe];
          }, { limiter })()),
        ),
      ),
    );
    expect(seen).toEqual([[1, 1], [2, 2], [3, 3]]);
  });

  it('a worker that crashes fails only its call and is replaced', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1, name: 'crashy' });
    await expect(pool.call.crash()).rejects.toThrow(/^worker pool 'crashy': the worker running pool.run\('crash', args\) crashed/);
    await expect(pool.call.add(1, 1)).resolves.toBe(2);
  });

  it('an argument that cannot be sent is refused at the call, with a TypeError naming it', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    const p = pool;
    expectTypeErrorAtOnce(() => p.run('add', [1, () => 2] as never), /^pool\.run\('add', args\): args\[1\] cannot be sent to a worker: \[Function \(anonymous\)\]/);
    expectTypeErrorAtOnce(() => p.call.add({ nested: { fn: Symbol('x') } } as never, 1), /^pool\.call\.add\(\.\.\.args\): args\[0\]\.nested\.fn cannot be sent to a worker/);
    await expect(pool.call.add(1, 2)).resolves.toBe(3); // nothing was sent, nothing is stuck
  });

  it('close() cancels the calls in flight, running and queued, with an AbortError, and refuses new ones', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    const flags = new Int32Array(new SharedArrayBuffer(16));
    const running = pool.run('spin', [flags, 0, 100_000]).then(() => 'finished', (e: Error) => e);
    const queued = pool.run('spin', [flags, 2, 1]).then(() => 'finished', (e: Error) => e);
    await started(flags, 0);
    await pool.close();
    for (const outcome of [await running, await queued]) {
      expect(outcome).toMatchObject({ name: 'AbortError', message: 'worker pool was closed with calls in flight' });
    }
    expect(Atomics.load(flags, 2)).toBe(0); // the queued one never started
    await expect(pool.call.add(1, 2)).rejects.toThrow('worker pool is closed');
  });

  it('a function the worker module does not expose: a TypeError naming it', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    await expect(pool.run('nope' as never, [] as never)).rejects.toThrow("pool.run('nope', args): the worker module exposes no function 'nope'");
  });

  it('aborting a queued call takes it out of the queue: it never runs', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    const flags = new Int32Array(new SharedArrayBuffer(16)); // [first started, its beat, queued started, its beat]
    const first = pool.run('spin', [flags, 0, 200]);
    const controller = new AbortController();
    const queued = pool.run('spin', [flags, 2, 1], { signal: controller.signal });
    await started(flags, 0);
    controller.abort('not needed');
    await expect(queued).rejects.toBe('not needed');
    await first;
    await expect(pool.call.add(1, 1)).resolves.toBe(2);
    expect(Atomics.load(flags, 2)).toBe(0);
  });

  it('aborting a running call terminates its spinning worker within 100 ms and replaces it', async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    const flags = new Int32Array(new SharedArrayBuffer(8)); // [started, heartbeat]
    const controller = new AbortController();
    const spinning = pool.run('spin', [flags, 0, undefined], { signal: controller.signal });
    await started(flags, 0);
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(spinning).rejects.toMatchObject({ name: 'AbortError' }); // at once, with the reason
    // The figure is wall-clock by nature: 100 ms after the cancel, the thread's heartbeat
    // must have stopped (a running thread adds a beat every few microseconds).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const beat = Atomics.load(flags, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Atomics.load(flags, 1)).toBe(beat);
    await expect(pool.call.add(2, 2)).resolves.toBe(4); // a replacement worker answers
  });

  it("a group's cancel reaches the worker: the group's timeout stops a spinning call", async () => {
    pool = createWorkerPool<MathWorker>(workerUrl, { size: 1 });
    const flags = new Int32Array(new SharedArrayBuffer(4));
    const failure = await runTaskGroup((tg) => tg.startSoon(pool.call.spin, flags, 0, undefined), { timeout: 300 }).catch((e: unknown) => e);
    expect((failure as DOMException).name).toBe('TimeoutError');
    await expect(pool.call.add(1, 2)).resolves.toBe(3);
  });

  it('an idle pool lets a program end without close()', () => {
    const run = spawnSync(process.execPath, [join(__dirname, 'fixtures', 'idleExit.mjs')], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim()).toBe('5');
    expect(run.status).toBe(0);
  });

  it('refuses bad input at once', () => {
    expect(() => createWorkerPool(42 as never)).toThrow(new TypeError('createWorkerPool(url, options): url must be a URL or a non-empty string, got 42'));
    expect(() => createWorkerPool(workerUrl, { size: 0 })).toThrow(RangeError);
    expect(() => createWorkerPool(workerUrl, { idleTimeout: -1 })).toThrow('options.idleTimeout must be a number of milliseconds from 0 to 2147483647, or Infinity, got -1');
    pool = createWorkerPool<MathWorker>(workerUrl);
    expect(() => pool.run('' as never, [] as never)).toThrow('pool.run(name, args, options): name must be a non-empty string, got ""');
    expect(() => pool.run('add', 5 as never)).toThrow("pool.run(name, args, options): args must be an array of the function's arguments, got 5");
    expect(() => pool.run('add', [1, 2], { signl: undefined } as never)).toThrow("pool.run(name, args, options): options has no key 'signl': did you mean 'signal'? (known keys: signal, transfer)");
    expect(() => pool.run('add', [1, 2], { transfer: 'x' } as never)).toThrow("pool.run(name, args, options): options.transfer must be an array of Transferables, got \"x\"");
  });
});
