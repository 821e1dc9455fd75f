import { assertConcurrency, assertOptionalDuration, assertOptionsObject, describe, readOptions } from '../src/engine/index.js';
import { PoolClient } from './internal/PoolClient.js';
import type { WorkerPool } from './types/WorkerPool.js';
import type { WorkerPoolOptions } from './types/WorkerPoolOptions.js';

const OPTIONS = ['size', 'name', 'idleTimeout'] as const satisfies readonly (keyof WorkerPoolOptions)[];

/**
 * Runs a worker module's functions on other threads: Python's `asyncify` for CPU-bound work
 * ("parallel burgers"), typed from the module, and cancellable like every task of this library.
 *
 * In Node the workers are `worker_threads`; in browsers, module Web Workers; pool management is
 * workerpool's (an optional peer dependency). The worker module calls {@link exposeWorker}.
 *
 * - **Typed.** `createWorkerPool<typeof import('./image.worker.js')>(url)`: `pool.call.hash` has
 *   `hash`'s parameters and gives a promise (and Observable) of its result.
 * - **Cancellable.** Aborting a call (its signal, unsubscribing its Observable, cancelling its
 *   group) takes it out of the queue, or, if it runs, terminates its worker (the only way to stop
 *   CPU-bound JavaScript) and starts a replacement; the call rejects with the abort reason.
 * - **Errors.** A worker's error keeps its name, message, stack and cause. A worker that crashes
 *   (or calls `process.exit`) fails only its call and is replaced. An argument that cannot be sent
 *   fails the call with a `TypeError` naming it (`args[1]`).
 * - **Lifecycle.** Workers start on the first call; after `idleTimeout` ms without a call they exit,
 *   so a program can end; `close()` (or `await using`) ends them for good.
 *
 * ## Example
 * ```ts
 * import { createWorkerPool } from 'rxjs-asyncer/workers';
 * import { runTaskGroup } from 'rxjs-asyncer';
 *
 * const pool = createWorkerPool<typeof import('./hash.worker.js')>(new URL('./hash.worker.js', import.meta.url), { size: 2 });
 * const digests = await runTaskGroup((tg) => files.map((bytes) => tg.startSoon(pool.call.hash, bytes, 1000)));
 * await pool.close();
 * ```
 *
 * @param url the worker module: `new URL('./x.worker.js', import.meta.url)`, or its path or URL as a string.
 * @param options `size`, `name`, `idleTimeout`.
 * @returns the pool.
 * @throws {TypeError | RangeError} when `url` or an option is invalid.
 */
export function createWorkerPool<M>(url: URL | string, options?: WorkerPoolOptions): WorkerPool<M> {
  const caller = 'createWorkerPool(url, options)';
  if (!(url instanceof URL) && (typeof url !== 'string' || url === '')) {
    throw new TypeError(`${caller}: url must be a URL or a non-empty string, got ${describe(url)}`);
  }
  assertOptionsObject(options, `${caller}: options`);
  const { size, name, idleTimeout } = readOptions(options, OPTIONS, `${caller}: options`);
  if (size !== undefined) {
    assertConcurrency(size, `${caller}: options.size`);
    if (size === Infinity) throw new RangeError(`${caller}: options.size must be a finite integer >= 1, got Infinity`);
  }
  if (name !== undefined && typeof name !== 'string') throw new TypeError(`${caller}: options.name must be a string, got ${describe(name)}`);
  assertOptionalDuration(idleTimeout, `${caller}: options.idleTimeout`);
  const client = new PoolClient(url, { size, name, idleTimeout } as WorkerPoolOptions);
  return {
    call: client.call as WorkerPool<M>['call'],
    size: client.size,
    run(fnName, args, runOptions) {
      if (typeof fnName !== 'string' || fnName === '') throw new TypeError(`pool.run(name, args): name must be a non-empty string, got ${describe(fnName)}`);
      if (!Array.isArray(args)) throw new TypeError(`pool.run('${fnName}', args): args must be an array, got ${describe(args)}`);
      if (runOptions !== undefined && (typeof runOptions !== 'object' || runOptions === null)) {
        throw new TypeError(`pool.run('${fnName}', args, options): options must be an object or undefined, got ${describe(runOptions)}`);
      }
      return client.run(fnName, args, runOptions) as Promise<never>;
    },
    close: () => client.close(),
    [Symbol.asyncDispose]: () => client.close(),
  } satisfies WorkerPool<M> as WorkerPool<M>;
}

