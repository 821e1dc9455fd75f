import type { Scope, TaskEvent, TaskGroup } from '../src/index.js';
import { buildTimeline } from './internal/buildTimeline.js';
import { checkRecordSource } from './internal/checks.js';
import type { TimelineRecording } from './types/TimelineRecording.js';

/**
 * Records a group's or scope's tasks (their `events$`) for a timeline: when each was added,
 * started and ended, and how.
 *
 * Recording starts at the call: subscribe before adding the tasks you want to see (tasks added
 * earlier appear from their next event on). `stop()` ends the recording and returns the
 * {@link Timeline}; the recording also keeps what it saw after the group closes, so calling `stop()`
 * after `join()` is the usual order. While nothing records, the group computes no events at all.
 *
 * ## Example
 * ```ts
 * import { createTaskGroup } from 'rxjs-asyncer';
 * import { recordTimeline, renderTimeline } from 'rxjs-asyncer/timeline';
 *
 * const tg = createTaskGroup();
 * const recording = recordTimeline(tg);
 * for (const name of ['Yury', 'Nathaniel', 'Alex']) tg.soonify(doWork, { name })(name);
 * await tg.join();
 * console.log(renderTimeline(recording.stop(), { format: 'text' }));
 * ```
 *
 * @param source a task group or a scope (anything with `events$`).
 * @returns the recording; call `stop()` to get the timeline.
 * @throws {TypeError} when `source` has no `events$` Observable.
 */
export function recordTimeline(source: TaskGroup | Scope): TimelineRecording {
  const events$ = checkRecordSource(source);
  const events: TaskEvent[] = [];
  const subscription = events$.subscribe((event) => events.push(event));
  let timeline: ReturnType<typeof buildTimeline> | undefined;
  return {
    stop() {
      subscription.unsubscribe();
      return (timeline ??= buildTimeline(events, performance.now()));
    },
  };
}
