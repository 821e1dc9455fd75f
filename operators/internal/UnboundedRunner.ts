import { followTaskValue, type TaskSink, tryUnsubscribe } from '../../src/engine/index.js';
import type { Subscription } from 'rxjs';
import { Runner } from './Runner.js';

/** A running Observable (or non-promise) item: its index, and its subscription for cancel. */
class TrackedItem implements TaskSink {
  subscription: Subscription | undefined = undefined;

  constructor(
    private readonly runner: UnboundedRunner<unknown>,
    private readonly index: number,
  ) {}

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
export class UnboundedRunner<I> extends Runner<I> {
  /** items that cancelling must unsubscribe, in start order (a Set: native code, no list of our own in the bundle) */
  private readonly tracked = new Set<TrackedItem>();

  protected hasRoom(): boolean {
    return true;
  }

  protected cancelInFlight(): unknown[] | undefined {
    // a snapshot: a teardown may end other items, which takes them out of the set
    const subscriptions: Subscription[] = [];
    for (const item of this.tracked) if (item.subscription) subscriptions.push(item.subscription);
    let errors: unknown[] | undefined;
    for (const subscription of subscriptions) errors = tryUnsubscribe(subscription, errors);
    return errors;
  }

  /** @internal a tracked item ended */
  settled(item: TrackedItem, index: number, failed: boolean, outcome: unknown): void {
    if (!this.tracked.delete(item)) return;
    item.subscription = undefined;
    this.done(index, failed, outcome);
  }

  protected launch(item: I): void {
    const index = this.started++;
    this.running++;
    let result: unknown;
    let isPromise: boolean;
    try {
      this.tracker?.started(index, '');
      result = this.owner.call(item, index, this.signal);
      isPromise = result instanceof Promise; // may throw (a revoked Proxy): the task fails with it
    } catch (error) {
      this.done(index, true, error);
      return;
    }
    if (isPromise) {
      (result as Promise<unknown>).then(
        (value: unknown) => this.done(index, false, value),
        (error: unknown) => this.done(index, true, error),
      );
      return;
    }
    const tracked = new TrackedItem(this as UnboundedRunner<unknown>, index);
    this.tracked.add(tracked);
    const subscription = followTaskValue(result, tracked);
    if (this.tracked.has(tracked)) tracked.subscription = subscription;
  }

  private done(index: number, failed: boolean, outcome: unknown): void {
    this.running--;
    this.report(index, failed, outcome);
  }
}
