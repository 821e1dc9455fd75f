import * as workerpool from 'workerpool';
import { CallClient, describeError, fromSentError } from '../../src/engine/index.js';
import type { WorkerPool } from '../types/WorkerPool.js';
import type { WorkerPoolOptions } from '../types/WorkerPoolOptions.js';
import type { WorkerRunOptions } from '../types/WorkerRunOptions.js';
import { checkTransfer, RUN_OPTIONS } from './checks.js';
import { inNode, scriptLocation } from './scriptLocation.js';
import { TRACED_CALL } from './tracedCall.js';
import { unsendableArgument } from './unsendableArgument.js';

type Pool = ReturnType<typeof workerpool.pool>;

/** What a call moves to the worker instead of copying (`run`'s `options.transfer`). */
type Transfer = WorkerRunOptions['transfer'];

/**
 * The pool behind `createWorkerPool`: workerpool does the pool management (queue, spawn, replace a
 * crashed worker, terminate on cancel); this adds what it lacks: AbortSignal cancellation that
 * rejects with the signal's reason, error causes, argument names for unsendable values, idle
 * exit (the whole workerpool pool ends after `idleTimeout` and is made again on the next call).
 * `call`, `run` and their checks are the engine's `CallClient`, shared with the BullMQ caller.
 * @internal
 */
export class PoolClient extends CallClient<WorkerRunOptions, Transfer> implements WorkerPool<Record<string, never>> {
  readonly size: number;
  private readonly label: string;
  private readonly script: string;
  private readonly idleTimeout: number;
  /** the workerpool pool, made on the first call after creation or an idle exit */
  private pool: Pool | undefined = undefined;
  /** calls sent and not settled */
  private active = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  private closing: Promise<void> | undefined = undefined;
  /** aborted by `close()`: every call still in flight is cancelled with its reason */
  private readonly closer = new AbortController();

  constructor(url: URL | string, { size, name, idleTimeout = 1000 }: WorkerPoolOptions) {
    super('pool', 'worker call', RUN_OPTIONS);
    this.size = size ?? Math.max(1, (workerpool.cpus || 2) - 1);
    this.label = name === undefined ? 'worker pool' : `worker pool '${name}'`;
    this.script = scriptLocation(url);
    this.idleTimeout = idleTimeout;
  }

  protected prepare(_name: string, args: unknown[], caller: string): unknown[] {
    const unsendable = unsendableArgument(args, caller);
    if (unsendable) throw unsendable;
    return args;
  }

  protected capture(): undefined {
    return undefined;
  }

  protected fromRun(options: WorkerRunOptions, caller: string): Transfer {
    checkTransfer(options.transfer, `${caller}: options.transfer`);
    return options.transfer;
  }

  protected send(name: string, args: unknown[], signal: AbortSignal | undefined, transfer: Transfer, traceparent: string | undefined): Promise<unknown> {
    const caller = `pool.run('${name}', args)`;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.closing) return Promise.reject(new Error(`${this.label} is closed: ${caller} cannot run`));
    const pool = this.open();
    this.active++;
    const closer = this.closer.signal;
    return new Promise<unknown>((resolve, reject) => {
      let job: ReturnType<Pool['exec']>;
      let aborted = false;
      // the call's signal, or the pool's close: the first to abort cancels the call
      const onAbort = (event?: Event): void => {
        aborted = true;
        job?.cancel(); // queued: leaves the queue; running: its worker is terminated and replaced
        reject(((event?.target as AbortSignal | undefined) ?? signal ?? closer).reason);
      };
      const settle = (): void => {
        signal?.removeEventListener('abort', onAbort);
        closer.removeEventListener('abort', onAbort);
        this.active--;
        if (this.active === 0) this.armIdleTimer();
      };
      try {
        const options = transfer ? { transfer: [...transfer] } : undefined;
        // traced: the worker's wrapper runs the function as a child of the call's span
        job = traceparent === undefined ? pool.exec(name, args, options) : pool.exec(TRACED_CALL, [traceparent, name, args], options);
      } catch (error) {
        settle();
        reject(error);
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      closer.addEventListener('abort', onAbort, { once: true });
      job.then(
        (value: unknown) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          if (aborted) return; // already rejected with the reason
          reject(this.explain(error, name, caller));
        },
      );
    });
  }

  /**
   * The client convention (ARCHITECTURE.md, "Conventions"): calls still in flight belong to tasks
   * that did not wait for them, so they are cancelled (an AbortError), never waited for; then the
   * workers end.
   */
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      this.disarmIdleTimer();
      this.closer.abort(new DOMException(`${this.label} was closed with calls in flight`, 'AbortError'));
      const pool = this.pool;
      this.pool = undefined;
      if (pool) await pool.terminate(true);
    })());
  }

  private open(): Pool {
    this.disarmIdleTimer();
    return (this.pool ??= workerpool.pool(this.script, {
      maxWorkers: this.size,
      workerType: inNode() ? 'thread' : 'web',
      workerOpts: { type: 'module', name: this.label },
      // a cancelled call's worker is asked to stop, then terminated after this long: a worker
      // spinning in CPU-bound code never answers, so don't wait (workerpool reads 0 as its default)
      workerTerminateTimeout: 1,
      workerThreadOpts: { name: this.label },
    }));
  }

  private armIdleTimer(): void {
    if (this.idleTimeout === Infinity || this.closing || !this.pool) return;
    this.disarmIdleTimer();
    const timer = setTimeout(() => {
      this.idleTimer = undefined;
      const pool = this.pool;
      this.pool = undefined;
      void pool?.terminate();
    }, this.idleTimeout);
    (timer as { unref?: () => void }).unref?.(); // an idle pool never keeps a Node program alive
    this.idleTimer = timer;
  }

  private disarmIdleTimer(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** What a failed call rejects with: the worker's own error, rebuilt, or a clear one of ours. */
  private explain(error: unknown, name: string, caller: string): unknown {
    const message = String((error as Error | null)?.message ?? '');
    if (/Unknown method/.test(message)) {
      return new TypeError(`${caller}: the worker module exposes no function '${name}' (exposeWorker({ ${name}, ... }) in the worker)`, { cause: error });
    }
    if (/terminated Unexpectedly|Worker terminated|exited/i.test(message)) {
      return new Error(`${this.label}: the worker running ${caller} crashed (${describeError(error)}); it was replaced`, { cause: error });
    }
    return fromSentError(error);
  }
}
