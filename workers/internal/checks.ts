import { assertConcurrency, assertFunction, assertObject, assertOptionalDuration, assertOptionalString, assertOptionsObject, mustBe, optionKeys, readEntries, readOptions } from '../../src/engine/index.js';
import type { WorkerPoolOptions } from '../types/WorkerPoolOptions.js';
import type { WorkerRunOptions } from '../types/WorkerRunOptions.js';

// The argument checks of rxjs-asyncer/workers, built from the engine's (one message format).
// `pool.run` and `pool.call.name` are checked by the engine's CallClient, with these keys.

const POOL_OPTIONS = optionKeys<WorkerPoolOptions>()(['size', 'name', 'idleTimeout']);

/** Every key of `WorkerRunOptions`. @internal */
export const RUN_OPTIONS = optionKeys<WorkerRunOptions>()(['signal', 'transfer']);

/**
 * `createWorkerPool(url, options)`'s arguments, checked at the call.
 * @internal
 */
export function checkPoolArgs(url: unknown, options: unknown): WorkerPoolOptions {
  const caller = 'createWorkerPool(url, options)';
  if (!(url instanceof URL) && (typeof url !== 'string' || url === '')) mustBe(`${caller}: url`, 'a URL or a non-empty string', url);
  assertOptionsObject(options, `${caller}: options`);
  const { size, name, idleTimeout } = readOptions(options, POOL_OPTIONS, `${caller}: options`);
  if (size !== undefined) assertConcurrency(size, `${caller}: options.size`, true);
  assertOptionalString(name, `${caller}: options.name`);
  assertOptionalDuration(idleTimeout, `${caller}: options.idleTimeout`);
  return { size, name, idleTimeout };
}

/**
 * `pool.run`'s `options.transfer`: an array (of transferables: what is not one fails the call
 * with the pool's own error).
 * @internal
 */
export function checkTransfer(transfer: unknown, what: string): void {
  if (transfer !== undefined && !Array.isArray(transfer)) mustBe(what, 'an array of Transferables', transfer);
}

/**
 * `exposeWorker(functions)`: an object of functions, read once.
 * @internal
 */
export function checkExposed(functions: unknown): [string, (...args: unknown[]) => unknown][] {
  const what = 'exposeWorker(functions): functions';
  assertObject(functions, what, 'of functions');
  const entries = readEntries(functions, what);
  for (const [name, fn] of entries) assertFunction(fn, `${what}.${name}`);
  return entries as [string, (...args: unknown[]) => unknown][];
}
