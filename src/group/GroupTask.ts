import type { Subscription } from 'rxjs';
import { SoonValue } from '../SoonValue.js';
import { followTaskValue } from '../engine/followTaskValue.js';
import type { TaskSink } from '../engine/TaskSink.js';
import { isPromiseLikeSafe } from '../engine/isPromiseLike.js';
import { runningTask, type ProgressReporter } from '../engine/runningTask.js';
import { taskContext } from '../engine/taskContext.js';
import { slotHolder } from '../engine/slotHolder.js';
import { tryUnsubscribe } from '../engine/tryUnsubscribe.js';
import { reportCleanupErrors } from '../engine/reportCleanupError.js';
import type { SlotClient, Slots, SlotTicket } from '../engine/Slots.js';
import type { ContextCarrier } from '../engine/ContextCarrier.js';
import type { TraceOfWork } from '../engine/tracing.js';
import type { TaskOwner } from './TaskOwner.js';

/**
 * Where a task stands:
 * - queued: soonified, not started yet;
 * - waiting: waiting for a limiter slot;
 * - running: `fn` was called, its value is awaited;
 * - abandoned: cancelled while a promise ran; its SoonValue is settled, the group still waits
 *   (and keeps it in its live list, to name it);
 * - done: settled and accounted for.
 */
type TaskState = 'queued' | 'waiting' | 'running' | 'abandoned' | 'done';

/**
 * Marks, in a queued task's `_outcome` (unused until it settles), that `_args` holds the task's
 * one argument itself: no array for the most common call, `soonify(fn)(item)`.
 * @internal
 */
export const ONE_ARGUMENT: unique symbol = Symbol('one argument');

/**
 * One soonified call, and its own SoonValue: the handle the caller gets *is* the task, so a task
 * costs one object, and every field counts (all of a batch's tasks are alive at once). It is its
 * own limiter client and task sink. Its members are underscored: users hold it, typed as a
 * SoonValue.
 * @internal
 */
export class GroupTask extends SoonValue<unknown> implements SlotClient, TaskSink, ProgressReporter {
  /** its neighbours in the group's live list (see TaskGroupObject), while cancellation can
   * reach it: two fields instead of an array entry and an index, and no array to grow */
  _prevLive: GroupTask | undefined = undefined;
  _nextLive: GroupTask | undefined = undefined;
  /** where the task stands */
  _state: TaskState = 'queued';
  /** its place in the limiter's queue while waiting, an Observable task's subscription while it
   * runs: never both, so one field */
  private _handle: SlotTicket | Subscription | undefined = undefined;
  /** with a limiter: the async context of its batch, which a limiter hands slots over in (an
   * own field from the start: added later, it would cost every limited task a property store) */
  _carrier: ContextCarrier | undefined = undefined;

  constructor(
    readonly _group: TaskOwner,
    private _fn: ((...args: unknown[]) => unknown) | undefined,
    /** the arguments, or the one argument itself when `_outcome` is ONE_ARGUMENT */
    private _args: unknown,
    name: string,
    /** the slots it takes (a group's bound, a limiter, or both), if any */
    readonly _limiter: Slots | undefined,
  ) {
    super(name);
  }

  /** Starts the task, or queues it for a limiter slot. */
  _begin(): void {
    if (this._state !== 'queued') return;
    if (this._limiter) {
      this._state = 'waiting';
      this._carrier = this._group.batchCarrier();
      // a free slot runs the task before acquire returns: keep the handle that run stored
      const ticket = this._limiter.acquireSlot(this);
      if (ticket) this._handle = ticket;
    } else {
      this._run();
    }
  }

  slotGranted(): void {
    this._handle = undefined;
    this._run();
  }

  /** Its slot went to another holder (a Redis lease run out in a stall): it fails with the limiter's error, and stops if it can. */
  slotLost(error: unknown): void {
    if (this._state !== 'running') return;
    const subscription = this._handle as Subscription | undefined;
    this._handle = undefined;
    if (subscription) reportCleanupErrors(tryUnsubscribe(subscription, undefined));
    this.taskFailed(error);
  }

  /** The limiter could not give a slot (its server is unreachable): the task fails unstarted. */
  slotFailed(error: unknown): void {
    if (this._state !== 'waiting') return;
    this._fn = this._args = undefined;
    const observed = this._waiting !== undefined && this._waiting.length > 0;
    this._detach();
    this._finish('failed', error, false);
    this._group.taskFailed(error, observed);
    this._end(false);
  }

  private _run(): void {
    const trace = this._group._trace;
    // traced: the task's span is active while `fn` runs and an Observable task is subscribed (a
    // worker or remote call sends its job then), and across `fn`'s awaits
    if (trace === undefined) this._runNow();
    else runTraced(trace, this);
  }

  /** @internal called by `_run` only */
  _runNow(): void {
    this._state = 'running';
    this._group.taskStarted(this);
    const fn = this._fn!;
    const args = this._args;
    const single = this._outcome === ONE_ARGUMENT;
    if (single) this._outcome = undefined;
    this._fn = this._args = undefined;
    let result: unknown;
    const outer = runningTask.group;
    const outerTask = runningTask.task;
    const outerHolder = slotHolder.current;
    runningTask.group = this._group;
    runningTask.task = this;
    // with a limiter's slot, the task's own calls on that limiter run on it (see slotHolder)
    if (this._limiter) slotHolder.current = this;
    try {
      if (taskContext.run === undefined) result = single ? fn(args) : fn(...(args as unknown[]));
      else result = callInTaskContext(this, fn, args, single);
    } catch (error) {
      runningTask.group = outer;
      runningTask.task = outerTask;
      slotHolder.current = outerHolder;
      this.taskFailed(error);
      return;
    }
    runningTask.group = outer;
    runningTask.task = outerTask;
    if (this._state === 'running') {
      // an Observable task subscribes here: its subscriber's calls (an HTTP interceptor's) too
      const subscription = followTaskValue(result, this);
      if (this._state === 'running') this._handle = subscription;
    } else if (this._state === 'abandoned') {
      // `fn` cancelled its own group before returning: wait for a promise, start nothing else
      if (isPromiseLikeSafe(result)) followTaskValue(result, this);
      else {
        this._detach();
        this._end();
      }
    }
    slotHolder.current = outerHolder;
  }

  /** Whether this task holds a slot of `limiter` now: it runs, with that limiter's slot. */
  holdsSlotOf(limiter: object): boolean {
    return this._state === 'running' && this._limiter !== undefined && this._limiter.isSlotOf(limiter);
  }

  /** A progress report of the running task (a remote call's `ctx.progress`), for `events$`. */
  _progress(value: unknown): void {
    if (this._state === 'running') this._group.taskProgress(this, value);
  }

  taskFulfilled(value: unknown): void {
    if (this._state === 'running') {
      this._detach();
      this._finish('fulfilled', value, true);
      this._end();
    } else if (this._state === 'abandoned') {
      this._detach();
      this._end();
    }
  }

  taskFailed(error: unknown): void {
    const state = this._state;
    if (state !== 'running' && state !== 'abandoned') return;
    this._detach();
    const group = this._group;
    if (!group.cancelled) {
      const observed = this._waiting !== undefined && this._waiting.length > 0;
      this._finish('failed', error, true);
      // after the SoonValue settled and before the slot is released: the first failure
      // cancels the siblings first, so the slot cannot go to one of them
      group.taskFailed(error, observed);
    } else {
      // The rule of echoes: once the group's signal aborted, whatever the task ends with (the
      // reason, an AbortError, axios's CanceledError, a wrapper's own error) is part of its
      // cancellation. `events$` still shows it, for whoever debugs.
      if (state === 'running') this._finish('cancelled', group.cancelledError(this._label), true);
      group.taskEchoed(this, error);
    }
    this._end();
  }

  /** The group is cancelled: stop now, or, for a running promise, settle as cancelled and wait. */
  _cancelTask(): void {
    switch (this._state) {
      case 'waiting':
        this._limiter!.withdrawSlot(this._handle as SlotTicket);
        this._handle = undefined;
      // falls through: a task waiting for a slot never started
      case 'queued':
        this._fn = this._args = undefined;
        this._detach();
        this._finish('cancelled', this._group.cancelledError(this._label), false);
        this._end(false);
        return;
      case 'running': {
        const subscription = this._handle as Subscription | undefined;
        this._finish('cancelled', this._group.cancelledError(this._label), true);
        if (!subscription) {
          // it stays in the group's live list until its promise settles: the group can still
          // name it (a stuck task, after a timeout or a Ctrl-C)
          this._state = 'abandoned';
          return;
        }
        this._detach();
        // a teardown that throws while the group cancels does not change the group's outcome: it
        // is reported as RxJS reports an error nobody can receive
        reportCleanupErrors(tryUnsubscribe(subscription, undefined));
        this._end();
        return;
      }
    }
  }

  /** Settles the SoonValue and tells the group's progress. @param ran whether `fn` was called */
  private _finish(status: 'fulfilled' | 'failed' | 'cancelled', outcome: unknown, ran: boolean): void {
    if (!this._settle(status, outcome)) return;
    this._group.taskSettled(this, ran, status, outcome);
  }

  /** Marks the task done and out of cancellation's reach. */
  private _detach(): void {
    this._state = 'done';
    this._handle = undefined;
    this._group.removeLive(this);
  }

  /**
   * Gives back the limiter slot and tells the group; once per task.
   * @param ran whether `fn` was called: a task with a limiter holds a slot from then on
   */
  private _end(ran = true): void {
    this._state = 'done';
    if (ran && this._limiter) this._limiter.releaseSlot(this);
    this._group.taskDone();
  }
}

// The rare paths' closures live out here: a closure inside `_runNow` or `_run` would make V8
// allocate those functions' context on every call, taken or not (56 bytes per task).

/** Runs the task with its span active (`rxjs-asyncer/otel`). */
const runTraced = (trace: TraceOfWork, task: GroupTask): void => trace.runTask(task, () => task._runNow());

/** Calls `fn` inside the task's own async context (`linkAcrossAwaits`, `rxjs-asyncer/node`). */
const callInTaskContext = (task: GroupTask, fn: (...args: unknown[]) => unknown, args: unknown, single: boolean): unknown =>
  taskContext.run!(task, () => (single ? fn(args) : fn(...(args as unknown[]))));
