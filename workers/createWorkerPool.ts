import { checkPoolArgs } from './internal/checks.js';
import { PoolClient } from './internal/PoolClient.js';
import type { WorkerPool } from './types/WorkerPool.js';
import type { WorkerPoolOptions } from './types/WorkerPoolOptions.js';

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
  return new PoolClient(url, checkPoolArgs(url, options)) as unknown as WorkerPool<M>;
}
