import type { Subscription } from 'rxjs';
import { SoonValue } from '../SoonValue.js';
import { CANCELLED, FAILED, FULFILLED, PENDING, STATUS_BITS, type SettledStatus, STATUSES } from '../engine/soonState.js';
import { followTaskValue } from '../engine/followTaskValue.js';
import type { TaskSink } from '../engine/TaskSink.js';
import { isPromiseLikeSafe } from '../engine/isPromiseLike.js';
import { runningTask, type ProgressReporter } from '../engine/runningTask.js';
import { taskContext } from '../engine/taskContext.js';
import { slotHolder } from '../engine/slotHolder.js';
import { tryUnsubscribe } from '../engine/tryUnsubscribe.js';
import { reportCleanupErrors } from '../engine/reportCleanupError.js';
import type { SlotClient, Slots } from '../engine/Slots.js';
import type { TraceOfWork } from '../engine/tracing.js';
import type { TaskOwner } from './TaskOwner.js';

/*
 * Where a task stands, in the bits of `_state` above its SoonValue's status (soonState.ts):
 * - QUEUED: soonified, not started yet;
 * - WAITING: waiting for a limiter slot (a LimitedTask);
 * - RUNNING: `fn` was called, its value is awaited. With a settled status (cancelled) it is
 *   *abandoned*: cancelled while a promise ran; its SoonValue is settled, the group still waits
 *   (and keeps it among its live tasks, to name it);
 * - DONE: settled and accounted for.
 * And, while queued, how `_args` holds the arguments: ONE_ARGUMENT, the task's one argument
 * itself (no array for `soonify(fn)(item)`); NO_ARGUMENTS, none (`fn` is called without a
 * spread); neither, an array of them.
 */
/** @internal */
export const QUEUED = 0;
/** @internal */
export const WAITING = 4;
const RUNNING = 8;
const DONE = 12;
/** @internal the bits of `_state` that say where the task stands */
export const STAGE_BITS = 12;
/** @internal */
export const ONE_ARGUMENT = 16;
/** @internal */
export const NO_ARGUMENTS = 32;

type TaskFunction = (...args: unknown[]) => unknown;

/**
 * One soonified call, and its own SoonValue: the handle the caller gets *is* the task, so a task
 * costs one object, and every field counts (all of a batch's tasks are alive at once): six of 8
 * bytes (the SoonValue's `_state`, `_outcome` and `_named`, and these three). A task with a
 * limiter or a group bound is a LimitedTask, which adds what waiting for a slot needs. It is its
 * own task sink. Its members are underscored: users hold it, typed as a SoonValue.
 * @internal
 */
export class GroupTask extends SoonValue<unknown> implements TaskSink, ProgressReporter {
  /** the slots it takes (a group's bound, a limiter, or both): none; a LimitedTask's own field
   * (on the prototype here, so that a plain task has no field for it) */
  declare readonly _limiter: Slots | undefined;
  /**
   * Its function until it starts; then, while it runs, an Observable task's subscription (what
   * cancelling it unsubscribes): never both, so one field.
   */
  _job: TaskFunction | Subscription | undefined;
  /** until it starts: its arguments, its one argument itself (ONE_ARGUMENT), or nothing (NO_ARGUMENTS) */
  _args: unknown;

  /**
   * @param named its name, or `fn` when it is named after it
   * @param shape how `args` holds the arguments: ONE_ARGUMENT, NO_ARGUMENTS, or 0 for an array
   */
  constructor(
    readonly _group: TaskOwner,
    fn: TaskFunction,
    args: unknown,
    named: string | TaskFunction,
    shape: number,
  ) {
    super(named);
    this._job = fn;
    this._args = args;
    this._state = shape;
  }

  /** Where it stands, in words, for the rare walks over a group's tasks (messages, cancel). */
  get _where(): 'queued' | 'waiting' | 'running' | 'abandoned' | 'done' {
    switch (this._state & STAGE_BITS) {
      case QUEUED:
        return 'queued';
      case WAITING:
        return 'waiting';
      case RUNNING:
        return (this._state & STATUS_BITS) === PENDING ? 'running' : 'abandoned';
      default:
        return 'done';
    }
  }

  /** Whether it is done: settled and accounted for. */
  _isDone(): boolean {
    return (this._state & STAGE_BITS) === DONE;
  }

  /** Whether it runs and has not settled: its value is still awaited. */
  private get _running(): boolean {
    return (this._state & (STAGE_BITS | STATUS_BITS)) === RUNNING;
  }

  /** Starts the task (a LimitedTask queues for a slot first). */
  _begin(): void {
    if ((this._state & STAGE_BITS) === QUEUED) this._run();
  }

  /** @internal */
  _run(): void {
    const trace = this._group._trace;
    // traced: the task's span is active while `fn` runs and an Observable task is subscribed (a
    // worker or remote call sends its job then), and across `fn`'s awaits
    if (trace === undefined) this._runNow();
    else runTraced(trace, this);
  }

  /** @internal called by `_run` only */
  _runNow(): void {
    const state = this._state;
    this._state = RUNNING; // pending, its argument taken
    this._group.taskStarted(this);
    const fn = this._job as TaskFunction;
    const args = this._args;
    const shape = state & (ONE_ARGUMENT | NO_ARGUMENTS);
    this._job = this._args = undefined;
    let result: unknown;
    const outer = runningTask.group;
    const outerTask = runningTask.task;
    const outerHolder = slotHolder.current;
    runningTask.group = this._group;
    runningTask.task = this;
    // with a limiter's slot, the task's own calls on that limiter run on it (see slotHolder)
    if (this._limiter !== undefined) slotHolder.current = this;
    try {
      if (taskContext.run !== undefined) result = callInTaskContext(this, fn, args, shape);
      else if (shape === NO_ARGUMENTS) result = fn();
      else result = shape === ONE_ARGUMENT ? fn(args) : fn(...(args as unknown[]));
    } catch (error) {
      runningTask.group = outer;
      runningTask.task = outerTask;
      slotHolder.current = outerHolder;
      this.taskFailed(error);
      return;
    }
    runningTask.group = outer;
    runningTask.task = outerTask;
    if (this._running) {
      // an Observable task subscribes here: its subscriber's calls (an HTTP interceptor's) too
      const subscription = followTaskValue(result, this);
      if (this._running) this._job = subscription;
    } else if (this._where === 'abandoned') {
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
    return this._running && this._limiter !== undefined && this._limiter.isSlotOf(limiter);
  }

  /** A progress report of the running task (a remote call's `ctx.progress`), for `events$`. */
  _progress(value: unknown): void {
    if (this._running) this._group.taskProgress(this, value);
  }

  taskFulfilled(value: unknown): void {
    const state = this._state;
    if ((state & STAGE_BITS) !== RUNNING) return;
    this._detach();
    // abandoned (already settled as cancelled): only accounted for
    if ((state & STATUS_BITS) === PENDING) this._finish(FULFILLED, value, true);
    this._end();
  }

  taskFailed(error: unknown): void {
    const state = this._state;
    if ((state & STAGE_BITS) !== RUNNING) return;
    this._detach();
    const group = this._group;
    if (!group.cancelled) {
      const observed = this._observed;
      this._finish(FAILED, error, true);
      // after the SoonValue settled and before the slot is released: the first failure
      // cancels the siblings first, so the slot cannot go to one of them
      group.taskFailed(error, observed);
    } else {
      // The rule of echoes: once the group's signal aborted, whatever the task ends with (the
      // reason, an AbortError, axios's CanceledError, a wrapper's own error) is part of its
      // cancellation. `events$` still shows it, for whoever debugs.
      if ((state & STATUS_BITS) === PENDING) this._finish(CANCELLED, group.cancelledError(this._label), true);
      group.taskEchoed(this, error);
    }
    this._end();
  }

  /** The group is cancelled: stop now, or, for a running promise, settle as cancelled and wait. */
  _cancelTask(): void {
    switch (this._state & STAGE_BITS) {
      case QUEUED:
      case WAITING: // a LimitedTask withdrew from its limiter's queue first
        this._job = this._args = undefined;
        this._detach();
        this._finish(CANCELLED, this._group.cancelledError(this._label), false);
        this._end(false);
        return;
      case RUNNING: {
        if (!this._running) return; // abandoned already
        const subscription = this._job as Subscription | undefined;
        this._finish(CANCELLED, this._group.cancelledError(this._label), true);
        // without one (a promise), it stays among the group's live tasks until its promise
        // settles: the group can still name it (a stuck task, after a timeout or a Ctrl-C)
        if (!subscription) return;
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
  _finish(status: SettledStatus, outcome: unknown, ran: boolean): void {
    if (!this._settle(status, outcome)) return;
    this._group.taskSettled(this, ran, STATUSES[status] as 'fulfilled' | 'failed' | 'cancelled', outcome);
  }

  /** Marks the task done and out of cancellation's reach (its status stays). */
  _detach(): void {
    this._state = (this._state & STATUS_BITS) | DONE;
    this._job = undefined;
    this._group.liveTaskDone();
  }

  /** Done before it is live: its group was cancelled when it was soonified. */
  _neverStarts(): void {
    this._state = DONE;
    this._job = this._args = undefined;
  }

  /**
   * Gives back the limiter slot and tells the group; once per task.
   * @param ran whether `fn` was called: a task with a limiter holds a slot from then on
   */
  _end(ran = true): void {
    this._state = (this._state & STATUS_BITS) | DONE;
    if (ran && this._limiter !== undefined) this._limiter.releaseSlot(this as unknown as SlotClient);
    this._group.taskDone();
  }
}

// a plain task takes no slots: read from here, no field per task
(GroupTask.prototype as { _limiter: Slots | undefined })._limiter = undefined;

// The rare paths' closures live out here: a closure inside `_runNow` or `_run` would make V8
// allocate those functions' context on every call, taken or not (56 bytes per task).

/** Runs the task with its span active (`rxjs-asyncer/otel`). */
const runTraced = (trace: TraceOfWork, task: GroupTask): void => trace.runTask(task, () => task._runNow());

/** Calls `fn` inside the task's own async context (`linkAcrossAwaits`, `rxjs-asyncer/node`). */
const callInTaskContext = (task: GroupTask, fn: TaskFunction, args: unknown, shape: number): unknown =>
  taskContext.run!(task, () => (shape === NO_ARGUMENTS ? fn() : shape === ONE_ARGUMENT ? fn(args) : fn(...(args as unknown[]))));
