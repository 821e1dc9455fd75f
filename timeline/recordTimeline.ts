import type { Observable } from 'rxjs';
import type { Scope, TaskEvent, TaskGroup } from '../src/index.js';
import { buildTimeline } from './internal/buildTimeline.js';
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
  const events$ = readEvents(source);
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

function readEvents(source: unknown): Observable<TaskEvent> {
  let events$: unknown;
  try {
    events$ = (source as { events$?: unknown } | null)?.events$;
  } catch {
    events$ = undefined;
  }
  if (typeof (events$ as Observable<TaskEvent> | undefined)?.subscribe !== 'function') {
    throw new TypeError(`recordTimeline(source): source must be a TaskGroup or a Scope, got ${describeSource(source)}`);
  }
  return events$ as Observable<TaskEvent>;
}

const describeSource = (value: unknown): string =>
  value === null ? 'null' : typeof value === 'object' ? '[object without events$]' : typeof value === 'string' ? JSON.stringify(value) : String(value);
