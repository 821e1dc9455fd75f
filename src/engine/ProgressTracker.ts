import type { Subscriber, TeardownLogic } from 'rxjs';
import type { Progress } from '../types/Progress.js';
import type { TaskEvent } from '../types/TaskEvent.js';
import { CountTracker } from './CountTracker.js';

export type { TaskOutcome } from './CountTracker.js';

/**
 * A {@link CountTracker} that also publishes `progress$` and `events$`, for task groups and
 * scopes. The counts are kept always (six integers: a late subscriber's first snapshot must be
 * right); snapshots and events are built only while somebody subscribes, so a batch nobody
 * watches pays a few integer additions per task and nothing else.
 * @internal
 */
export class ProgressTracker extends CountTracker {
  /** set once the batch is over: late subscribers get the final snapshot and completion */
  private done = false;
  private progressSubscribers: Subscriber<Progress>[] = [];
  private eventSubscribers: Subscriber<TaskEvent>[] = [];
  /** the latest event time handed out, so times never go back (performance.now() can't, but a
   * clock of a test may) */
  private lastTime = -Infinity;

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

  /** A running task reported progress: an event only (the counts do not change). */
  progressed(id: number, name: string, value: unknown): void {
    if (this.eventSubscribers.length === 0) return;
    const time = (this.lastTime = Math.max(this.lastTime, performance.now()));
    const event: TaskEvent = Object.freeze({ type: 'progress', id, name, time, value });
    for (const subscriber of this.eventSubscribers.slice()) subscriber.next(event);
  }

  /** The batch is over: every stream completes, and later subscribers get the final state. */
  override complete(): void {
    if (this.done) return;
    this.done = true;
    const subscribers = [...this.progressSubscribers, ...this.eventSubscribers];
    this.progressSubscribers = [];
    this.eventSubscribers = [];
    this.watched = this.onProgress !== undefined;
    for (const subscriber of subscribers) subscriber.complete();
    this.onComplete?.();
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

  protected override publish(type: TaskEvent['type'] | undefined, id: number, name: string, error: unknown): void {
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
