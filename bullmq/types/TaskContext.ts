/**
 * What a remote task gets as its extra last parameter, from the worker that runs it (the caller
 * never passes it): `remote.call.resize('a.png', 640)` runs `resize('a.png', 640, ctx)`.
 *
 * ## Example
 * ```ts
 * import type { TaskContext } from 'rxjs-asyncer/bullmq';
 *
 * export async function resize(path: string, width: number, ctx: TaskContext): Promise<string> {
 *   const image = await load(path, { signal: ctx.signal });
 *   await ctx.progress(0.5);
 *   return save(scale(image, width), { signal: ctx.signal });
 * }
 * ```
 */
export interface TaskContext {
  /** Aborts when the call is cancelled, when its caller is gone, or when the worker closes. */
  readonly signal: AbortSignal;
  /** The BullMQ job's id. */
  readonly jobId: string;
  /** 1 on the first run; more when the job runs again after a worker died mid-run. */
  readonly attempt: number;
  /** Reports progress to the caller (`run`'s `onProgress`): a number or a JSON object. */
  progress(value: number | object): Promise<void>;
}
