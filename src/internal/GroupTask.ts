import type { Subscription } from 'rxjs';
import type { SoonValue } from '../SoonValue.js';
import { followTaskValue, type TaskSink } from './followTaskValue.js';
import { isPromiseLike } from './isPromiseLike.js';
import type { LimiterClient, LimiterImpl, LimiterTicket } from './LimiterImpl.js';
import { ListNode } from './LinkedList.js';
import type { TaskGroupImpl } from './TaskGroupImpl.js';

/**
 * Where a task stands:
 * - queued: soonified, not started yet;
 * - waiting: waiting for a limiter slot;
 * - running: `fn` was called, its value is awaited;
 * - abandoned: cancelled while a promise ran; its SoonValue is settled, the group still waits;
 * - done: settled and accounted for.
 */
type TaskState = 'queued' | 'waiting' | 'running' | 'abandoned' | 'done';

/**
 * One soonified call. It is its own list node (in the group's `live` list while cancellation
 * can reach it), limiter client and task sink, so a task is two objects: this and its SoonValue.
 * @internal
 */
export class GroupTask extends ListNode implements LimiterClient, TaskSink {
  /** where the task stands */
  state: TaskState = 'queued';
  /** its place in the limiter's queue while waiting */
  private ticket: LimiterTicket | undefined = undefined;
  /** whether it holds a limiter slot, to give back when done */
  private holdsSlot = false;
  /** an Observable task's subscription while it runs */
  private subscription: Subscription | undefined = undefined;

  constructor(
    private readonly group: TaskGroupImpl,
    private fn: ((...args: unknown[]) => unknown) | undefined,
    private args: unknown[] | undefined,
    readonly soon: SoonValue<unknown>,
    private readonly limiter: LimiterImpl | undefined,
  ) {
    super();
  }

  /** Starts the task, or queues it for a limiter slot. */
  begin(): void {
    if (this.state !== 'queued') return;
    if (this.limiter) {
      this.state = 'waiting';
      this.ticket = this.limiter.acquire(this);
    } else {
      this.run();
    }
  }

  limiterGranted(): void {
    this.ticket = undefined;
    this.holdsSlot = true;
    this.run();
  }

  private run(): void {
    this.state = 'running';
    const fn = this.fn!;
    const args = this.args!;
    this.fn = this.args = undefined;
    let result: unknown;
    try {
      result = fn(...args);
    } catch (error) {
      this.taskFailed(error);
      return;
    }
    if (this.state === 'running') {
      const subscription = followTaskValue(result, this);
      if (this.state === 'running') this.subscription = subscription;
    } else if (this.state === 'abandoned') {
      // `fn` cancelled its own group before returning: wait for a promise, start nothing else
      if (isPromiseLike(result)) followTaskValue(result, this);
      else this.end();
    }
  }

  taskFulfilled(value: unknown): void {
    if (this.state === 'running') {
      this.detach();
      this.soon._settle('fulfilled', value);
      this.end();
    } else if (this.state === 'abandoned') {
      this.end();
    }
  }

  taskFailed(error: unknown): void {
    const state = this.state;
    if (state !== 'running' && state !== 'abandoned') return;
    this.detach();
    if (!this.group.isCancellation(error)) {
      if (state === 'running') this.soon._settle('rejected', error);
      // after the SoonValue settled and before the slot is released: the first failure
      // cancels the siblings first, so the slot cannot go to one of them
      this.group.taskFailed(error);
    } else if (state === 'running') {
      this.soon._settle('cancelled', this.group.cancelledError(this.soon._label));
    }
    this.end();
  }

  /** The group is cancelled: stop now, or, for a running promise, settle as cancelled and wait. */
  cancel(): void {
    switch (this.state) {
      case 'waiting':
        this.limiter!.withdraw(this.ticket!);
        this.ticket = undefined;
      // falls through: a task waiting for a slot never started
      case 'queued':
        this.fn = this.args = undefined;
        this.detach();
        this.soon._settle('cancelled', this.group.cancelledError(this.soon._label));
        this.end();
        return;
      case 'running': {
        const subscription = this.subscription;
        this.soon._settle('cancelled', this.group.cancelledError(this.soon._label));
        if (!subscription) {
          this.state = 'abandoned';
          this.group.live.remove(this);
          return;
        }
        this.detach();
        try {
          subscription.unsubscribe();
        } catch (error) {
          this.group.taskFailed(error); // a teardown that throws is a failure
        }
        this.end();
        return;
      }
    }
  }

  /** Marks the task done and out of cancellation's reach. */
  private detach(): void {
    this.state = 'done';
    this.subscription = undefined;
    this.group.live.remove(this);
  }

  /** Gives back the limiter slot and tells the group. */
  private end(): void {
    this.state = 'done';
    if (this.holdsSlot) {
      this.holdsSlot = false;
      this.limiter!.release();
    }
    this.group.taskDone();
  }
}
