import { Subject, type Subscriber, type TeardownLogic } from 'rxjs';
import type { Progress } from '../types/Progress.js';
import type { TaskEvent } from '../types/TaskEvent.js';
import { CountTracker } from './CountTracker.js';

export type { TaskOutcome } from './CountTracker.js';

/**
 * A {@link CountTracker} that also publishes `progress$` and `events$`, for task groups and
 * scopes. The counts are kept always (six integers: a late subscriber's first snapshot must be
 * right); snapshots and events are built only while somebody subscribes, so a batch nobody
 * watches pays a few integer additions per task and nothing else.
 *
 * Subscribers are kept by two rxjs Subjects: rxjs is already in every user's bundle, so their
 * bookkeeping (a snapshot per emission, completion of late subscribers) costs no bytes here.
 * @internal
 */
export class ProgressTracker extends CountTracker {
  private readonly progress = new Subject<Progress>();
  private readonly events = new Subject<TaskEvent>();
  /** set once the batch is over */
  private done = false;
  /** the latest event time handed out, so times never go back (performance.now() can't, but a
   * clock of a test may) */
  private lastTime = -Infinity;

  /** Subscribes to the progress stream: the current snapshot at once, then one per change. */
  subscribeProgress(subscriber: Subscriber<Progress>): TeardownLogic {
    subscriber.next(this.snapshot());
    return this.watch(this.progress, subscriber);
  }

  /** Subscribes to the events stream: hot, from subscription on. */
  subscribeEvents(subscriber: Subscriber<TaskEvent>): TeardownLogic {
    return this.watch(this.events, subscriber);
  }

  /** A running task reported progress: an event only (the counts do not change). */
  progressed(id: number, name: string, value: unknown): void {
    if (this.events.observed) this.events.next(Object.freeze({ type: 'progress', id, name, time: this.now(), value }));
  }

  /**
   * A task already cancelled settled afterwards with `error` (an HTTP client's own abort error,
   * say): not a failure, an event only, so that it can still be seen while debugging.
   */
  echoed(id: number, name: string, error: unknown): void {
    if (this.events.observed) this.events.next(Object.freeze({ type: 'echo', id, name, time: this.now(), error }));
  }

  /** The batch is over: every stream completes, and later subscribers get the final state. */
  override complete(): void {
    if (this.done) return;
    this.done = true;
    this.progress.complete();
    this.events.complete();
    this.watched = this.onProgress !== undefined;
    this.onComplete?.();
  }

  /** Subscribes through `subject` and keeps `watched` true while anyone listens. */
  private watch<T>(subject: Subject<T>, subscriber: Subscriber<T>): TeardownLogic {
    const subscription = subject.subscribe(subscriber);
    if (subject.observed) this.watched = true; // not after completion: there is nothing left to publish
    return () => {
      subscription.unsubscribe();
      this.watched = this.onProgress !== undefined || this.progress.observed || this.events.observed;
    };
  }

  /** A timestamp for an event, never earlier than the one before. */
  private now(): number {
    return (this.lastTime = Math.max(this.lastTime, performance.now()));
  }

  protected override publish(type: TaskEvent['type'] | undefined, id: number, name: string, error: unknown): void {
    if (this.progress.observed || this.onProgress) {
      const progress = this.snapshot();
      this.onProgress?.(progress);
      this.progress.next(progress);
    }
    if (type !== undefined && this.events.observed) {
      const time = this.now();
      this.events.next(Object.freeze(type === 'failed' ? { type, id, name, time, error } : { type, id, name, time }));
    }
  }
}
