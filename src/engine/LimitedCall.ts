import type { Subscription } from 'rxjs';
import { followTaskValue } from './followTaskValue.js';
import type { TaskSink } from './TaskSink.js';
import type { SlotClient, Slots, SlotTicket } from './Slots.js';
import { reportCleanupErrors } from './reportCleanupError.js';
import { neverAbortedSignal } from './neverAbortedSignal.js';
import { tryUnsubscribe } from './tryUnsubscribe.js';
import { type SlotHolder, slotHolder } from './slotHolder.js';

/**
 * One `limiter.run(fn, signal)` call: waits for a slot, runs `fn`, settles the promise.
 * It is its own abort listener (`handleEvent`), so a call costs no closure beyond the promise's.
 * @internal
 */
export class LimitedCall<T> implements SlotClient, TaskSink, SlotHolder {
  /** where the call stands */
  private state: 'waiting' | 'running' | 'done' = 'waiting';
  /** its place in the queue while waiting */
  private ticket: SlotTicket | undefined = undefined;
  /** an Observable task's subscription while it runs */
  private subscription: Subscription | undefined = undefined;
  /** with a slot that can be lost and a caller's signal: the signal `fn` gets, aborted by either */
  private own: AbortController | undefined = undefined;

  constructor(
    private readonly limiter: Slots,
    private readonly fn: (signal: AbortSignal) => T,
    private readonly signal: AbortSignal | undefined,
    private readonly resolve: (value: never) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  start(priority: number | undefined): void {
    this.signal?.addEventListener('abort', this);
    const ticket = this.limiter.acquireSlot(this, priority);
    if (this.state === 'waiting') this.ticket = ticket;
  }

  slotGranted(): void {
    this.ticket = undefined;
    this.state = 'running';
    // `fn` holds the slot: a call of its own on this limiter runs on it (see slotHolder)
    const outerHolder = slotHolder.current;
    slotHolder.current = this;
    let result: unknown;
    // a slot that can be lost (a Redis lease run out in a stall): `fn` gets the loss's signal,
    // or, with a caller's signal too, one of its own that follows both
    let signal = this.signal;
    const lost = this.limiter.lossSignal?.(this);
    if (lost && signal) {
      this.own = new AbortController();
      if (signal.aborted) this.own.abort(signal.reason);
      else if (lost.aborted) this.own.abort(lost.reason);
      signal = this.own.signal;
    } else if (lost) signal = lost;
    try {
      result = this.fn(signal ?? neverAbortedSignal());
    } catch (error) {
      slotHolder.current = outerHolder;
      this.taskFailed(error);
      return;
    }
    const subscription = followTaskValue(result, this);
    slotHolder.current = outerHolder;
    if (this.state === 'running') this.subscription = subscription;
  }

  holdsSlotOf(limiter: object): boolean {
    return this.state === 'running' && this.limiter.isSlotOf(limiter);
  }

  slotFailed(error: unknown): void {
    if (this.state !== 'waiting') return;
    this.finish();
    this.reject(error);
  }

  /**
   * Its slot went to another holder: `fn`'s signal has aborted already (the loss's own, or `own`
   * here), and the call fails with the limiter's error.
   */
  slotLost(error: unknown): void {
    if (this.state !== 'running') return;
    this.own?.abort(error);
    if (this.subscription) reportCleanupErrors(tryUnsubscribe(this.subscription, undefined));
    this.taskFailed(error);
  }

  /** The signal aborted: leave the queue, or stop an Observable task. A promise task runs on. */
  handleEvent(): void {
    if (this.state === 'waiting') {
      this.limiter.withdrawSlot(this.ticket!);
      this.finish();
      this.reject(this.signal!.reason);
    } else if (this.state === 'running' && this.own) {
      this.own.abort(this.signal!.reason); // `fn` listens to its own signal, which follows the caller's
      if (this.subscription) {
        reportCleanupErrors(tryUnsubscribe(this.subscription, undefined));
        this.taskFailed(this.signal!.reason);
      }
    } else if (this.state === 'running' && this.subscription) {
      // the abort is the outcome; a teardown that throws is reported apart
      reportCleanupErrors(tryUnsubscribe(this.subscription, undefined));
      this.taskFailed(this.signal!.reason);
    }
  }

  taskFulfilled(value: unknown): void {
    if (this.state !== 'running') return;
    this.finish();
    this.limiter.releaseSlot(this);
    this.resolve(value as never);
  }

  taskFailed(error: unknown): void {
    if (this.state !== 'running') return;
    this.finish();
    this.limiter.releaseSlot(this);
    // the rule of echoes: once the signal aborted, what the task rejects with (axios's
    // CanceledError, a wrapper's own error) is part of the abort, and the abort's reason is the outcome
    const signal = this.signal;
    this.reject(signal !== undefined && signal.aborted ? signal.reason : error);
  }

  private finish(): void {
    this.state = 'done';
    this.subscription = undefined;
    this.signal?.removeEventListener('abort', this);
  }
}
