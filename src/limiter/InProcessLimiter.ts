import type { Observable } from 'rxjs';
import type { AcquireOptions } from '../types/AcquireOptions.js';
import type { Limiter } from '../types/Limiter.js';
import type { LimiterState } from '../types/LimiterState.js';
import type { Permit } from '../types/Permit.js';
import type { TaskResult } from '../types/TaskResult.js';
import { LinkedList } from '../engine/LinkedList.js';
import { type SlotClient, type SlotTicket, type Slots, slotsBrand } from '../engine/Slots.js';
import { WaitingTicket } from '../engine/WaitingTicket.js';
import type { ContextCarrier } from '../engine/ContextCarrier.js';
import { LimiterStateFeed } from '../engine/LimiterStateFeed.js';
import { runLimited } from '../engine/runLimited.js';
import { HeldPermit } from '../engine/HeldPermit.js';
import { PriorityTickets } from './PriorityTickets.js';
import { RateWindow } from './RateWindow.js';
import { assertConcurrency } from '../engine/checks/assert.js';
import { checkAcquireCall } from '../engine/checks/checkLimiterRunArgs.js';
import { ReentrantClients } from '../engine/ReentrantClients.js';

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
  /** clients that run on a slot their task holds: their release gives nothing back */
  private readonly reentered = new ReentrantClients();
  /** set while `drain` hands out slots, so that re-entrant releases don't recurse */
  private draining = false;
  /** `state$`, told of every change (it builds nothing while nobody subscribes) */
  private readonly feed = new LimiterStateFeed(this);
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
    this.feed.publish();
    this.drain();
  }

  get running(): number {
    return this.held;
  }

  get pending(): number {
    return this.queue.size;
  }

  get state$(): Observable<LimiterState> {
    return this.feed.state$;
  }

  run<T>(fn: (signal: AbortSignal) => T, signal?: AbortSignal, options?: AcquireOptions): Promise<TaskResult<T>> {
    return runLimited(this, this.ordered, fn, signal, options);
  }

  acquire(signal?: AbortSignal, options?: AcquireOptions): Promise<Permit> {
    const priority = checkAcquireCall(signal, options, this.ordered);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => new HeldPermit(this, signal, resolve, reject).start(priority));
  }

  /**
   * Gives `client` a slot now (calling `slotGranted` before returning) or queues it.
   * Returns the ticket of a queued client, for `withdrawSlot`.
   */
  isSlotOf(limiter: object): boolean {
    return limiter === this;
  }

  acquireSlot(client: SlotClient, priority?: number): SlotTicket | undefined {
    // asked again by a task that holds one of this limiter's slots: it runs on that slot
    if (this.reentered.admit(this, client)) return undefined;
    if (this.held < this.bound && this.queue.size === 0 && (this.window === undefined || this.window.wait(now()) === 0)) {
      this.held++;
      this.window?.record(now());
      this.feed.publish();
      client.slotGranted();
      return undefined;
    }
    // it waits, and will start in this call's async context (WaitingTicket carries it)
    const ticket = new WaitingTicket(client);
    if (priority !== undefined) ticket.priority = priority;
    this.queue.push(ticket);
    this.feed.publish();
    if (this.window && this.held < this.bound) this.drain(); // rate-blocked: arm the timer
    return ticket;
  }

  /** Takes a waiting client out: out of the queue, or, granted but not started, its slot back. */
  withdrawSlot(ticket: SlotTicket): void {
    if (!this.queue.remove(ticket)) {
      // counted as its, never used: the next waiter gets it
      if ((ticket as WaitingTicket).withdrawGranted()) this.releaseSlot();
      return;
    }
    if (this.queue.size === 0) this.stopTimer(); // nobody left to start: no timer keeps running
    this.feed.publish();
  }

  /** Gives a slot back and hands free slots to waiting clients. */
  releaseSlot(client?: SlotClient): void {
    if (client !== undefined && this.reentered.release(client)) return; // ran on its holder's slot
    this.held--;
    this.feed.publish();
    this.drain(client?._carrier);
  }

  /** @param releaser the carrier of the client whose release calls this, if any */
  private drain(releaser?: ContextCarrier): void {
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
        const ticket = this.queue.shift() as WaitingTicket;
        this.held++;
        this.feed.publish();
        // the releasing client runs in its carrier's context: a waiter of the same carrier starts
        // now; any other one promise job later, in its own context
        ticket.grant(releaser);
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
}

/** Milliseconds on a clock that never goes back (fake timers in tests replace it too). */
const now = (): number => performance.now();
