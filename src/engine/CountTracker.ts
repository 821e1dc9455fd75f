import type { Progress } from '../types/Progress.js';
import type { TaskEvent } from '../types/TaskEvent.js';

/** How a task ended, for the counts and the event. */
export type TaskOutcome = 'fulfilled' | 'failed' | 'cancelled';

/**
 * Counts a batch's tasks by where they stand and tells one callback of each change: all an
 * operator's `progress` option needs, so an operator's bundle carries no streams.
 * {@link ProgressTracker} adds `progress$` and `events$` for groups and scopes.
 *
 * | call | counts |
 * |---|---|
 * | `added` | total + 1, queued + 1 |
 * | `started` | queued - 1, running + 1 |
 * | `settled(ran, outcome)` | running (or queued, if it never ran) - 1, outcome + 1 |
 * | `complete` | none: the batch is over |
 * @internal
 */
export class CountTracker {
  total = 0;
  queued = 0;
  running = 0;
  fulfilled = 0;
  failed = 0;
  cancelled = 0;
  /** whether anybody listens: the one field the hot path reads */
  watched = false;

  /**
   * @param onProgress told of each snapshot (an operator's `progress` option), if given
   * @param onComplete told once, when the batch is over (an operator's `progress` observer)
   */
  constructor(
    protected readonly onProgress?: (progress: Progress) => void,
    protected readonly onComplete?: () => void,
  ) {
    if (onProgress) this.watched = true;
  }

  added(id: number, name: string): void {
    this.total++;
    this.queued++;
    if (this.watched) this.publish('added', id, name, undefined);
  }

  started(id: number, name: string): void {
    this.queued--;
    this.running++;
    if (this.watched) this.publish('started', id, name, undefined);
  }

  /** `count` tasks added at once (an operator's array or record): one snapshot, no events. */
  addedMany(count: number): void {
    this.total += count;
    this.queued += count;
    if (this.watched && count > 0) this.publish(undefined, 0, '', undefined);
  }

  /** A batch was cancelled: every task queued or running counts as cancelled, in one snapshot. */
  cancelledRest(): void {
    const rest = this.queued + this.running;
    if (rest === 0) return;
    this.cancelled += rest;
    this.queued = this.running = 0;
    if (this.watched) this.publish(undefined, 0, '', undefined);
  }

  /** @param ran whether the task's function was called (it was `running`, not `queued`) */
  settled(ran: boolean, outcome: TaskOutcome, id: number, name: string, error: unknown): void {
    if (ran) this.running--;
    else this.queued--;
    // a switch, not `this[outcome]++`: a keyed store with a variable key is slow on the hot path
    if (outcome === 'fulfilled') this.fulfilled++;
    else if (outcome === 'failed') this.failed++;
    else this.cancelled++;
    if (this.watched) this.publish(outcome, id, name, error);
  }

  /** The batch is over. */
  complete(): void {
    this.onComplete?.();
  }

  /** A frozen copy of the counts. */
  snapshot(): Progress {
    const { total, queued, running, fulfilled, failed, cancelled } = this;
    return Object.freeze({ total, queued, running, fulfilled, failed, cancelled });
  }

  /** @param type the event, for trackers that tell events; undefined for a change that is not one task's */
  protected publish(_type: TaskEvent['type'] | undefined, _id: number, _name: string, _error: unknown): void {
    this.onProgress?.(this.snapshot());
  }
}
