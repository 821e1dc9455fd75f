/**
 * The names of a worker module's exported functions: `WorkerFunctions<typeof import('./image.worker.js')>`
 * is `'hash' | 'resize'`.
 *
 * ## Example
 * ```ts
 * import type { WorkerFunctions } from 'rxjs-asyncer/workers';
 *
 * type Names = WorkerFunctions<{ hash(data: Uint8Array): string; VERSION: number }>; // 'hash'
 * ```
 */
export type WorkerFunctions<M> = {
  [K in keyof M]: M[K] extends (...args: never[]) => unknown ? (K extends string ? K : never) : never;
}[keyof M];
