import { assertDuration, describe, readOptions } from '../src/engine/index.js';
import { RemoteCaller } from './internal/RemoteCaller.js';
import type { ConnectTasksOptions } from './types/ConnectTasksOptions.js';
import type { RemoteTasks } from './types/RemoteTasks.js';

const OPTIONS = ['connection', 'leaseMs', 'timeoutMs', 'prefix', 'tasks'] as const satisfies readonly (keyof ConnectTasksOptions)[];

const CALLER = 'connectTasks(queue, options)';

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
 *   start its jobs once the lease has expired, and abort running ones within `leaseMs` of its
 *   death (SIGKILL included).
 * - One QueueEvents subscription serves every call in flight.
 * - If Redis does not answer, a call fails within `timeoutMs` with an error naming the
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
 * @param options `connection`, and `leaseMs`, `timeoutMs`, `prefix`, `tasks`.
 * @returns the remote tasks.
 * @throws {TypeError} when `queue` is not a non-empty string or an option has the wrong type.
 * @throws {RangeError} when `leaseMs` or `timeoutMs` is not a positive number of ms.
 */
export function connectTasks<M = Record<string, (...args: never[]) => unknown>>(queue: string, options: ConnectTasksOptions): RemoteTasks<M> {
  if (typeof queue !== 'string' || queue === '') throw new TypeError(`${CALLER}: queue must be a non-empty string, got ${describe(queue)}`);
  if (typeof options !== 'object' || options === null) throw new TypeError(`${CALLER}: options must be an object { connection }, got ${describe(options)}`);
  const { connection, leaseMs = 10_000, timeoutMs = 10_000, prefix = 'bull', tasks } = readOptions(options, OPTIONS, `${CALLER}: options`);
  if (typeof connection !== 'object' || connection === null) {
    throw new TypeError(`${CALLER}: options.connection must be ioredis options or an ioredis client, got ${describe(connection)}`);
  }
  assertDuration(leaseMs, `${CALLER}: options.leaseMs`, 'period');
  assertDuration(timeoutMs, `${CALLER}: options.timeoutMs`, 'period');
  if (typeof prefix !== 'string' || prefix === '') throw new TypeError(`${CALLER}: options.prefix must be a non-empty string, got ${describe(prefix)}`);
  let names: Set<string> | undefined;
  if (Array.isArray(tasks)) names = new Set(tasks as string[]);
  else if (typeof tasks === 'object' && tasks !== null) names = new Set(Object.keys(tasks).filter((name) => typeof (tasks as Record<string, unknown>)[name] === 'function'));
  else if (tasks !== undefined) throw new TypeError(`${CALLER}: options.tasks must be the task names or the tasks module, got ${describe(tasks)}`);
  const caller = new RemoteCaller({ queue, connection, leaseMs, timeoutMs, prefix, names });
  return {
    call: caller.call as never,
    run: ((name: unknown, args: unknown, runOptions?: unknown) => caller.run(name, args, runOptions as never)) as never,
    close: () => caller.close(),
    [Symbol.asyncDispose]: () => caller.close(),
  };
}
