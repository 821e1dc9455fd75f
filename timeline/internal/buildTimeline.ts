import type { TaskEvent } from '../../src/index.js';
import type { Timeline } from '../types/Timeline.js';
import type { TimelineTask } from '../types/TimelineTask.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Folds task events into a timeline: one row per task id, in the order tasks were added.
 * @param stoppedAt when the recording stopped: the axis ends there if a task still ran
 * @internal
 */
export function buildTimeline(events: readonly TaskEvent[], stoppedAt: number): Timeline {
  const rows = new Map<number, Mutable<TimelineTask>>();
  for (const event of events) {
    let row = rows.get(event.id);
    if (!row) {
      row = { id: event.id, name: event.name, added: event.time, outcome: 'running' };
      rows.set(event.id, row);
    }
    if (event.type === 'started') row.started = event.time;
    // an echo comes after its task's 'cancelled', which already ended the row
    else if (event.type !== 'added' && event.type !== 'progress' && event.type !== 'echo') {
      row.ended = event.time;
      row.outcome = event.type;
    }
  }
  const tasks = [...rows.values()];
  const start = events.length > 0 ? events[0]!.time : stoppedAt;
  const stillRunning = tasks.some((task) => task.ended === undefined);
  const end = stillRunning || events.length === 0 ? stoppedAt : events[events.length - 1]!.time;
  return { start, end: Math.max(end, start), tasks };
}
