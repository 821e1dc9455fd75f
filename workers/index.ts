/**
 * CPU-bound functions in worker threads (Node) or module Web Workers (browsers), as cancellable tasks.
 *
 * @module rxjs-asyncer/workers
 */
// rxjs-asyncer/workers: CPU-bound work on other threads, as tasks. Flat named re-exports;
// test/exports.test.ts pins them. Needs the optional peer dependency workerpool.

// The calling side
export { createWorkerPool } from './createWorkerPool.js';
export type { WorkerPool } from './types/WorkerPool.js';
export type { WorkerPoolOptions } from './types/WorkerPoolOptions.js';
export type { WorkerCall } from './types/WorkerCall.js';
export type { WorkerRunOptions } from './types/WorkerRunOptions.js';
export type { WorkerFunctions } from './types/WorkerFunctions.js';

// The worker side
export { exposeWorker } from './exposeWorker.js';
