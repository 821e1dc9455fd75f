import { renderSvg } from './internal/renderSvg.js';
import { renderText } from './internal/renderText.js';
import type { RenderTimelineOptions } from './types/RenderTimelineOptions.js';
import type { Timeline } from './types/Timeline.js';
import { describe, readOptions } from '../src/engine/index.js';

const TIMELINE_FIELDS = ['start', 'end', 'tasks'] as const satisfies readonly (keyof Timeline)[];
const OPTIONS = ['format', 'width'] as const satisfies readonly (keyof RenderTimelineOptions)[];

/**
 * Draws a {@link Timeline}: one row per task on a shared time axis, so you can *see* what ran
 * concurrently, what waited and what failed.
 *
 * - `format: 'text'`: for a terminal, `width` columns (default 80): the task's name, a bar from
 *   its start to its end (`░` while it waited for a slot, `█` while it ran), its duration, and a
 *   mark for failed (`✗`), cancelled (`⊘`) and still running (`…`) tasks.
 * - `format: 'svg'`: the same picture as a self-contained SVG document, `width` pixels wide
 *   (default 800), with a time axis in ms or s and a tooltip on each bar.
 *
 * ## Example
 * ```ts
 * import { renderTimeline } from 'rxjs-asyncer/timeline';
 *
 * const timeline = {
 *   start: 0,
 *   end: 3000,
 *   tasks: [
 *     { id: 1, name: 'Yury', added: 0, started: 0, ended: 1000, outcome: 'fulfilled' },
 *     { id: 2, name: 'Nathaniel', added: 0, started: 1000, ended: 2000, outcome: 'fulfilled' },
 *     { id: 3, name: 'Alex', added: 0, started: 2000, ended: 3000, outcome: 'fulfilled' },
 *   ],
 * } as const;
 * console.log(renderTimeline(timeline, { format: 'text', width: 60 }));
 * // Logs:
 * //            0                    3.00 s
 * // Yury      │█████████                  │ 1000 ms
 * // Nathaniel │░░░░░░░░░█████████         │ 1000 ms
 * // Alex      │░░░░░░░░░░░░░░░░░░█████████│ 1000 ms
 * ```
 *
 * @param timeline what `recordTimeline(...).stop()` returned (or the same shape, saved earlier).
 * @param options `format` and `width`.
 * @returns the text (lines ending in `\n`) or the SVG document.
 * @throws {TypeError | RangeError} when the timeline or an option is invalid.
 */
export function renderTimeline(timeline: Timeline, options: RenderTimelineOptions): string {
  const caller = 'renderTimeline(timeline, options)';
  if (typeof timeline !== 'object' || timeline === null) {
    throw new TypeError(`${caller}: timeline must be a Timeline ({ start, end, tasks }), got ${describe(timeline)}`);
  }
  const { start, end, tasks } = readOptions(timeline, TIMELINE_FIELDS, `${caller}: timeline`);
  if (!Array.isArray(tasks) || !Number.isFinite(start) || !Number.isFinite(end)) {
    throw new TypeError(`${caller}: timeline must be a Timeline ({ start, end, tasks }), got ${describe(timeline)}`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${caller}: options must be an object { format }, got ${describe(options)}`);
  }
  const read = readOptions(options, OPTIONS, `${caller}: options`);
  const { format } = read;
  if (format !== 'text' && format !== 'svg') {
    throw new TypeError(`${caller}: options.format must be 'text' or 'svg', got ${describe(format)}`);
  }
  const min = format === 'text' ? 40 : 300;
  const width = read.width ?? (format === 'text' ? 80 : 800);
  if (typeof width !== 'number' || !Number.isInteger(width) || width < min) {
    throw new RangeError(`${caller}: options.width must be an integer >= ${min} for ${format}, got ${describe(width)}`);
  }
  const checked = { start: start as number, end: end as number, tasks: tasks as Timeline['tasks'] };
  return format === 'text' ? renderText(checked, width) : renderSvg(checked, width);
}
