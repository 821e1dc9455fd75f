import type { WorkerCall } from './WorkerCall.js';
import type { WorkerFunctions } from './WorkerFunctions.js';
import type { WorkerRunOptions } from './WorkerRunOptions.js';

/** `Parameters` of a worker module's function `K`. */
type Args<M, K extends keyof M> = M[K] extends (...args: infer A) => unknown ? A : never;
/** What a worker module's function `K` gives back, awaited. */
type Result<M, K extends keyof M> = M[K] extends (...args: never[]) => infer R ? Awaited<R> : never;

/**
 * A pool of workers running the functions of one worker module, typed from that module: Node's
 * `worker_threads` or the browser's module Web Workers, behind one API. Made by
 * {@link createWorkerPool}.
 *
 * ## Example
 * ```ts
 * const pool = createWorkerPool<typeof import('./image.worker.js')>(new URL('./image.worker.js', import.meta.url));
 * const digest = await pool.call.hash(bytes, 3);                       // typed from the module
 * await pool.run('hash', [bytes, 3], { signal, transfer: [bytes.buffer] });
 * await pool.close();
 * ```
 */
export interface WorkerPool<M> extends AsyncDisposable {
  /**
   * One function per worker function, with its parameters: each call returns a {@link WorkerCall}
   * (awaitable, and a cold Observable that cancels the job when unsubscribed). Pass it to
   * `tg.startSoon(pool.call.resize, img, 640)` to make it a task of a group.
   */
  readonly call: { readonly [K in WorkerFunctions<M>]: (...args: Args<M, K>) => WorkerCall<Result<M, K>> };
  /**
   * Runs worker function `name` with `args`, with a signal and objects to transfer.
   * @throws {TypeError} at once when `name` is not a non-empty string, `args` not an array, an
   * argument cannot be sent to a worker (naming it: `args[1].onProgress`) or an option is invalid
   * or unknown. The promise rejects with a `TypeError` for a function the worker module does not
   * expose.
   */
  run<K extends WorkerFunctions<M>>(name: K, args: Args<M, K>, options?: WorkerRunOptions): Promise<Result<M, K>>;
  /**
   * Ends every worker: calls still in flight are cancelled (they reject with an `AbortError`),
   * new calls are refused. Also `Symbol.asyncDispose`.
   */
  close(): Promise<void>;
  /** The most workers the pool runs at once. */
  readonly size: number;
}
