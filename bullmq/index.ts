/**
 * Remote tasks on BullMQ that stay inside their task group across machines: `serveTasks` on the
 * workers, `connectTasks` on the callers. Needs bullmq (>= 6.7, an optional peer dependency) and Node.
 *
 * @module rxjs-asyncer/bullmq
 */
// Flat named re-exports; test/exports.test.ts pins them.
export { connectTasks } from './connectTasks.js';
export { serveTasks } from './serveTasks.js';
export type { TaskContext } from './types/TaskContext.js';
export type { RemoteCall } from './types/RemoteCall.js';
export type { RemoteTasks } from './types/RemoteTasks.js';
export type { RemoteArgs, RemoteFunctions, RemoteResult, TaskName } from './types/RemoteFunctions.js';
export type { RemoteRunOptions } from './types/RemoteRunOptions.js';
export type { ConnectTasksOptions } from './types/ConnectTasksOptions.js';
export type { ServeTasksOptions } from './types/ServeTasksOptions.js';
export type { TaskServer } from './types/TaskServer.js';
