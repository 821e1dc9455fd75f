import { checkServeArgs } from './internal/checks.js';
import { TaskRunner } from './internal/TaskRunner.js';
import type { ServeTasksOptions } from './types/ServeTasksOptions.js';
import type { TaskServer } from './types/TaskServer.js';

/**
 * Runs the functions of `tasks` for the callers of {@link connectTasks}, on a BullMQ worker (any
 * number of processes and machines may serve one queue). A task gets its arguments, then a
 * {@link TaskContext} (`signal`, `jobId`, `attempt`, `progress`) as its last parameter.
 *
 * - A job cancelled by its caller, or whose caller's lease has expired, never starts; a running
 *   one has `ctx.signal` aborted (within a second of a cancel, within `lease` of its caller's
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
 * @param options BullMQ's worker options (`connection`, `concurrency`, ...) and `closeTimeout`.
 * @returns the server, once it listens.
 * @throws {TypeError} when `queue` is not a non-empty string, `tasks` has a value that is not a
 * function, or `options.connection` is missing.
 */
export function serveTasks(queue: string, tasks: object, options: ServeTasksOptions): Promise<TaskServer> {
  checkServeArgs(queue, tasks, options);
  // the checks above throw at the call; only the connection is awaited
  const runner = new TaskRunner(queue, tasks as Record<string, unknown>, options);
  return runner.start().then(() => runner);
}
