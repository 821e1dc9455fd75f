import type { Subscriber, TeardownLogic } from 'rxjs';
import type { Progress } from '../types/Progress.js';
import type { TaskEvent } from '../types/TaskEvent.js';

/** How a task ended, for the counts and the event. */
export type TaskOutcome = 'fulfilled' | 'failed' | 'cancelled';

/**
 * Counts a batch's tasks by where they stand, and publishes `progress$` and `events$`. The counts
 * are kept always (six integers: a late subscriber's first snapshot must be right); snapshots and
 * events are built only while somebody subscribes, so a batch nobody watches pays a few integer
 * additions per task and nothing else. Shared by task groups, scopes and the operators'
 * `progress` option.
 *
 * | call | counts |
 * |---|---|
 * | `added` | total + 1, queued + 1 |
 * | `started` | queued - 1, running + 1 |
 * | `settled(ran, outcome)` | running (or queued, if it never ran) - 1, outcome + 1 |
 * | `complete` | none: final snapshot out, every stream completes |
 * @internal
 */
export class ProgressTracker {
  total = 0;
  queued = 0;
  running = 0;
  fulfilled = 0;
  failed = 0;
  cancelled = 0;
  /** whether anybody subscribes: the one field the hot path reads */
  watched = false;
  /** set once the batch is over: late subscribers get the final snapshot and completion */
  private done = false;
  private progressSubscribers: Subscriber<Progress>[] = [];
  private eventSubscribers: Subscriber<TaskEvent>[] = [];
  /** the latest event time handed out, so times never go back (performance.now() can't, but a
   * clock of a test may) */
  private lastTime = -Infinity;

  /**
   * @param onProgress also told of each snapshot (an operator's `progress` option), if given
   * @param onComplete told once, when the batch is over (an operator's `progress` observer)
   */
  constructor(
    private readonly onProgress?: (progress: Progress) => void,
    private readonly onComplete?: () => void,
  ) {
    if (onProgress) this.watched = true;
  }

  /** Subscribes to the progress stream: the current snapshot at once, then one per change. */
  subscribeProgress(subscriber: Subscriber<Progress>): TeardownLogic {
    subscriber.next(this.snapshot());
    if (this.done) return subscriber.complete();
    return this.watch(this.progressSubscribers, subscriber);
  }

  /** Subscribes to the events stream: hot, from subscription on. */
  subscribeEvents(subscriber: Subscriber<TaskEvent>): TeardownLogic {
    if (this.done) return subscriber.complete();
    return this.watch(this.eventSubscribers, subscriber);
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

  /** A running task reported progress: an event only (the counts do not change). */
  progressed(id: number, name: string, value: unknown): void {
    if (this.eventSubscribers.length === 0) return;
    const time = (this.lastTime = Math.max(this.lastTime, performance.now()));
    const event: TaskEvent = Object.freeze({ type: 'progress', id, name, time, value });
    for (const subscriber of this.eventSubscribers.slice()) subscriber.next(event);
  }

  /** The batch is over: every stream completes, and later subscribers get the final state. */
  complete(): void {
    if (this.done) return;
    this.done = true;
    const subscribers = [...this.progressSubscribers, ...this.eventSubscribers];
    this.progressSubscribers = [];
    this.eventSubscribers = [];
    this.watched = this.onProgress !== undefined;
    for (const subscriber of subscribers) subscriber.complete();
    this.onComplete?.();
  }

  /** A frozen copy of the counts. */
  snapshot(): Progress {
    const { total, queued, running, fulfilled, failed, cancelled } = this;
    return Object.freeze({ total, queued, running, fulfilled, failed, cancelled });
  }

  private watch<T>(list: Subscriber<T>[], subscriber: Subscriber<T>): () => void {
    list.push(subscriber);
    this.watched = true;
    return () => {
      const at = list.indexOf(subscriber);
      if (at >= 0) list.splice(at, 1);
      this.watched = this.onProgress !== undefined || this.progressSubscribers.length + this.eventSubscribers.length > 0;
    };
  }

  /** @param type the event to tell `events$`; undefined for a change that is not one task's */
  private publish(type: TaskEvent['type'] | undefined, id: number, name: string, error: unknown): void {
    if (this.progressSubscribers.length > 0 || this.onProgress) {
      const progress = this.snapshot();
      this.onProgress?.(progress);
      for (const subscriber of this.progressSubscribers.slice()) subscriber.next(progress);
    }
    if (type !== undefined && this.eventSubscribers.length > 0) {
      const time = (this.lastTime = Math.max(this.lastTime, performance.now()));
      const event: TaskEvent = Object.freeze(type === 'failed' ? { type, id, name, time, error } : { type, id, name, time });
      for (const subscriber of this.eventSubscribers.slice()) subscriber.next(event);
    }
  }
}
