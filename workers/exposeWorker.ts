import * as workerpool from 'workerpool';
import { serveTraced, toSentError } from '../src/engine/index.js';
import { checkExposed } from './internal/checks.js';
import { TRACED_CALL } from './internal/tracedCall.js';

/**
 * Makes a worker module's functions callable from a {@link createWorkerPool} pool. Call it once,
 * at the top of the worker module, with the functions to expose (usually the module's own exports).
 *
 * Each function may be synchronous (CPU-bound work) or return a promise. What it throws reaches
 * the caller with its name, message, stack (the worker's) and `cause` chain.
 *
 * ## Example
 * ```ts
 * // hash.worker.ts
 * import { createHash } from 'node:crypto';
 * import { exposeWorker } from 'rxjs-asyncer/workers';
 *
 * export function hash(data: Uint8Array, rounds: number): string {
 *   let digest = data;
 *   for (let i = 0; i < rounds; i++) digest = createHash('sha256').update(digest).digest();
 *   return Buffer.from(digest).toString('hex');
 * }
 *
 * exposeWorker({ hash });
 * ```
 *
 * @param functions the functions callers may run, by name.
 * @throws {TypeError} when `functions` is not an object of functions.
 */
export function exposeWorker(functions: Record<string, (...args: never[]) => unknown>): void {
  const wrapped: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, fn] of checkExposed(functions)) {
    wrapped[name] = (...args: unknown[]) => {
      // errors go out as plain data, so that the cause chain survives the trip
      try {
        const result = (fn as (...args: unknown[]) => unknown)(...args);
        return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(toSentError(error))) : result;
      } catch (error) {
        throw toSentError(error);
      }
    };
  }
  // a call sent by a caller that traces, with its trace context: run as a child of its span
  // when this worker traces too (`enableTracing` in the worker module), else as it is
  wrapped[TRACED_CALL] = (traceparent: unknown, name: unknown, args: unknown) => {
    const fn = Object.hasOwn(wrapped, name as string) && name !== TRACED_CALL ? wrapped[name as string]! : undefined;
    if (!fn) throw new Error(`Unknown method "${String(name)}"`); // as workerpool says it: the caller explains it
    return serveTraced('worker task', name as string, traceparent as string, () => fn(...(args as unknown[])));
  };
  workerpool.worker(wrapped);
}
