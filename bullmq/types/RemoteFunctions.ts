import type { RemoteCall } from './RemoteCall.js';
import type { TaskContext } from './TaskContext.js';

/**
 * A task's parameters as a caller passes them: without the trailing {@link TaskContext}, which the
 * worker supplies.
 *
 * ## Example
 * ```ts
 * type A = RemoteArgs<(path: string, width: number, ctx: TaskContext) => string>; // [path: string, width: number]
 * ```
 */
export type RemoteArgs<F> = F extends (...args: infer P) => unknown ? (P extends [...infer Rest, TaskContext] ? Rest : P) : never;

/**
 * The `call` object of {@link RemoteTasks}: one function per task of the module `M`, taking the
 * task's parameters without the context and giving a {@link RemoteCall} of its awaited result.
 *
 * ## Example
 * ```ts
 * const remote = connectTasks<typeof import('./tasks.js')>('images', { connection });
 * const call: RemoteFunctions<typeof import('./tasks.js')> = remote.call;
 * ```
 */
export type RemoteFunctions<M> = {
  readonly [K in keyof M as M[K] extends (...args: never[]) => unknown ? K : never]: (...args: RemoteArgs<M[K]>) => RemoteCall<RemoteResult<M[K]>>;
};

/**
 * What a task's call resolves to: its awaited return value.
 *
 * ## Example
 * ```ts
 * type R = RemoteResult<(a: number) => Promise<string>>; // string
 * ```
 */
export type RemoteResult<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

/**
 * The names of `M`'s tasks, for {@link RemoteTasks.run}.
 *
 * ## Example
 * ```ts
 * type Names = TaskName<typeof import('./tasks.js')>; // 'resize' | 'add'
 * ```
 */
export type TaskName<M> = keyof RemoteFunctions<M> & string;
