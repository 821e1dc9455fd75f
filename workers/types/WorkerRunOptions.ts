/** Options of `pool.run(name, args, options)`. */
export interface WorkerRunOptions {
  /**
   * Cancels the call: a call waiting for a worker leaves the queue; a running one has its worker
   * terminated (the only way to stop CPU-bound JavaScript) and replaced. The call rejects with the
   * signal's reason.
   * @default undefined
   */
  readonly signal?: AbortSignal;
  /**
   * Objects to transfer rather than copy (an `ArrayBuffer`, a `MessagePort`): after the call they
   * belong to the worker.
   * @default []
   */
  readonly transfer?: readonly Transferable[];
}
