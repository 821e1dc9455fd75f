import type { Subscription } from 'rxjs';
import { FAILED } from '../engine/soonState.js';
import { tryUnsubscribe } from '../engine/tryUnsubscribe.js';
import { reportCleanupErrors } from '../engine/reportCleanupError.js';
import type { SlotClient, Slots, SlotTicket } from '../engine/Slots.js';
import type { ContextCarrier } from '../engine/ContextCarrier.js';
import type { TaskOwner } from './TaskOwner.js';
import { GroupTask, QUEUED, STAGE_BITS, WAITING } from './GroupTask.js';

/**
 * A task that takes slots (of its group's `concurrency` bound, a limiter, or both chained): a
 * GroupTask with what waiting for a slot needs. A subclass, so that the tasks of a group without
 * either pay no field for it. It is its own limiter client.
 * @internal
 */
export class LimitedTask extends GroupTask implements SlotClient {
  /** the slots it takes */
  declare readonly _limiter: Slots;
  /** its place in the limiter's queue while it waits, for `withdrawSlot` */
  private _ticket: SlotTicket | undefined = undefined;
  /** the async context of its batch, which a limiter hands slots over in (an own field from the
   * start: added later, it would cost every limited task a property store) */
  _carrier: ContextCarrier | undefined = undefined;

  /** The arguments are GroupTask's, and the slots it takes. */
  constructor(
    group: TaskOwner,
    fn: (...args: unknown[]) => unknown,
    args: unknown,
    named: string | ((...args: unknown[]) => unknown),
    shape: number,
    limiter: Slots,
  ) {
    super(group, fn, args, named, shape);
    (this as { _limiter: Slots })._limiter = limiter;
  }

  /** Queues for a slot; a free slot starts the task before this returns. */
  override _begin(): void {
    const state = this._state;
    if ((state & STAGE_BITS) !== QUEUED) return;
    this._state = state | WAITING;
    this._carrier = this._group.batchCarrier();
    // a free slot runs the task before acquire returns: no ticket then
    const ticket = this._limiter.acquireSlot(this);
    if (ticket) this._ticket = ticket;
  }

  slotGranted(): void {
    this._ticket = undefined;
    this._run();
  }

  /** Its slot went to another holder (a Redis lease run out in a stall): it fails with the limiter's error, and stops if it can. */
  slotLost(error: unknown): void {
    if (this._where !== 'running') return;
    const subscription = this._job as Subscription | undefined;
    this._job = undefined;
    if (subscription) reportCleanupErrors(tryUnsubscribe(subscription, undefined));
    this.taskFailed(error);
  }

  /** The limiter could not give a slot (its server is unreachable): the task fails unstarted. */
  slotFailed(error: unknown): void {
    if ((this._state & STAGE_BITS) !== WAITING) return;
    this._ticket = undefined;
    this._job = this._args = undefined;
    const observed = this._observed;
    this._detach();
    this._finish(FAILED, error, false);
    this._group.taskFailed(error, observed);
    this._end(false);
  }

  /** Cancelled while waiting: it leaves the limiter's queue, then settles as any task. */
  override _cancelTask(): void {
    if ((this._state & STAGE_BITS) === WAITING) {
      this._limiter.withdrawSlot(this._ticket!);
      this._ticket = undefined;
    }
    super._cancelTask();
  }
}
