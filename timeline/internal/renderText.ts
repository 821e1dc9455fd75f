import type { Timeline } from '../types/Timeline.js';
import { durationOf, formatDuration, labelOf } from './axis.js';

const MARKS = { fulfilled: '', failed: ' ✗ failed', cancelled: ' ⊘ cancelled', running: ' … running' } as const;
/** the widest mark, so that every row has the same width */
const MARK_WIDTH = 12;
const DURATION_WIDTH = 8;

/**
 * The text timeline: a header with the axis's ends, then one row per task: its name, a bar on the
 * shared axis (`░` while it waited to start, `█` while it ran), its duration, and a mark for a
 * failed, cancelled or still running task. Every line fits in `width` columns.
 * @internal
 */
export function renderText(timeline: Timeline, width: number): string {
  const { start, end, tasks } = timeline;
  const span = end - start;
  const nameWidth = Math.min(Math.max(4, ...tasks.map((task) => labelOf(task).length)), 16, Math.floor(width / 4));
  const barWidth = width - nameWidth - 4 - DURATION_WIDTH - MARK_WIDTH;
  const column = (time: number): number => (span <= 0 ? 0 : Math.round(((time - start) / span) * barWidth));

  const right = formatDuration(span);
  const lines = [`${' '.repeat(nameWidth + 2)}0${right.padStart(barWidth - 1)}`];
  for (const task of tasks) {
    const label = labelOf(task);
    const name = label.length > nameWidth ? `${label.slice(0, nameWidth - 1)}…` : label.padEnd(nameWidth);
    const added = column(task.added);
    const started = task.started === undefined ? undefined : column(task.started);
    let ended = column(task.ended ?? end);
    if (ended <= (started ?? added)) ended = Math.min(barWidth, (started ?? added) + 1); // at least one cell
    const cells: string[] = new Array<string>(barWidth).fill(' ');
    for (let c = added; c < ended; c++) cells[c] = started !== undefined && c >= started ? '█' : '░';
    const duration = formatDuration(durationOf(task, end)).padStart(DURATION_WIDTH);
    lines.push(`${name} │${cells.join('')}│${duration}${MARKS[task.outcome]}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
