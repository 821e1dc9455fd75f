import { Observable, type Subscriber } from 'rxjs';
import type { AcquireOptions } from '../types/AcquireOptions.js';
import type { Limiter } from '../types/Limiter.js';
import type { LimiterState } from '../types/LimiterState.js';
import type { Permit } from '../types/Permit.js';
import type { TaskResult } from '../types/TaskResult.js';
import { LinkedList } from '../engine/LinkedList.js';
import { type SlotClient, SlotTicket, type Slots, slotsBrand } from '../engine/Slots.js';
import { LimitedCall } from '../engine/LimitedCall.js';
import { HeldPermit } from './HeldPermit.js';
import { PriorityTickets } from './PriorityTickets.js';
import { RateWindow } from './RateWindow.js';
import { assertConcurrency } from '../engine/checks/assert.js';
import { checkAcquireArgs, checkLimiterRunArgs } from '../engine/checks/checkLimiterRunArgs.js';

/** The waiting clients: one FIFO, or one per priority. */
type Tickets = Pick<PriorityTickets, 'size' | 'push' | 'shift' | 'remove'>;

/**
 * The limiter behind {@link createLimiter}. Groups and operators use the slot protocol
 * (`acquireSlot` / `releaseSlot`) directly, which costs no promise per task; `acquire` and `run`
 * are the promise faces for everyone else.
 * @internal
 */
export class InProcessLimiter implements Limiter, Slots {
  readonly [slotsBrand] = true as const;
  /** the bound */
  private bound: number;
  /** slots held */
  private held = 0;
  /** clients waiting for a slot */
  private readonly queue: Tickets;
  /** set while `drain` hands out slots, so that re-entrant releases don't recurse */
  private draining = false;
  /** `state$` subscribers; undefined while there are none, the only thing the hot path reads */
  private watchers: Subscriber<LimiterState>[] | undefined = undefined;
  /** the rate limit's record of starts, if there is one */
  private readonly window: RateWindow | undefined;
  /** the timer that drains once the rate window lets the next waiter start */
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(
    concurrency: number,
    private readonly ordered: boolean,
    rate: { readonly limit: number; readonly interval: number } | undefined,
  ) {
    this.bound = concurrency;
    this.queue = ordered ? new PriorityTickets() : new LinkedList<SlotTicket>();
    this.window = rate && new RateWindow(rate.limit, rate.interval);
  }

  get concurrency(): number {
    return this.bound;
  }

  set concurrency(value: number) {
    assertConcurrency(value, 'limiter.concurrency');
    this.bound = value;
    if (this.watchers) this.publish();
    this.drain();
  }

  get running(): number {
    return this.held;
  }

  get pending(): number {
    return this.queue.size;
  }

  get state$(): Observable<LimiterState> {
    return new Observable<LimiterState>((subscriber) => {
      subscriber.next(this.snapshot());
      (this.watchers ??= []).push(subscriber);
      return () => {
        const watchers = this.watchers!;
        watchers.splice(watchers.indexOf(subscriber), 1);
        if (watchers.length === 0) this.watchers = undefined;
      };
    });
  }

  run<T>(fn: (signal: AbortSignal) => T, signal?: AbortSignal, options?: AcquireOptions): Promise<TaskResult<T>> {
    checkLimiterRunArgs(fn, signal);
    const priority = checkAcquireArgs(options, this.ordered, 'limiter.run(fn, signal, options)');
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => new LimitedCall(this, fn, signal, resolve, reject).start(priority));
  }

  acquire(signal?: AbortSignal, options?: AcquireOptions): Promise<Permit> {
    const priority = checkAcquireArgs(options, this.ordered, 'limiter.acquire(signal, options)', signal);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => new HeldPermit(this, signal, resolve, reject).start(priority));
  }

  /**
   * Gives `client` a slot now (calling `slotGranted` before returning) or queues it.
   * Returns the ticket of a queued client, for `withdrawSlot`.
   */
  acquireSlot(client: SlotClient, priority?: number): SlotTicket | undefined {
    if (this.held < this.bound && this.queue.size === 0 && (this.window === undefined || this.window.wait(now()) === 0)) {
      this.held++;
      this.window?.record(now());
      if (this.watchers) this.publish();
      client.slotGranted();
      return undefined;
    }
    const ticket = new SlotTicket(client);
    if (priority !== undefined) ticket.priority = priority;
    this.queue.push(ticket);
    if (this.watchers) this.publish();
    if (this.window && this.held < this.bound) this.drain(); // rate-blocked: arm the timer
    return ticket;
  }

  /** Takes a queued client out of the queue; it never gets a slot. */
  withdrawSlot(ticket: SlotTicket): void {
    if (!this.queue.remove(ticket)) return;
    if (this.queue.size === 0) this.stopTimer(); // nobody left to start: no timer keeps running
    if (this.watchers) this.publish();
  }

  /** Gives a slot back and hands free slots to waiting clients. */
  releaseSlot(_client?: SlotClient): void {
    this.held--;
    if (this.watchers) this.publish();
    this.drain();
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.held < this.bound && this.queue.size > 0) {
        if (this.window) {
          const wait = this.window.wait(now());
          if (wait > 0) {
            this.startTimer(wait);
            return;
          }
          this.window.record(now());
        }
        const ticket = this.queue.shift()!;
        this.held++;
        if (this.watchers) this.publish();
        ticket.client.slotGranted();
      }
    } finally {
      this.draining = false;
    }
  }

  private startTimer(wait: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, Math.ceil(wait));
  }

  private stopTimer(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private snapshot(): LimiterState {
    return Object.freeze({ running: this.held, pending: this.queue.size, concurrency: this.bound });
  }

  /** Tells every `state$` subscriber the new state. */
  private publish(): void {
    const state = this.snapshot();
    for (const subscriber of this.watchers!.slice()) subscriber.next(state);
  }
}

/** Milliseconds on a clock that never goes back (fake timers in tests replace it too). */
const now = (): number => performance.now();
