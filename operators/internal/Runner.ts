import {
  ContextCarrier,
  type CountTracker,
  followTaskValue,
  type SlotClient,
  type SlotHolder,
  slotHolder,
  type Slots,
  type SlotTicket,
  type TaskSink,
  teardownFailure,
  type TraceOfWork,
  tracing,
  tryUnsubscribe,
} from '../../src/engine/index.js';
import type { Subscription } from 'rxjs';

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
  /** The task for item `index` failed (-1: one of gather's batch, where `Promise.all` does not say which). */
  failed(index: number, error: unknown): void;
  /** Whether the item with index `index` may start now (ordered mode bounds its lookahead). */
  admits(index: number): boolean;
  /**
   * The next item, asked for only when a lane is free and the item is admitted, so a lazy source
   * is read exactly as fast as items start. `NO_ITEM` when none is ready (call `pump` once one is).
   */
  nextItem(): I | typeof NO_ITEM;
}

/**
 * One lane of the runner: runs one item at a time, and is reused for the next, so a runner makes
 * no more lanes than the most items it ever had in flight. Idle ones wait in a stack through
 * `nextIdle`.
 */
class RunnerLane<I> implements TaskSink, SlotClient, SlotHolder {
  /** the next idle lane, while this one is idle */
  nextIdle: RunnerLane<I> | undefined = undefined;
  /** whether an item is in this lane */
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

  /** with a limiter: the subscription's async context, which a limiter hands slots over in */
  _carrier: ContextCarrier | undefined = undefined;

  constructor(private readonly runner: Runner<I>) {}

  readonly onFulfilled: (value: unknown) => void = this.taskFulfilled.bind(this);
  readonly onRejected: (error: unknown) => void = this.taskFailed.bind(this);

  slotGranted(): void {
    this.ticket = undefined;
    this.holdsSlot = true;
    const item = this.item as I;
    this.item = undefined;
    this.runner.run(this, item);
  }

  /** Its slot went to another holder (a Redis lease run out in a stall): the item fails, which errors the output and aborts the subscription's tasks. */
  slotLost(error: unknown): void {
    if (this.busy && this.holdsSlot) this.taskFailed(error);
  }

  slotFailed(error: unknown): void {
    this.ticket = undefined;
    this.item = undefined;
    if (!this.busy) return;
    this.runner.tracker?.started(this.index, ''); // progress counts it as started and failed at once
    this.runner.settled(this, true, error);
  }

  /** A lane that runs its item on a limiter's slot: the item's own calls on it run there too. */
  holdsSlotOf(limiter: object): boolean {
    return this.busy && this.holdsSlot && this.runner.isSlotOf(limiter);
  }

  taskFulfilled(value: unknown): void {
    if (this.busy) this.runner.settled(this, false, value);
  }

  taskFailed(error: unknown): void {
    if (this.busy) this.runner.settled(this, true, error);
  }
}

/**
 * What the operators drive: starts items in order through a re-entrant-safe pump with at most
 * `concurrency` in flight (and one slot of the optional limiter each), one AbortController for
 * every task of a subscription (they are only ever cancelled together), and reports outcomes
 * until cancelled.
 *
 * Unbounded and without a limiter (gather's default), a promise item takes no lane: it costs only
 * its two callbacks, as in `Promise.all`. Every other item runs in a reused `RunnerLane`, which
 * keeps what cancelling must reach (an Observable's subscription, a limiter ticket).
 * @internal
 */
export class Runner<I = unknown> {
  /** items in flight (or waiting for a limiter slot) */
  running = 0;
  /** items started so far: the next item's index */
  started = 0;
  /** set once cancelled or stopped: nothing starts or is reported any more */
  closed = false;
  /** counts the items for the operator's `progress` option; undefined without it */
  tracker: CountTracker | undefined = undefined;
  /** the subscription's span and its items', while tracing is on (`rxjs-asyncer/otel`) */
  readonly trace: TraceOfWork | undefined = tracing.opening;
  /** with a limiter: the async context items start in when they waited, made at the first launch */
  carrier: ContextCarrier | undefined = undefined;
  /** shared by every task of this runner */
  private readonly controller = new AbortController();
  /** its signal, read once: Node's `signal` getter costs a few ns on every task otherwise
   * (gather's batch calls its inputs with it) @internal */
  readonly signal = this.controller.signal;
  /** trampoline flags: a pump in progress, and whether it must look again */
  private pumping = false;
  private pumpAgain = false;
  /** no bound and no limiter: promise items need no lane @internal */
  readonly unbounded: boolean;
  /** the top of the stack of idle lanes, to reuse */
  private idle: RunnerLane<I> | undefined = undefined;
  /** every lane made (as many as the most items ever in a lane), to reach busy ones on cancel */
  private readonly lanes: RunnerLane<I>[] = [];

  constructor(
    private readonly owner: RunnerOwner<I>,
    private readonly concurrency: number,
    private readonly limiter: Slots | undefined,
  ) {
    this.unbounded = concurrency === Infinity && !limiter;
  }

  /**
   * Starts items while there is room and the owner has them. Re-entrant calls (an item that
   * ends synchronously frees room) loop instead of recursing, so a million synchronous items
   * need no deeper stack than one.
   */
  pump(): void {
    // every lane busy: nothing can start now, and a lane that frees pumps again (a push source
    // buffering thousands of values calls this once per value)
    if (this.running >= this.concurrency) return;
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
   * Cancels everything in flight: the shared signal aborts with `reason`. Returns the errors
   * teardowns threw, for the owner to report with the failure that caused the cancel.
   */
  cancel(reason: unknown): unknown[] | undefined {
    if (this.closed) return undefined;
    this.closed = true;
    this.tracker?.cancelledRest();
    this.controller.abort(reason);
    // withdraw the waiting ones first, so that slots freed below cannot go to them
    const busy = this.lanes.filter((lane) => lane.busy);
    for (const lane of busy) {
      if (lane.busy && lane.ticket) {
        this.limiter!.withdrawSlot(lane.ticket);
        lane.ticket = undefined;
        this.free(lane);
      }
    }
    // a teardown that throws does not stop the others: what they threw is returned
    let errors: unknown[] | undefined;
    for (const lane of busy) {
      const subscription = lane.subscription;
      if (!lane.busy || !subscription) continue;
      this.free(lane);
      errors = tryUnsubscribe(subscription, errors);
    }
    return errors;
  }

  /**
   * The subscriber left: cancels what is in flight with the reason `makeReason` builds, or, with
   * nothing in flight, only stops (no reason is built, no signal aborts).
   */
  stop(makeReason: () => unknown): void {
    if (this.closed) return;
    if (this.running === 0) {
      this.closed = true;
      this.tracker?.cancelledRest(); // values that never got a lane
      return;
    }
    const errors = this.cancel(makeReason());
    if (errors) throw teardownFailure(errors);
  }

  /** @internal called by a lane that got its limiter slot */
  run(lane: RunnerLane<I>, item: I): void {
    const trace = this.trace;
    if (trace === undefined) return this.runNow(lane, item);
    // traced: the item's span is active while it is called and followed (subscribed), and across its awaits
    if (this.limiter !== undefined) trace.taskStarted(lane.index);
    runTraced(trace, this, lane, item);
  }

  /** @internal called by `run` */
  runNow(lane: RunnerLane<I>, item: I): void {
    let result: unknown;
    let isPromise: boolean;
    // with a limiter's slot, the item's own calls on that limiter run on it (see slotHolder)
    const outerHolder = slotHolder.current;
    if (lane.holdsSlot) slotHolder.current = lane;
    try {
      this.tracker?.started(lane.index, '');
      result = this.owner.call(item, lane.index, this.signal);
      isPromise = result instanceof Promise; // may throw (a revoked Proxy): the task fails with it
    } catch (error) {
      slotHolder.current = outerHolder;
      this.settled(lane, true, error);
      return;
    }
    // a native promise, the common case, is followed here: no call into the task value rule
    if (isPromise) (result as Promise<unknown>).then(lane.onFulfilled, lane.onRejected);
    else this.follow(lane, result);
    slotHolder.current = outerHolder;
  }

  /** @internal whether this runner's limiter is `limiter` */
  isSlotOf(limiter: object): boolean {
    return this.limiter !== undefined && this.limiter.isSlotOf(limiter);
  }

  /** @internal a lane's task ended */
  settled(lane: RunnerLane<I>, failed: boolean, outcome: unknown): void {
    this.free(lane);
    this.report(lane.index, failed, outcome);
    this.pump();
  }

  private launch(item: I): void {
    const trace = this.trace;
    if (trace !== undefined) trace.taskAdded(this.started, '');
    if (this.unbounded) {
      if (trace === undefined) return this.launchUnbounded(item);
      return launchTraced(trace, this, item);
    }
    const lane = this.takeLane(this.started++);
    this.running++;
    if (this.limiter) {
      lane._carrier = this.carrier ??= new ContextCarrier(true);
      lane.item = item;
      lane.ticket = this.limiter.acquireSlot(lane);
    } else {
      this.run(lane, item);
    }
  }

  /** No bound, no limiter: a promise item costs only its two callbacks, as in `Promise.all`.
   * @internal called by `launch` */
  launchUnbounded(item: I): void {
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
    if (isPromise) this.followPromise(index, result as Promise<unknown>);
    else this.followOther(index, result);
  }

  /** Follows an unbounded item's result that is not a native promise (an Observable, a plain
   * value) by the task value rule: a lane keeps an Observable's subscription, for cancel. @internal */
  followOther(index: number, result: unknown): void {
    this.follow(this.takeLane(index), result);
  }

  /** Follows an unbounded item's native promise with its two callbacks. @internal */
  followPromise(index: number, promise: Promise<unknown>): void {
    promise.then(
      (value: unknown) => this.done(index, false, value),
      (error: unknown) => this.done(index, true, error),
    );
  }

  /** Follows a result that is not a native promise by the task value rule; `lane` keeps an
   * Observable's subscription while it runs, for cancel. */
  private follow(lane: RunnerLane<I>, result: unknown): void {
    const subscription = followTaskValue(result, lane);
    if (lane.busy && !this.closed) lane.subscription = subscription;
  }

  /** An idle lane (or a new one), made busy with item `index`. */
  private takeLane(index: number): RunnerLane<I> {
    let lane = this.idle;
    if (lane) {
      this.idle = lane.nextIdle;
    } else {
      lane = new RunnerLane(this);
      this.lanes.push(lane);
    }
    lane.busy = true;
    lane.index = index;
    return lane;
  }

  /** An unbounded promise item ended. @internal */
  done(index: number, failed: boolean, outcome: unknown): void {
    this.running--;
    this.report(index, failed, outcome);
  }

  /** Empties a lane: gives back its limiter slot and makes it idle. */
  private free(lane: RunnerLane<I>): void {
    lane.busy = false;
    lane.subscription = undefined;
    lane.item = undefined;
    this.running--;
    lane.nextIdle = this.idle;
    this.idle = lane;
    if (lane.holdsSlot) {
      lane.holdsSlot = false;
      this.limiter!.releaseSlot(lane);
    }
  }

  /** Tells the owner how item `index` ended, unless the runner was cancelled meanwhile. */
  private report(index: number, failed: boolean, outcome: unknown): void {
    if (this.closed) return;
    this.trace?.taskEnded(index, failed ? 'failed' : 'fulfilled', failed ? outcome : undefined);
    this.tracker?.settled(true, failed ? 'failed' : 'fulfilled', index, '', undefined);
    if (failed) this.owner.failed(index, outcome);
    else this.owner.fulfilled(index, outcome);
  }
}

// The traced paths' closures live out here: a closure inside `run` or `launch` would make V8
// allocate those methods' context on every item, traced or not.

/** Runs an item in its lane with the item's span active. */
const runTraced = <I>(trace: TraceOfWork, runner: Runner<I>, lane: RunnerLane<I>, item: I): void =>
  trace.runTask(lane.index, () => runner.runNow(lane, item));

/** Launches an item without a lane with the item's span active. */
const launchTraced = <I>(trace: TraceOfWork, runner: Runner<I>, item: I): void =>
  trace.runTask(runner.started, () => runner.launchUnbounded(item));
