import { assertOptionalDuration, describe, readEntries, readOptions } from '../src/engine/index.js';
import { TaskRunner } from './internal/TaskRunner.js';
import type { ServeTasksOptions } from './types/ServeTasksOptions.js';
import type { TaskServer } from './types/TaskServer.js';

const CALLER = 'serveTasks(queue, tasks, options)';

/**
 * Runs the functions of `tasks` for the callers of {@link connectTasks}, on a BullMQ worker (any
 * number of processes and machines may serve one queue). A task gets its arguments, then a
 * {@link TaskContext} (`signal`, `jobId`, `attempt`, `progress`) as its last parameter.
 *
 * - A job cancelled by its caller, or whose caller's lease has expired, never starts; a running
 *   one has `ctx.signal` aborted (within a second of a cancel, within `leaseMs` of its caller's
 *   death) and is never retried.
 * - A worker that dies mid-task (SIGKILL) loses nothing: BullMQ's stalled-job recovery runs the
 *   job again on another worker (`lockDuration`, `stalledInterval` pass through), and the caller
 *   gets the value. This is at-least-once: make tasks idempotent.
 * - Values are JSON: a task that returns something else fails with a clear error.
 *
 * ## Example
 * ```ts
 * import * as tasks from './tasks.js';
 * import { serveTasks } from 'rxjs-asyncer/bullmq';
 *
 * await using server = await serveTasks('images', tasks, { connection: { host: 'localhost', port: 6379 }, concurrency: 4 });
 * await new Promise((resolve) => process.once('SIGTERM', resolve));
 * ```
 *
 * @param queue the queue's name.
 * @param tasks the functions to serve, by name (a module namespace object works).
 * @param options BullMQ's worker options (`connection`, `concurrency`, ...) and `closeTimeoutMs`.
 * @returns the server, once it listens.
 * @throws {TypeError} when `queue` is not a non-empty string, `tasks` has a value that is not a
 * function, or `options.connection` is missing.
 */
export function serveTasks(queue: string, tasks: object, options: ServeTasksOptions): Promise<TaskServer> {
  if (typeof queue !== 'string' || queue === '') throw new TypeError(`${CALLER}: queue must be a non-empty string, got ${describe(queue)}`);
  if (typeof tasks !== 'object' || tasks === null) throw new TypeError(`${CALLER}: tasks must be an object of functions, got ${describe(tasks)}`);
  const entries = readEntries(tasks, `${CALLER}: tasks`);
  if (entries.length === 0) throw new TypeError(`${CALLER}: tasks must hold at least one function, got an empty object`);
  for (const [name, value] of entries) {
    if (typeof value !== 'function') throw new TypeError(`${CALLER}: tasks.${name} must be a function, got ${describe(value)}`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${CALLER}: options must be an object { connection }, got ${describe(options)}`);
  }
  const { connection, closeTimeoutMs } = readOptions(options, ['connection', 'closeTimeoutMs'], `${CALLER}: options`);
  if (typeof connection !== 'object' || connection === null) {
    throw new TypeError(`${CALLER}: options.connection must be ioredis options or an ioredis client, got ${describe(connection)}`);
  }
  assertOptionalDuration(closeTimeoutMs, `${CALLER}: options.closeTimeoutMs`);
  // the checks above throw at the call; only the connection is awaited
  const runner = new TaskRunner(queue, tasks as Record<string, unknown>, options);
  return runner.start().then(() => runner);
}
