import type { Subscription } from 'rxjs';
import { followTaskValue, type TaskSink } from '../../src/internal/followTaskValue.js';
import type { LimiterClient, LimiterImpl, LimiterTicket } from '../../src/internal/LimiterImpl.js';
import { Queue } from './Queue.js';

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
  /** Asked for the next item when a slot is free and the queue is empty: may `push` one. */
  pull(): void;
}

/** One slot of the runner: runs one item at a time, and is reused for the next. */
class Worker<I> implements TaskSink, LimiterClient {
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

  constructor(private readonly runner: ConcurrentRunner<I>) {}

  readonly onFulfilled = (value: unknown): void => this.taskFulfilled(value);
  readonly onRejected = (error: unknown): void => this.taskFailed(error);

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
export class ConcurrentRunner<I> {
  /** items in flight (or waiting for a limiter slot) */
  running = 0;
  /** items started so far: the next item's index */
  started = 0;
  /** set once cancelled: nothing starts or reports any more */
  closed = false;
  /** shared by every task of this runner */
  private readonly controller = new AbortController();
  /** items waiting for a slot */
  private readonly queue = new Queue<I>();
  /** idle workers, to reuse */
  private readonly idle: Worker<I>[] = [];
  /** every worker made, to reach the busy ones on cancel */
  private readonly workers: Worker<I>[] = [];
  /** trampoline flags: a pump in progress, and whether it must look again */
  private pumping = false;
  private pumpAgain = false;

  constructor(
    private readonly owner: RunnerOwner<I>,
    private readonly concurrency: number,
    private readonly limiter: LimiterImpl | undefined,
  ) {}

  /** Adds an item; it starts as soon as a slot is free. */
  push(item: I): void {
    this.queue.push(item);
    this.pump();
  }

  /** Items waiting for a slot. */
  get queued(): number {
    return this.queue.length;
  }

  /** Starts queued (or pulled) items while slots are free. Re-entrant calls loop, not recurse. */
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
          if (this.queue.length === 0) {
            this.owner.pull();
            if (this.queue.length === 0) break;
          }
          this.launch(this.queue.shift());
        }
      } while (this.pumpAgain && !this.closed);
    } finally {
      this.pumping = false;
    }
  }

  /** Cancels every item in flight and drops the queue; nothing is reported afterwards. */
  cancel(reason: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.clear();
    this.controller.abort(reason);
    // waiting ones first, so that slots freed below do not go to a sibling about to be cancelled
    for (const worker of this.workers) {
      if (worker.busy && worker.ticket) {
        this.limiter!.withdraw(worker.ticket);
        worker.ticket = undefined;
        this.free(worker);
      }
    }
    // Observable tasks stop now. A promise task runs on until it sees the abort: its worker
    // stays busy, and so keeps its limiter slot, until the promise settles (see `settled`).
    for (const worker of this.workers) {
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
    const worker = this.idle.pop() ?? this.makeWorker();
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

  private makeWorker(): Worker<I> {
    const worker = new Worker(this);
    this.workers.push(worker);
    return worker;
  }

  /** Empties a worker's slot: gives back its limiter slot and makes it idle. */
  private free(worker: Worker<I>): void {
    worker.busy = false;
    worker.subscription = undefined;
    worker.item = undefined;
    this.running--;
    this.idle.push(worker);
    if (worker.holdsSlot) {
      worker.holdsSlot = false;
      this.limiter!.release();
    }
  }
}
