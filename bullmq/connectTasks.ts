import { checkConnectArgs } from './internal/checks.js';
import { RemoteCaller } from './internal/RemoteCaller.js';
import type { ConnectTasksOptions } from './types/ConnectTasksOptions.js';
import type { RemoteTasks } from './types/RemoteTasks.js';

/**
 * Connects to the tasks that {@link serveTasks} runs on a BullMQ queue, from any process or
 * machine: `remote.call.name(...args)` is a remote call that is a task like any other. Typed from
 * the tasks module: `connectTasks<typeof import('./tasks.js')>('images', { connection })`.
 *
 * What it guarantees:
 * - A call's value comes back as JSON; a thrown error comes back with its name, message, cause
 *   and the remote stack. An argument JSON cannot carry fails the call at once (a TypeError
 *   naming it).
 * - Unsubscribing (a group's cancel, `firstWins`' losers, `mapConcurrent` unsubscribed) or
 *   `run`'s signal cancels the call: a queued job is removed and never starts; a running one has
 *   its `ctx.signal` aborted on whichever worker runs it. A cancelled job is never retried.
 * - Nothing outlives its caller: this caller holds a lease in Redis while it lives; workers never
 *   start its jobs once the lease has expired, and abort running ones within `lease` of its
 *   death (SIGKILL included).
 * - One QueueEvents subscription serves every call in flight.
 * - If Redis does not answer, a call fails within `redisTimeout` with an error naming the
 *   connection; `close()` never waits longer than that.
 *
 * ## Example
 * ```ts
 * import { runTaskGroup } from 'rxjs-asyncer';
 * import { connectTasks } from 'rxjs-asyncer/bullmq';
 *
 * await using remote = connectTasks<typeof import('./tasks.js')>('images', { connection: { host: 'localhost', port: 6379 } });
 * const sizes = await runTaskGroup((tg) => paths.map((path) => tg.startSoon(remote.call.resize, path, 640)));
 * ```
 *
 * @typeParam M the tasks module's type (`typeof import('./tasks.js')`), for typed calls.
 * @param queue the queue's name, the same as the workers'.
 * @param options `connection`, and `lease`, `redisTimeout`, `prefix`, `tasks`.
 * @returns the remote tasks.
 * @throws {TypeError} when `queue` is not a non-empty string or an option has the wrong type.
 * @throws {RangeError} when `lease` or `redisTimeout` is not a positive number of ms.
 */
export function connectTasks<M = Record<string, (...args: never[]) => unknown>>(queue: string, options: ConnectTasksOptions): RemoteTasks<M> {
  return new RemoteCaller(checkConnectArgs(queue, options)) as unknown as RemoteTasks<M>;
}
