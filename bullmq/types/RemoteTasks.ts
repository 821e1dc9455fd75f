import type { RemoteFunctions, RemoteArgs, RemoteResult, TaskName } from './RemoteFunctions.js';
import type { RemoteRunOptions } from './RemoteRunOptions.js';

/**
 * A caller's side of a task queue, made by {@link connectTasks}: typed calls to the tasks that
 * `serveTasks` runs on any machine, each a task like any other.
 *
 * ## Example
 * ```ts
 * await using remote = connectTasks<typeof import('./tasks.js')>('images', { connection });
 * const width = await remote.call.add(600, 40);
 * await runTaskGroup((tg) => paths.map((path) => tg.startSoon(remote.call.resize, path, width)));
 * ```
 */
export interface RemoteTasks<M> extends AsyncDisposable {
  /** One function per task: `call.resize(path, width)` gives a {@link RemoteCall}. */
  readonly call: RemoteFunctions<M>;
  /**
   * Calls the task `name` with `args`: a promise, cancelled by `options.signal`.
   * @param name the task's name.
   * @param args its arguments, without the context.
   * @param options `signal` and `onProgress`.
   * @returns the task's value.
   */
  run<K extends TaskName<M>>(name: K, args: RemoteArgs<M[K]>, options?: RemoteRunOptions): Promise<RemoteResult<M[K]>>;
  /**
   * Cancels every call still waiting or running, ends this caller's lease, and closes its
   * connections; never waits longer than `redisTimeout` for Redis. Also `Symbol.asyncDispose`.
   */
  close(): Promise<void>;
}
