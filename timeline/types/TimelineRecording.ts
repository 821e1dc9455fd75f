import type { Timeline } from './Timeline.js';

/**
 * A recording under way, from {@link recordTimeline}.
 *
 * ## Example
 * ```ts
 * import { recordTimeline } from 'rxjs-asyncer/timeline';
 *
 * const recording = recordTimeline(tg);
 * await tg.join();
 * const timeline = recording.stop();
 * ```
 */
export interface TimelineRecording {
  /** Stops recording (unsubscribes from the events) and returns what was recorded. Idempotent. */
  stop(): Timeline;
}
