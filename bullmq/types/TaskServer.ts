/**
 * A worker's side of a task queue, made by {@link serveTasks}.
 *
 * ## Example
 * ```ts
 * await using server = await serveTasks('images', tasks, { connection, concurrency: 4 });
 * await whenShutdownRequested();
 * ```
 */
export interface TaskServer extends AsyncDisposable {
  /** Stops taking jobs and waits for running ones (aborting them after `closeTimeout`). */
  close(): Promise<void>;
}
