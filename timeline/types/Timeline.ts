import type { TimelineTask } from './TimelineTask.js';

/**
 * What {@link recordTimeline} recorded: every task of a group or scope on one time axis, ready for
 * {@link renderTimeline}. Plain data (JSON-serialisable), so it can be saved and drawn later.
 *
 * ## Example
 * ```ts
 * import { renderTimeline, type Timeline } from 'rxjs-asyncer/timeline';
 *
 * const timeline: Timeline = {
 *   start: 0,
 *   end: 1000,
 *   tasks: [{ id: 1, name: 'load', added: 0, started: 0, ended: 1000, outcome: 'fulfilled' }],
 * };
 * console.log(renderTimeline(timeline, { format: 'text', width: 60 }));
 * ```
 */
export interface Timeline {
  /** The start of the axis: the first event's time (`performance.now()` ms). */
  readonly start: number;
  /** The end of the axis: the last event's time, or when the recording stopped if a task still ran. */
  readonly end: number;
  /** The tasks, in the order they were added. */
  readonly tasks: readonly TimelineTask[];
}
