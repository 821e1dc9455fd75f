import { renderSvg } from './internal/renderSvg.js';
import { renderText } from './internal/renderText.js';
import type { RenderTimelineOptions } from './types/RenderTimelineOptions.js';
import type { Timeline } from './types/Timeline.js';
import { checkRenderArgs } from './internal/checks.js';

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
  const { timeline: checked, format, width } = checkRenderArgs(timeline, options);
  return format === 'text' ? renderText(checked, width) : renderSvg(checked, width);
}
