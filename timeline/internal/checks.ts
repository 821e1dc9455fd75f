import type { Observable } from 'rxjs';
import type { TaskEvent } from '../../src/index.js';
import { assertObject, mustBe, optionKeys, readFields, readOptions } from '../../src/engine/index.js';
import type { RenderTimelineOptions } from '../types/RenderTimelineOptions.js';
import type { Timeline } from '../types/Timeline.js';

// The argument checks of rxjs-asyncer/timeline, built from the engine's (one message format).

const TIMELINE_FIELDS = optionKeys<Timeline>()(['start', 'end', 'tasks']);
const RENDER_OPTIONS = optionKeys<RenderTimelineOptions>()(['format', 'width']);

/**
 * `recordTimeline(source)`: the source's `events$`, read once (a getter that throws or a revoked
 * Proxy is refused like any other non-source).
 * @internal
 */
export function checkRecordSource(source: unknown): Observable<TaskEvent> {
  let events$: unknown;
  try {
    events$ = (source as { events$?: unknown } | null)?.events$;
  } catch {
    events$ = undefined;
  }
  if (typeof (events$ as Observable<TaskEvent> | undefined)?.subscribe !== 'function') {
    mustBe('recordTimeline(source): source', 'a TaskGroup or a Scope (with events$)', source);
  }
  return events$ as Observable<TaskEvent>;
}

/**
 * `renderTimeline(timeline, options)`'s arguments, checked: the timeline's fields (other fields
 * of saved data are left alone), the format and the width.
 * @internal
 */
export function checkRenderArgs(timeline: unknown, options: unknown): { readonly timeline: Timeline; readonly format: 'text' | 'svg'; readonly width: number } {
  const caller = 'renderTimeline(timeline, options)';
  const shape = 'a Timeline ({ start, end, tasks })';
  assertObject(timeline, `${caller}: timeline`, '{ start, end, tasks }');
  const { start, end, tasks } = readFields(timeline, TIMELINE_FIELDS, `${caller}: timeline`);
  if (!Array.isArray(tasks) || !Number.isFinite(start) || !Number.isFinite(end)) mustBe(`${caller}: timeline`, shape, timeline);
  assertObject(options, `${caller}: options`, '{ format }');
  const read = readOptions(options, RENDER_OPTIONS, `${caller}: options`);
  const { format } = read;
  if (format !== 'text' && format !== 'svg') mustBe(`${caller}: options.format`, "'text' or 'svg'", format);
  const min = format === 'text' ? 40 : 300;
  const width = read.width ?? (format === 'text' ? 80 : 800);
  if (typeof width !== 'number') mustBe(`${caller}: options.width`, `an integer >= ${min} for ${format}`, width);
  if (!Number.isInteger(width) || width < min) mustBe(`${caller}: options.width`, `an integer >= ${min} for ${format}`, width, true);
  return { timeline: { start: start as number, end: end as number, tasks: tasks as Timeline['tasks'] }, format, width };
}
