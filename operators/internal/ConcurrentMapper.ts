import { reportCleanupErrors } from '../../src/engine/index.js';
import type { MapSettings } from './checks/checkMapOptions.js';
import type { Subscriber } from 'rxjs';
import { NO_ITEM, Runner, type RunnerOwner } from './Runner.js';
import { Queue } from './Queue.js';
import { unsubscribedReason } from './unsubscribedReason.js';


/**
 * The shared core of `mapConcurrent` (fed by a push source) and `mapConcurrentFrom` (pulling
 * from an iterator): runs `project` with bounded concurrency and emits the results, in input
 * order or as they finish. One per subscription.
 * @internal
 */
export class ConcurrentMapper<T> implements RunnerOwner<T> {
  readonly runner: Runner;
  /** emit in input order */
  private readonly ordered: boolean;
  /** ordered mode: the index of the next result to emit */
  private nextEmit = 0;
  /** ordered mode: finished results waiting for an earlier one */
  private readonly waiting = new Map<number, unknown>();
  /** how far ahead of `nextEmit` an item may start */
  private readonly window: number;
  /** whether the input has ended */
  private inputDone = false;
  /** a push source's values waiting for a slot */
  private readonly queue = new Queue<T>();
  /** a lazy source: the iterator that gives the next item when a slot is free (set by mapConcurrentFrom) */
  feed: { pull(): T | typeof NO_ITEM } | undefined = undefined;

  constructor(
    private readonly subscriber: Subscriber<unknown>,
    private readonly project: (value: T, index: number, signal: AbortSignal) => unknown,
    { concurrency, ordered, limiter, progress }: MapSettings,
  ) {
    this.ordered = ordered;
    this.window = ordered ? concurrency * 2 : Infinity;
    this.runner = new Runner(this, concurrency, limiter);
    const tracker = (this.runner.tracker = progress?.());
    subscriber.add(() => {
      this.queue.clear();
      this.runner.stop(unsubscribedReason);
      tracker?.complete();
    });
  }

  call(item: T, index: number, signal: AbortSignal): unknown {
    return this.project(item, index, signal);
  }

  fulfilled(index: number, value: unknown): void {
    if (!this.ordered) {
      this.subscriber.next(value);
    } else if (index !== this.nextEmit) {
      this.waiting.set(index, value);
      return; // an earlier result is still missing: nothing to emit, nothing can complete
    } else {
      this.subscriber.next(value);
      this.nextEmit++;
      while (this.waiting.size > 0 && this.waiting.has(this.nextEmit) && !this.subscriber.closed) {
        const next = this.waiting.get(this.nextEmit);
        this.waiting.delete(this.nextEmit++);
        this.subscriber.next(next);
      }
    }
    this.completeIfDone();
  }

  failed(_index: number, error: unknown): void {
    this.fail(error);
  }

  admits(index: number): boolean {
    return index - this.nextEmit < this.window && !this.subscriber.closed;
  }

  nextItem(): T | typeof NO_ITEM {
    if (this.queue.length > 0) return this.queue.shift();
    if (!this.feed) return NO_ITEM;
    const item = this.feed.pull();
    if (item !== NO_ITEM) this.runner.tracker?.added(0, ''); // a lazy input's total grows as it is read
    return item;
  }

  /** A push source's value: queued in O(1), started as soon as a slot is free. */
  push(value: T): void {
    this.runner.tracker?.added(0, '');
    this.queue.push(value);
    this.runner.pump();
  }

  /** The input has no more items. */
  endInput(): void {
    this.inputDone = true;
    this.completeIfDone();
  }

  /** Cancels everything in flight and errors downstream. */
  fail(error: unknown): void {
    this.queue.clear();
    // the failure is the outcome; a teardown that threw while cancelling is reported apart
    reportCleanupErrors(this.runner.cancel(error));
    this.subscriber.error(error);
  }

  private completeIfDone(): void {
    if (this.inputDone && this.runner.running === 0 && this.queue.length === 0) this.subscriber.complete();
  }
}
