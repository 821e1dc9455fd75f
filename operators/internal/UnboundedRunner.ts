import type { Subscription } from 'rxjs';
import { followTaskValue, type TaskSink } from '../../src/internal/followTaskValue.js';
import { LinkedList, ListNode } from '../../src/internal/LinkedList.js';
import { NO_ITEM, type Runner, type RunnerOwner } from './ConcurrentRunner.js';

/** A running Observable (or non-promise) item: its index, and its subscription for cancel. */
class TrackedItem extends ListNode implements TaskSink {
  subscription: Subscription | undefined = undefined;

  constructor(
    private readonly runner: UnboundedRunner<unknown>,
    private readonly index: number,
  ) {
    super();
  }

  taskFulfilled(value: unknown): void {
    this.runner.settled(this, this.index, false, value);
  }

  taskFailed(error: unknown): void {
    this.runner.settled(this, this.index, true, error);
  }
}

/**
 * The runner for the unbounded, limiter-free case (gather's default, `concurrency: Infinity`):
 * every item starts as soon as it is there, so there are no slots to manage. A promise item costs
 * only its two callbacks, as in `Promise.all`; other items get a small tracked record, so that
 * cancelling can unsubscribe them.
 * @internal
 */
export class UnboundedRunner<I> implements Runner {
  running = 0;
  started = 0;
  closed = false;
  /** shared by every task of this runner */
  private readonly controller = new AbortController();
  /** items that cancelling must unsubscribe */
  private readonly tracked = new LinkedList<TrackedItem>();
  /** re-entrancy guard, as in ConcurrentRunner */
  private pumping = false;
  private pumpAgain = false;

  constructor(private readonly owner: RunnerOwner<I>) {}

  pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        for (let item = this.owner.nextItem(); item !== NO_ITEM; item = this.owner.nextItem()) {
          this.start(item);
          if (this.closed) return;
        }
      } while (this.pumpAgain && !this.closed);
    } finally {
      this.pumping = false;
    }
  }

  stop(makeReason: () => unknown): void {
    if (this.closed) return;
    if (this.running > 0) this.cancel(makeReason());
    else this.closed = true;
  }

  cancel(reason: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.controller.abort(reason);
    const subscriptions: Subscription[] = [];
    for (let item = this.tracked.head; item; item = this.tracked.next(item)) {
      if (item.subscription) subscriptions.push(item.subscription);
    }
    for (const subscription of subscriptions) subscription.unsubscribe();
  }

  /** @internal a tracked item ended */
  settled(item: TrackedItem, index: number, failed: boolean, outcome: unknown): void {
    if (!this.tracked.remove(item)) return;
    item.subscription = undefined;
    this.done(index, failed, outcome);
  }

  private start(item: I): void {
    const index = this.started++;
    this.running++;
    let result: unknown;
    try {
      result = this.owner.call(item, index, this.controller.signal);
    } catch (error) {
      this.done(index, true, error);
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (value: unknown) => this.done(index, false, value),
        (error: unknown) => this.done(index, true, error),
      );
      return;
    }
    const tracked = new TrackedItem(this as UnboundedRunner<unknown>, index);
    this.tracked.push(tracked);
    const subscription = followTaskValue(result, tracked);
    if (tracked._list) tracked.subscription = subscription;
  }

  private done(index: number, failed: boolean, outcome: unknown): void {
    this.running--;
    if (this.closed) return;
    if (failed) this.owner.failed(index, outcome);
    else this.owner.fulfilled(index, outcome);
  }
}
