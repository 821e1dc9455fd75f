import { Observable, type Subscription } from 'rxjs';
import { CancelledError } from '../CancelledError.js';
import { ProgressTracker, type TaskOutcome } from '../engine/ProgressTracker.js';
import type { Progress } from '../types/Progress.js';
import type { TaskEvent } from '../types/TaskEvent.js';
import { SoonValue } from '../SoonValue.js';
import { CANCELLED } from '../engine/soonState.js';
import type { SoonifyOptions } from '../types/SoonifyOptions.js';
import type { TaskGroup } from '../types/TaskGroup.js';
import type { TaskOwner } from './TaskOwner.js';
import { TaskGroupClosedError } from '../TaskGroupClosedError.js';
import type { TaskResult } from '../types/TaskResult.js';
import { describeError } from '../engine/describe.js';
import { GroupTask, NO_ARGUMENTS, ONE_ARGUMENT } from './GroupTask.js';
import { LimitedTask } from './LimitedTask.js';
import type { Slots } from '../engine/Slots.js';
import { GroupBound } from '../limiter/GroupBound.js';
import { ChainedSlots } from '../limiter/ChainedSlots.js';
import { ContextCarrier } from '../engine/ContextCarrier.js';
import { runningTask } from '../engine/runningTask.js';
import { taskContext } from '../engine/taskContext.js';
import { type TraceOfWork, tracing } from '../engine/tracing.js';
import { taskLabel } from '../engine/taskLabel.js';
import type { CheckedGroupOptions } from '../engine/checks/checkGroupOptions.js';
import { afterClose } from '../engine/afterClose.js';
import { asyncDispose } from '../engine/asyncDispose.js';
import { stillRunning } from '../engine/stillRunning.js';
import { assertFunction } from '../engine/checks/assert.js';
import { checkSoonifyArgs } from '../engine/checks/checkSoonifyArgs.js';

/** Schedules task starts as a promise job. */
const resolvedPromise = Promise.resolve();

/**
 * Told once when a group closes: whether it failed, and with what.
 * @internal
 */
export type CloseListener = (failed: boolean, error: unknown) => void;

/** The signal of a parent group or scope that is still open, else undefined. */
const parentSignal = (parent: object | undefined): AbortSignal | undefined =>
  parent instanceof TaskGroupObject && !parent.closed ? parent.signal : undefined;

/**
 * The one implementation behind `createTaskGroup`, `runTaskGroup` and `taskGroup`.
 *
 * Lifecycle: open -> joining (join() called; new tasks are still accepted and waited for)
 * -> closed (every task settled; soonify throws). Independently, the group is *cancelled* once
 * its signal aborts; it still closes only when every task has settled.
 * @internal
 */
export class TaskGroupObject implements TaskGroup, TaskOwner {
  readonly signal: AbortSignal;
  /** "task group" or "task group 'name'", for messages */
  readonly label: string;
  /** the tasks not done (queued, waiting for a slot, running, or cancelled while their promise
   * runs: abandoned), in the order they were soonified, and some done ones: a task that is done
   * stays until done ones are half the array, then they all leave in one pass, a promise job
   * later (amortized O(1) per task). An array entry per task (8 bytes, and no task linked to
   * another) instead of two fields per task for a linked list; emptied whenever the group is idle */
  private live: GroupTask[] = [];
  /** how many tasks in `live` are done */
  private doneInLive = 0;
  /** whether a promise job will take the done tasks out of `live` */
  private dropScheduled = false;
  /** aborts `signal` */
  private readonly controller = new AbortController();
  /** what every task takes a slot of: the `concurrency` bound, the `limiter`, or both chained */
  readonly limiter: Slots | undefined;
  /** the `concurrency` option's bound, of this group alone */
  private readonly bound: Slots | undefined = undefined;
  /** tasks soonified and not settled yet: queued, waiting, running or abandoned */
  protected active = 0;
  /** counts tasks by where they stand; publishes progress$ and events$ */
  protected readonly tracker = new ProgressTracker();
  /** its span and its tasks', while tracing is on (`rxjs-asyncer/otel`) */
  readonly _trace: TraceOfWork | undefined;
  /** task numbers for events, handed out the first time a watched event names a task: no field
   * per task, and nothing at all while nobody watches */
  private ids: WeakMap<GroupTask, number> | undefined = undefined;
  /** the last task number handed out */
  private lastId = 0;
  /** where in `live` the tasks soonified since the last start begin: they wait for the next
   * start (tasks are only ever appended) */
  private nextToStart = 0;
  /** whether a promise job will start `startQueue` */
  private startScheduled = false;
  /** the async context of the batch being started, for tasks that wait for a limiter */
  private carrier: ContextCarrier | undefined = undefined;
  protected state: 'open' | 'joining' | 'closed' = 'open';
  /** whether `signal` has aborted: a plain field, read on every spawn (the getter is not free).
   * From then on whatever a task settles with is an echo of the cancellation, not a failure */
  cancelled = false;
  /** whether tasks may still be added while joining (a group: yes; a closing scope: no) */
  protected acceptsWhileJoining = true;
  /** the promise every join() returns, made on the first call */
  private joined: Promise<void> | undefined = undefined;
  /** called when the group closes */
  private closeListeners: CloseListener[] = [];
  /** the group's failure: the cause of its cancellation (the first task failure, the timeout's or
   * the outer signal's reason), recorded when it happens; `cancel()` records none. Only one can
   * be: what happens after the cancel is an echo (the rule of echoes) */
  private failure: { readonly error: unknown } | undefined = undefined;
  /** the `signal` option and the parent's signal, listened to until the group is cancelled or closed */
  private watched: AbortSignal[] | undefined = undefined;
  /** the `timeout` option's timer, armed until the group is cancelled or closed */
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;

  /**
   * @param options checked by `checkGroupOptions`
   * @param kind how messages call it: 'task group' or 'scope'
   */
  constructor({ signal, timeout, name, limiter, concurrency, parent }: CheckedGroupOptions, kind = 'task group') {
    this.label = name === undefined ? kind : `${kind} '${name}'`;
    this._trace = tracing.current?.work(kind, name);
    if (concurrency !== Infinity) this.bound = new GroupBound(concurrency);
    this.limiter = bothBounds(this.bound, limiter);
    this.signal = this.controller.signal;
    this.watch(signal);
    // created inside a task: that task's group is the parent, and its cancellation reaches here
    if (parent !== null) this.watch(parentSignal(runningTask.group ?? taskContext.current?.()?._group));
    if (timeout !== undefined && timeout !== Infinity && !this.cancelled) {
      this.timer = setTimeout(this.onTimeout, timeout, timeout);
    }
  }

  get closed(): boolean {
    return this.state === 'closed';
  }

  soonify<A extends unknown[], R>(fn: (...args: A) => R, options?: SoonifyOptions): (...args: A) => SoonValue<TaskResult<R>> {
    if (options === undefined) {
      // the common call, often made once per task (`tg.soonify(task)()`): no object for checked
      // options, and a bound function, which costs half what a closure and its context do
      assertFunction(fn, 'tg.soonify(fn): fn');
      this.assertOpen(fn);
      return callSoonified.bind(this, fn as (...args: unknown[]) => unknown) as (...args: A) => SoonValue<TaskResult<R>>;
    }
    const checked = checkSoonifyArgs(fn, options);
    const name = checked.name;
    const limiter = checked.limiter ? bothBounds(this.bound, checked.limiter) : this.limiter;
    this.assertOpen(name);
    const group = this;
    // `arguments`, not a rest parameter: a call without arguments then allocates no array
    return function soonified(): SoonValue<TaskResult<R>> {
      // one argument, the common case, is kept as it is: no array per task
      // eslint-disable-next-line prefer-rest-params
      if (arguments.length === 1) return group.spawn(fn as (...args: unknown[]) => unknown, arguments[0], name, limiter, ONE_ARGUMENT) as SoonValue<TaskResult<R>>;
      if (arguments.length === 0) return group.spawn(fn as (...args: unknown[]) => unknown, undefined, name, limiter, NO_ARGUMENTS) as SoonValue<TaskResult<R>>;
      // eslint-disable-next-line prefer-rest-params
      return group.spawn(fn as (...args: unknown[]) => unknown, Array.prototype.slice.call(arguments), name, limiter, 0) as SoonValue<TaskResult<R>>;
    } as (...args: A) => SoonValue<TaskResult<R>>;
  }

  startSoon<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): SoonValue<TaskResult<R>> {
    assertFunction(fn, 'tg.startSoon(fn): fn');
    this.assertOpen(fn);
    return this.spawn(fn as (...args: unknown[]) => unknown, args, fn as (...args: unknown[]) => unknown, this.limiter, 0) as SoonValue<TaskResult<R>>;
  }

  start<V = void, A extends unknown[] = []>(fn: (ready: (value: V) => void, ...args: A) => unknown, ...args: A): Promise<V> {
    assertFunction(fn, 'tg.start(fn): fn');
    this.assertOpen(fn);
    return new Promise<V>((resolve, reject) => {
      let isReady = false;
      // Watches the task only until it is ready: a later failure is then unobserved, and a
      // scope reports it as it reports any task nobody awaits.
      let watching: Subscription | undefined = undefined;
      const ready = (value: V): void => {
        if (isReady) throw new Error(`tg.start(fn): ${task._label} called ready() twice`);
        isReady = true;
        watching?.unsubscribe();
        resolve(value);
      };
      const task = this.spawn(fn as (...args: unknown[]) => unknown, [ready, ...args], fn as (...args: unknown[]) => unknown, this.limiter, 0);
      const endedFirst = (): void => {
        if (!isReady) reject(new Error(`tg.start(fn): ${task._label} ended without calling ready()`));
      };
      // the task starts on a later job, so `ready` cannot have run yet
      watching = task.subscribe({ complete: endedFirst, error: reject });
    });
  }

  get progress$(): Observable<Progress> {
    return new Observable<Progress>((subscriber) => this.tracker.subscribeProgress(subscriber));
  }

  get events$(): Observable<TaskEvent> {
    return new Observable<TaskEvent>((subscriber) => this.tracker.subscribeEvents(subscriber));
  }

  /** Leaving an `await using` scope joins the group. */
  [asyncDispose](): Promise<void> {
    return this.join();
  }

  cancel(reason?: unknown): void {
    if (this.state !== 'closed' && !this.cancelled) this.abort(reason);
  }

  join(): Promise<void> {
    this.refuseFromOwnTask('join', 'Return the value from the task instead, and join from the code that created the group');
    return (this.joined ??= new Promise<void>((resolve, reject) =>
      this.whenClosed((failed, error) => (failed ? reject(error) : resolve())),
    ));
  }

  /**
   * Joins without a promise: `listener` is called when the group closes, synchronously if
   * the group is already closed or has nothing left to wait for.
   */
  whenClosed(listener: CloseListener): void {
    if (this.state === 'closed') {
      listener(this.failure !== undefined, this.failure?.error);
      return;
    }
    this.closeListeners.push(listener);
    this.state = 'joining';
    if (this.active === 0) this.settleClose();
  }

  /** Calls `listener` once the group has closed, without joining it. */
  [afterClose](listener: () => void): void {
    if (this.state === 'closed') listener();
    else this.closeListeners.push(() => listener());
  }

  /** The names of the tasks that run now, cancelled ones still running included. */
  [stillRunning](): string[] {
    return this.liveTasks()
      .filter((task) => task._where === 'running' || task._where === 'abandoned')
      .map((task) => task._name);
  }

  /** A snapshot of the live tasks, for the rare walks that run user code or filter. */
  private liveTasks(): GroupTask[] {
    return this.live.filter((task) => !task._isDone());
  }

  /** Starts every task soonified so far, now rather than in the next promise job. */
  startNow(): void {
    this.carrier = undefined; // a new batch: its own context, made if one of its tasks must wait
    // the cursor moves before each start: a task soonified meanwhile is appended and starts in
    // this same walk, and `dropDone` moves the cursor with the tasks it keeps. A task cancelled
    // before its start is done: `_begin` passes it by
    while (this.nextToStart < this.live.length) this.live[this.nextToStart++]!._begin();
  }

  /** A failure of the body: counts like a task's, unless the group was cancelled first (an echo). */
  bodyFailed(error: unknown): void {
    if (!this.cancelled) this.taskFailed(error);
  }

  taskStarted(task: GroupTask): void {
    if (task._limiter !== undefined) this._trace?.taskStarted(task);
    const tracker = this.tracker;
    if (tracker.watched) tracker.started(this.idOf(task), task._name);
    else tracker.started(0, '');
  }

  taskProgress(task: GroupTask, value: unknown): void {
    const tracker = this.tracker;
    if (tracker.watched) tracker.progressed(this.idOf(task), task._name, value);
  }

  taskSettled(task: GroupTask, ran: boolean, outcome: TaskOutcome, error: unknown): void {
    this._trace?.taskEnded(task, outcome, outcome === 'cancelled' ? this.signal.reason : error);
    const tracker = this.tracker;
    if (tracker.watched) tracker.settled(ran, outcome, this.idOf(task), task._name, outcome === 'failed' ? error : undefined);
    else tracker.settled(ran, outcome, 0, '', undefined);
  }

  /** The task's number for events: unique in this group, given in the order tasks are first seen. */
  private idOf(task: GroupTask): number {
    const ids = (this.ids ??= new WeakMap());
    let id = ids.get(task);
    if (id === undefined) ids.set(task, (id = ++this.lastId));
    return id;
  }

  /** A task failed for real: record it; the first failure cancels the rest. */
  taskFailed(error: unknown, _observed?: boolean): void {
    if (this.cancelled) return; // an echo: tasks check first, this is the guarantee
    this.failure = { error };
    this.abort(error);
  }

  /** A live task is done (out of cancellation's reach): once done ones are half of `live`, they leave it. */
  liveTaskDone(): void {
    if (++this.doneInLive > 32 && this.doneInLive * 2 > this.live.length && !this.dropScheduled) {
      // one promise job later: a burst of tasks settling together (all of W1's) most often ends
      // with the group idle, which empties `live` at once, and there is nothing left to walk
      this.dropScheduled = true;
      resolvedPromise.then(() => {
        this.dropScheduled = false;
        this.dropDone();
      });
    }
  }

  /** Takes the done tasks out of `live` in one pass, in place, keeping the order and the start cursor. */
  private dropDone(): void {
    const live = this.live;
    const cursor = this.nextToStart;
    let kept = 0;
    let keptBeforeCursor = 0;
    for (let i = 0; i < live.length; i++) {
      const task = live[i]!;
      if (task._isDone()) continue;
      live[kept++] = task;
      if (i < cursor) keptBeforeCursor++;
    }
    live.length = kept;
    this.nextToStart = keptBeforeCursor;
    this.doneInLive = 0;
  }

  /** A task settled for good. */
  taskDone(): void {
    if (--this.active === 0) {
      // every task is done: none is kept alive by the group (a handle the user keeps holds no
      // finished sibling either)
      this.live = [];
      this.doneInLive = this.nextToStart = 0;
      this.idle();
    }
  }

  /** Nothing is queued or running any more. */
  protected idle(): void {
    if (this.state === 'joining') this.settleClose();
  }

  batchCarrier(): ContextCarrier {
    return (this.carrier ??= new ContextCarrier(true));
  }

  taskEchoed(task: GroupTask, error: unknown): void {
    const tracker = this.tracker;
    if (tracker.watched) tracker.echoed(this.idOf(task), task._name, error);
  }

  cancelledError(taskLabel: string): CancelledError {
    const reason = this.signal.reason;
    return new CancelledError(reason, `${taskLabel} was cancelled: ${describeError(reason)}`);
  }

  /** The outer or the parent's signal aborted: this object is its own listener (no closure). */
  handleEvent(event: Event): void {
    this.failFromOutside((event.target as AbortSignal).reason);
  }

  /**
   * Cancels this group when `signal` aborts (at once if it has), until the group is cancelled or
   * closed. The reason counts as the group's failure, so that a child cancelled by its parent
   * rejects with the parent's own reason: the parent sees an echo of its cancellation, not a
   * second error.
   */
  private watch(signal: AbortSignal | undefined): void {
    if (!signal || this.cancelled) return;
    if (signal.aborted) return this.failFromOutside(signal.reason);
    (this.watched ??= []).push(signal);
    signal.addEventListener('abort', this);
  }

  private readonly onTimeout = (ms: number): void => {
    this.timer = undefined;
    this.failFromOutside(new DOMException(`${this.label} timed out after ${ms} ms${this.describeLive()}`, 'TimeoutError'));
  };

  /**
   * Which tasks are still unfinished, for the timeout's message: a task that ignores its signal
   * keeps the group waiting after the timeout, and the message says which one to look at.
   */
  private describeLive(): string {
    const live = this.liveTasks();
    const running = live.filter((task) => task._where === 'running');
    const waiting = live.filter((task) => task._where === 'queued' || task._where === 'waiting').length;
    const shown = running.slice(0, 5).map((task) => task._label);
    if (running.length > shown.length) shown.push(`${running.length - shown.length} more`);
    let text = running.length > 0 ? `; still running: ${shown.join(', ')}` : '';
    if (waiting > 0) text += `; ${waiting} not started yet`;
    return text;
  }

  /**
   * @param named the task's name, or `fn` when it is named after it (its `name` is read only when needed)
   * @param shape how `args` holds the arguments (GroupTask's ONE_ARGUMENT, NO_ARGUMENTS, or 0 for an array)
   */
  spawn(fn: (...args: unknown[]) => unknown, args: unknown, named: string | ((...args: unknown[]) => unknown), limiter: Slots | undefined, shape: number): SoonValue<unknown> {
    this.assertOpen(named);
    const task = limiter === undefined ? new GroupTask(this, fn, args, named, shape) : new LimitedTask(this, fn, args, named, shape, limiter);
    const tracker = this.tracker;
    if (tracker.watched) tracker.added(this.idOf(task), task._name);
    else tracker.added(0, '');
    this._trace?.taskAdded(task, task._name);
    if (this.cancelled) {
      task._neverStarts(); // never live, never started
      task._finish(CANCELLED, this.cancelledError(task._label), false);
      return task;
    }
    this.active++;
    this.live.push(task);
    if (!this.startScheduled) {
      this.startScheduled = true;
      // One promise job for the batch, armed by its first task: the batch starts in the async
      // context of that call (its AsyncLocalStorage store, its active span). Tasks soonified in
      // the same synchronous run share it (README, "Async context"): a job per task would keep a
      // task soonified inside another store.run() in its own, at a quarter of W1's time.
      // A promise job, not queueMicrotask: fake timers (jest, sinon) fake queueMicrotask by
      // default and would freeze every group under test; zone.js's fakeAsync flushes this too.
      resolvedPromise.then(this.startBatch);
    }
    return task;
  }

  private readonly startBatch = (): void => {
    this.startScheduled = false;
    this.startNow();
  };

  /**
   * Throws when one of this group's own tasks, while it runs, asks to wait for the group: the
   * wait could never end, since the group waits for that very task (Trio refuses this too).
   * @param method what was called, for the message; @param advice what to do instead
   */
  protected refuseFromOwnTask(method: string, advice: string): void {
    if (runningTask.group === this && this.state !== 'closed') {
      throw new Error(`${this.label}: ${method}() was called from inside one of its own tasks, which it would wait for forever. ${advice}`);
    }
  }

  /** @param name the task's name, or its function, whose name is read only for the message */
  assertOpen(name: string | ((...args: never[]) => unknown)): void {
    if (this.state === 'closed' || (this.state === 'joining' && !this.acceptsWhileJoining)) {
      const label = taskLabel(typeof name === 'string' ? name : name.name);
      throw new TaskGroupClosedError(`${this.label} is closed: ${label} cannot start in it`);
    }
  }

  /** Cancellation from the `signal` option or the `timeout`: the reason is also a failure. */
  protected failFromOutside(reason: unknown): void {
    if (this.cancelled || this.state === 'closed') return;
    this.failure = { error: reason };
    this.abort(reason);
  }

  private abort(reason: unknown): void {
    this.cancelled = true;
    this.controller.abort(reason);
    this.stopWatching();
    // A snapshot: cancelling runs user code (teardowns, subscribers) that may touch the list.
    // Tasks that have not started go first, so that slots freed by running ones are not
    // handed to a sibling that is about to be cancelled anyway.
    const tasks = this.liveTasks();
    for (const task of tasks) if (task._where === 'queued' || task._where === 'waiting') task._cancelTask();
    for (const task of tasks) task._cancelTask();
  }

  private settleClose(): void {
    this.state = 'closed';
    this.stopWatching();
    const listeners = this.closeListeners;
    this.closeListeners = [];
    this.tracker.complete();
    this._trace?.end(this.failure !== undefined ? 'failed' : this.cancelled ? 'cancelled' : 'fulfilled', this.failure?.error ?? this.signal.reason);
    for (const listener of listeners) listener(this.failure !== undefined, this.failure?.error);
  }

  /** Disarms the timer and stops listening to the outer signal. */
  private stopWatching(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.watched) {
      for (const signal of this.watched) signal.removeEventListener('abort', this);
      this.watched = undefined;
    }
  }
}

/**
 * What `tg.soonify(fn)` returns without options, as `callSoonified.bind(group, fn)`: the call's
 * own arguments follow `fn`. `arguments`, not a rest parameter: no array for a call with none.
 */
function callSoonified(this: TaskGroupObject, fn: (...args: unknown[]) => unknown): SoonValue<unknown> {
  const count = arguments.length;
  // one argument, the common case, is kept as it is: no array per task
  // eslint-disable-next-line prefer-rest-params
  if (count === 2) return this.spawn(fn, arguments[1], fn, this.limiter, ONE_ARGUMENT);
  if (count === 1) return this.spawn(fn, undefined, fn, this.limiter, NO_ARGUMENTS);
  // eslint-disable-next-line prefer-rest-params
  return this.spawn(fn, Array.prototype.slice.call(arguments, 1), fn, this.limiter, 0);
}

/** The slots a task takes: of the group's own bound, of a limiter, or of both, chained. */
const bothBounds = (bound: Slots | undefined, limiter: Slots | undefined): Slots | undefined =>
  bound === undefined ? limiter : limiter === undefined ? bound : new ChainedSlots(bound, limiter);
