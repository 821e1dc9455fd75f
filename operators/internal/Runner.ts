import { type CountTracker, teardownFailure } from '../../src/engine/index.js';

/**
 * What `nextItem` returns when there is no item to start now.
 * @internal
 */
export const NO_ITEM: unique symbol = Symbol('no item');

/**
 * What a runner serves: gather, mapConcurrent and mapConcurrentFrom.
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
 * What the operators drive, and what both runners share: starting items in order through a
 * re-entrant-safe pump, one AbortController for every task of a subscription (they are only
 * ever cancelled together), and reporting outcomes until cancelled. `ConcurrentRunner` runs under
 * a bound or a limiter, `UnboundedRunner` otherwise (see `createRunner`).
 * @internal
 */
export abstract class Runner<I = unknown> {
  /** items in flight (or waiting for a limiter slot) */
  running = 0;
  /** items started so far: the next item's index */
  started = 0;
  /** set once cancelled or stopped: nothing starts or is reported any more */
  closed = false;
  /** shared by every task of this runner */
  protected readonly controller = new AbortController();
  /** its signal, read once: Node's `signal` getter costs a few ns on every task otherwise */
  protected readonly signal = this.controller.signal;
  /** trampoline flags: a pump in progress, and whether it must look again */
  private pumping = false;
  private pumpAgain = false;

  /** counts the items for the operator's `progress` option; undefined without it */
  tracker: CountTracker | undefined = undefined;

  constructor(protected readonly owner: RunnerOwner<I>) {}

  /** Whether one more item may start now. */
  protected abstract hasRoom(): boolean;
  /** Starts one item. */
  protected abstract launch(item: I): void;
  /**
   * Stops every item in flight (the signal has already aborted). A teardown that throws does not
   * stop the others: returns what they threw (see `tryUnsubscribe`).
   */
  protected abstract cancelInFlight(): unknown[] | undefined;

  /**
   * Starts items while there is room and the owner has them. Re-entrant calls (an item that
   * ends synchronously frees room) loop instead of recursing, so a million synchronous items
   * need no deeper stack than one.
   */
  pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        while (!this.closed && this.hasRoom() && this.owner.admits(this.started)) {
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
   * Cancels everything in flight: the shared signal aborts with `reason`. Returns the errors
   * teardowns threw, for the owner to report with the failure that caused the cancel.
   */
  cancel(reason: unknown): unknown[] | undefined {
    if (this.closed) return undefined;
    this.closed = true;
    this.tracker?.cancelledRest();
    this.controller.abort(reason);
    return this.cancelInFlight();
  }

  /**
   * The subscriber left: cancels what is in flight with the reason `makeReason` builds, or, with
   * nothing in flight, only stops (no reason is built, no signal aborts).
   */
  stop(makeReason: () => unknown): void {
    if (this.closed) return;
    if (this.running === 0) {
      this.closed = true;
      this.tracker?.cancelledRest(); // values that never got a slot
      return;
    }
    const errors = this.cancel(makeReason());
    // nobody waits for an outcome any more: rxjs hands a throwing teardown's error to whoever
    // called unsubscribe(), as it does for any source
    if (errors) throw teardownFailure(errors);
  }

  /** Tells the owner how item `index` ended, unless the runner was cancelled meanwhile. */
  protected report(index: number, failed: boolean, outcome: unknown): void {
    if (this.closed) return;
    this.tracker?.settled(true, failed ? 'failed' : 'fulfilled', index, '', undefined);
    if (failed) this.owner.failed(index, outcome);
    else this.owner.fulfilled(index, outcome);
  }
}
