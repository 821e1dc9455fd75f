/**
 * One task on a {@link Timeline}: when it was added, started and ended, and how.
 *
 * ## Example
 * ```ts
 * import type { TimelineTask } from 'rxjs-asyncer/timeline';
 *
 * const row: TimelineTask = { id: 1, name: 'load', added: 0, started: 0, ended: 1000, outcome: 'fulfilled' };
 * ```
 */
export interface TimelineTask {
  /** The task's number in its group or scope. */
  readonly id: number;
  /** Its name (`''` for an anonymous task; drawn as `#id`). */
  readonly name: string;
  /** When it was added (`performance.now()` ms). */
  readonly added: number;
  /** When its function was called; absent if it never started. */
  readonly started?: number;
  /** When it settled; absent while it still runs. */
  readonly ended?: number;
  /** How it ended, or `'running'` if it had not when the recording stopped. */
  readonly outcome: 'fulfilled' | 'failed' | 'cancelled' | 'running';
}
