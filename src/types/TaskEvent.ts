/**
 * One thing that happened to one task of a group or scope, from its `events$`.
 *
 * Every task gives `'added'`, then `'started'` if its function was called (then any number of
 * `'progress'`, for a task that reports progress), then exactly one of `'fulfilled'`, `'failed'` or
 * `'cancelled'`; a task cancelled while its promise ran may give one `'echo'` after its `'cancelled'`.
 * Times are `performance.now()` milliseconds and never
 * decrease along the stream. Events are frozen.
 *
 * ## Example
 * ```ts
 * import { runTaskGroup } from 'rxjs-asyncer';
 *
 * await runTaskGroup((tg) => {
 *   tg.events$.subscribe((e) => console.log(e.type, e.id, e.name));
 *   tg.startSoon(async function load() {});
 * });
 * // Logs:
 * // added 1 load
 * // started 1 load
 * // fulfilled 1 load
 * ```
 */
export interface TaskEvent {
  /** What happened. */
  readonly type: 'added' | 'started' | 'progress' | 'fulfilled' | 'failed' | 'cancelled' | 'echo';
  /** The task's number, unique within its group or scope: 1, 2, 3 ... in the order tasks are first seen
   * by a watcher (tasks are numbered only while somebody watches, so an unwatched group pays nothing). */
  readonly id: number;
  /** The task's name: `SoonifyOptions.name`, else the function's name, else `''`. */
  readonly name: string;
  /** When it happened: `performance.now()`, in milliseconds. */
  readonly time: number;
  /**
   * The error, for `'failed'` and `'echo'`. An `'echo'` is what a task rejected with after it was
   * cancelled (axios's `CanceledError`, a wrapper's `new Error('request cancelled')`): part of its
   * cancellation, never a failure of the group, reported here only so that it can be seen.
   */
  readonly error?: unknown;
  /**
   * What a running task reported, for `'progress'`: a remote task's `ctx.progress(value)`
   * (`rxjs-asyncer/bullmq`). Progress events come between `'started'` and the outcome, and only
   * from tasks that report progress.
   */
  readonly value?: unknown;
}
