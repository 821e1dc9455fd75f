/**
 * Options of {@link RemoteTasks.run}.
 *
 * ## Example
 * ```ts
 * await remote.run('resize', ['a.png', 640], { signal, onProgress: (p) => bar.update(p) });
 * ```
 */
export interface RemoteRunOptions {
  /** Cancels the call: a queued job is removed, a running one has its `ctx.signal` aborted. */
  readonly signal?: AbortSignal;
  /** Hears each `ctx.progress(value)` of the task. */
  readonly onProgress?: (value: number | object) => void;
}
