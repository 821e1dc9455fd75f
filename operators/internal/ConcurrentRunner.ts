import type { Subscription } from 'rxjs';
import { followTaskValue, type TaskSink } from '../../src/internal/followTaskValue.js';
import type { LimiterClient, LimiterImpl, LimiterTicket } from '../../src/internal/LimiterImpl.js';
import { LinkedList, ListNode } from '../../src/internal/LinkedList.js';

/**
 * What `nextItem` returns when there is no item to start now.
 * @internal
 */
export const NO_ITEM: unique symbol = Symbol('no item');

/**
 * What a {@link ConcurrentRunner} serves: gather, mapConcurrent and mapConcurrentFrom.
 * @internal
 */
export interface RunnerOwner<I> {
  /** Starts the task for `item`; returns what the task function returned (may throw). */
  call(item: I, index: number, signal: AbortSignal): unknown;
  /** The task for item `index` succeeded, with its value by the task value rule. */
  fulfilled(index: number, value: unknown): void;
  /** The task for item `index` failed. */
  failed(index: number, error: unknown): void;
  /** Whether the item with index `index` may start now (ordered mode bounds its lookahead). */
  admits(index: number): boolean;
  /**
   * The next item, asked for only when a slot is free and the item is admitted, so a lazy source
   * is read exactly as fast as items start. `NO_ITEM` when none is ready (call `pump` once one is).
   */
  nextItem(): I | typeof NO_ITEM;
}

/**
 * What the operators drive: `ConcurrentRunner` under a bound or a limiter, `UnboundedRunner`
 * otherwise (see `createRunner`).
 * @internal
 */
export interface Runner {
  /** items in flight */
  readonly running: number;
  /** set once cancelled or stopped */
  readonly closed: boolean;
  /** Starts items while it may. */
  pump(): void;
  /** Cancels everything in flight: the shared signal aborts with `reason`. */
  cancel(reason: unknown): void;
  /** The subscriber left: cancels what is in flight, building the reason only if needed. */
  stop(makeReason: () => unknown): void;
}

/**
 * One slot of the runner: runs one item at a time, and is reused for the next. Busy workers are
 * linked in the runner's `busy` list, idle ones in a stack through `nextIdle`: no array grows
 * with the number of items.
 */
class Worker<I> extends ListNode implements TaskSink, LimiterClient {
  /** the next idle worker, while this one is idle */
  nextIdle: Worker<I> | undefined = undefined;
  /** whether an item is in this slot */
  busy = false;
  /** the item's index */
  index = 0;
  /** the item, while it waits for a limiter slot */
  item: I | undefined = undefined;
  /** its place in the limiter's queue */
  ticket: LimiterTicket | undefined = undefined;
  /** whether it holds a limiter slot */
  holdsSlot = false;
  /** an Observable task's subscription */
  subscription: Subscription | undefined = undefined;

  constructor(private readonly runner: ConcurrentRunner<I>) {
    super();
  }

  // bound methods rather than arrow fields: no context object per worker
  readonly onFulfilled: (value: unknown) => void = this.taskFulfilled.bind(this);
  readonly onRejected: (error: unknown) => void = this.taskFailed.bind(this);

  limiterGranted(): void {
    this.ticket = undefined;
    this.holdsSlot = true;
    const item = this.item as I;
    this.item = undefined;
    this.runner.run(this, item);
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
export class ConcurrentRunner<I> implements Runner {
  /** items in flight (or waiting for a limiter slot) */
  running = 0;
  /** items started so far: the next item's index */
  started = 0;
  /** set once cancelled: nothing starts or reports any more */
  closed = false;
  /** shared by every task of this runner */
  private readonly controller = new AbortController();
  /** the top of the stack of idle workers, to reuse */
  private idle: Worker<I> | undefined = undefined;
  /** workers with an item, to reach them on cancel */
  private readonly busy = new LinkedList<Worker<I>>();
  /** trampoline flags: a pump in progress, and whether it must look again */
  private pumping = false;
  private pumpAgain = false;

  constructor(
    private readonly owner: RunnerOwner<I>,
    private readonly concurrency: number,
    private readonly limiter: LimiterImpl | undefined,
  ) {}

  /** Starts items while slots are free. Re-entrant calls loop, not recurse. */
  pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        while (!this.closed && this.running < this.concurrency && this.owner.admits(this.started)) {
          const item = this.owner.nextItem();
          if (item === NO_ITEM) break;
          this.launch(item);
        }
      } while (this.pumpAgain && !this.closed);
    } finally {
      this.pumping = false;
    }
  }

  /**
   * The subscriber left: cancels what is in flight with the reason `makeReason` builds, or, with
   * nothing in flight, only stops (no reason is built, no signal aborts).
   */
  stop(makeReason: () => unknown): void {
    if (this.closed) return;
    if (this.running > 0) this.cancel(makeReason());
    else this.closed = true;
  }

  /** Cancels every item in flight; nothing starts or is reported afterwards. */
  cancel(reason: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.controller.abort(reason);
    // a snapshot: unsubscribing runs user code, and freeing unlinks workers
    const busy: Worker<I>[] = [];
    for (let worker = this.busy.head; worker; worker = this.busy.next(worker)) busy.push(worker);
    // waiting ones first, so that slots freed below do not go to a sibling about to be cancelled
    for (const worker of busy) {
      if (worker.busy && worker.ticket) {
        this.limiter!.withdraw(worker.ticket);
        worker.ticket = undefined;
        this.free(worker);
      }
    }
    // Observable tasks stop now. A promise task runs on until it sees the abort: its worker
    // stays busy, and so keeps its limiter slot, until the promise settles (see `settled`).
    for (const worker of busy) {
      const subscription = worker.subscription;
      if (!worker.busy || !subscription) continue;
      this.free(worker);
      subscription.unsubscribe();
    }
  }

  /** @internal called by a worker that got its limiter slot */
  run(worker: Worker<I>, item: I): void {
    let result: unknown;
    try {
      result = this.owner.call(item, worker.index, this.controller.signal);
    } catch (error) {
      this.settled(worker, true, error);
      return;
    }
    const subscription = followTaskValue(result, worker);
    if (worker.busy && !this.closed) worker.subscription = subscription;
  }

  /** @internal a worker's task ended */
  settled(worker: Worker<I>, failed: boolean, outcome: unknown): void {
    const index = worker.index;
    this.free(worker);
    if (this.closed) return;
    if (failed) this.owner.failed(index, outcome);
    else this.owner.fulfilled(index, outcome);
    this.pump();
  }

  private launch(item: I): void {
    let worker = this.idle;
    if (worker) this.idle = worker.nextIdle;
    else worker = new Worker(this);
    this.busy.push(worker);
    worker.busy = true;
    worker.index = this.started++;
    this.running++;
    if (this.limiter) {
      worker.item = item;
      worker.ticket = this.limiter.acquire(worker);
    } else {
      this.run(worker, item);
    }
  }

  /** Empties a worker's slot: gives back its limiter slot and makes it idle. */
  private free(worker: Worker<I>): void {
    worker.busy = false;
    worker.subscription = undefined;
    worker.item = undefined;
    this.running--;
    this.busy.remove(worker);
    // keep it for reuse only under a finite bound: unbounded, every item has started at once and
    // a kept worker would only survive into the old generation for nothing
    if (this.concurrency !== Infinity) {
      worker.nextIdle = this.idle;
      this.idle = worker;
    }
    if (worker.holdsSlot) {
      worker.holdsSlot = false;
      this.limiter!.release();
    }
  }
}
