import { followTaskValue, type SlotClient, type Slots, type SlotTicket, type TaskSink, tryUnsubscribe } from '../../src/engine/index.js';
import type { Subscription } from 'rxjs';
import { Runner, type RunnerOwner } from './Runner.js';

/**
 * One slot of the runner: runs one item at a time, and is reused for the next, so a runner makes
 * no more workers than the most items it ever had in flight. Idle ones wait in a stack through
 * `nextIdle`.
 */
class RunnerSlot<I> implements TaskSink, SlotClient {
  /** the next idle worker, while this one is idle */
  nextIdle: RunnerSlot<I> | undefined = undefined;
  /** whether an item is in this slot */
  busy = false;
  /** the item's index */
  index = 0;
  /** the item, while it waits for a limiter slot */
  item: I | undefined = undefined;
  /** its place in the limiter's queue */
  ticket: SlotTicket | undefined = undefined;
  /** whether it holds a limiter slot */
  holdsSlot = false;
  /** an Observable task's subscription */
  subscription: Subscription | undefined = undefined;

  constructor(private readonly runner: ConcurrentRunner<I>) {}

  // bound methods rather than arrow fields: no context object per worker, and measured faster
  readonly onFulfilled: (value: unknown) => void = this.taskFulfilled.bind(this);
  readonly onRejected: (error: unknown) => void = this.taskFailed.bind(this);

  slotGranted(): void {
    this.ticket = undefined;
    this.holdsSlot = true;
    const item = this.item as I;
    this.item = undefined;
    this.runner.run(this, item);
  }

  slotFailed(error: unknown): void {
    this.ticket = undefined;
    this.item = undefined;
    if (!this.busy) return;
    this.runner.tracker?.started(this.index, ''); // progress counts it as started and failed at once
    this.runner.settled(this, true, error);
  }

  taskFulfilled(value: unknown): void {
    if (this.busy) this.runner.settled(this, false, value);
  }

  taskFailed(error: unknown): void {
    if (this.busy) this.runner.settled(this, true, error);
  }
}

/**
 * Runs items through a task function with at most `concurrency` in flight (and one slot of the
 * optional limiter each), starting them in order. All tasks of one runner share one
 * AbortController: they are only ever cancelled together.
 * @internal
 */
export class ConcurrentRunner<I> extends Runner<I> {
  /** the top of the stack of idle workers, to reuse */
  private idle: RunnerSlot<I> | undefined = undefined;
  /** every worker made (as many as the most items ever in flight), to reach busy ones on cancel */
  private readonly workers: RunnerSlot<I>[] = [];

  constructor(
    owner: RunnerOwner<I>,
    private readonly concurrency: number,
    private readonly limiter: Slots | undefined,
  ) {
    super(owner);
  }

  protected hasRoom(): boolean {
    return this.running < this.concurrency;
  }

  protected cancelInFlight(): unknown[] | undefined {
    const busy = this.workers.filter((worker) => worker.busy);
    // waiting ones first, so that slots freed below do not go to a sibling about to be cancelled
    for (const worker of busy) {
      if (worker.busy && worker.ticket) {
        this.limiter!.withdrawSlot(worker.ticket);
        worker.ticket = undefined;
        this.free(worker);
      }
    }
    // Observable tasks stop now. A promise task runs on until it sees the abort: its worker
    // stays busy, and so keeps its limiter slot, until the promise settles (see `settled`).
    let errors: unknown[] | undefined;
    for (const worker of busy) {
      const subscription = worker.subscription;
      if (!worker.busy || !subscription) continue;
      this.free(worker);
      errors = tryUnsubscribe(subscription, errors);
    }
    return errors;
  }

  /** @internal called by a worker that got its limiter slot */
  run(worker: RunnerSlot<I>, item: I): void {
    let result: unknown;
    let isPromise: boolean;
    try {
      this.tracker?.started(worker.index, '');
      result = this.owner.call(item, worker.index, this.signal);
      isPromise = result instanceof Promise; // may throw (a revoked Proxy): the task fails with it
    } catch (error) {
      this.settled(worker, true, error);
      return;
    }
    // a native promise, the common case, is followed here: no call into the task value rule
    if (isPromise) {
      (result as Promise<unknown>).then(worker.onFulfilled, worker.onRejected);
      return;
    }
    const subscription = followTaskValue(result, worker);
    if (worker.busy && !this.closed) worker.subscription = subscription;
  }

  /** @internal a worker's task ended */
  settled(worker: RunnerSlot<I>, failed: boolean, outcome: unknown): void {
    this.free(worker);
    this.report(worker.index, failed, outcome);
    this.pump();
  }

  protected launch(item: I): void {
    let worker = this.idle;
    if (worker) {
      this.idle = worker.nextIdle;
    } else {
      worker = new RunnerSlot(this);
      this.workers.push(worker);
    }
    worker.busy = true;
    worker.index = this.started++;
    this.running++;
    if (this.limiter) {
      worker.item = item;
      worker.ticket = this.limiter.acquireSlot(worker);
    } else {
      this.run(worker, item);
    }
  }

  /** Empties a worker's slot: gives back its limiter slot and makes it idle. */
  private free(worker: RunnerSlot<I>): void {
    worker.busy = false;
    worker.subscription = undefined;
    worker.item = undefined;
    this.running--;
    worker.nextIdle = this.idle;
    this.idle = worker;
    if (worker.holdsSlot) {
      worker.holdsSlot = false;
      this.limiter!.releaseSlot(worker);
    }
  }
}
