import { Observable, type Subscriber } from 'rxjs';
import type { Limiter } from '../types/Limiter.js';
import type { LimiterState } from '../types/LimiterState.js';
import type { TaskResult } from '../types/TaskResult.js';
import { LinkedList } from '../engine/LinkedList.js';
import { type SlotClient, SlotTicket, type Slots, slotsBrand } from '../engine/Slots.js';
import { LimitedCall } from './LimitedCall.js';
import { assertConcurrency } from '../engine/checks/assert.js';
import { checkLimiterRunArgs } from '../engine/checks/checkLimiterRunArgs.js';

/**
 * The limiter behind {@link createLimiter}. Groups and operators use `acquire` / `release`
 * directly, which costs no promise per task; `run` is the promise face for everyone else.
 * @internal
 */
export class InProcessLimiter implements Limiter, Slots {
  readonly [slotsBrand] = true as const;
  /** the bound */
  private bound: number;
  /** slots held */
  private held = 0;
  /** clients waiting for a slot, first in first out */
  private readonly queue = new LinkedList<SlotTicket>();
  /** set while `drain` hands out slots, so that re-entrant releases don't recurse */
  private draining = false;
  /** `state$` subscribers; undefined while there are none, the only thing the hot path reads */
  private watchers: Subscriber<LimiterState>[] | undefined = undefined;

  constructor(concurrency: number) {
    this.bound = concurrency;
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

  run<T>(fn: (signal: AbortSignal) => T, signal?: AbortSignal): Promise<TaskResult<T>> {
    checkLimiterRunArgs(fn, signal);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => new LimitedCall(this, fn, signal, resolve, reject).start());
  }

  /**
   * Gives `client` a slot now (calling `slotGranted` before returning) or queues it.
   * Returns the ticket of a queued client, for `withdraw`.
   */
  acquire(client: SlotClient): SlotTicket | undefined {
    if (this.held < this.bound && this.queue.size === 0) {
      this.held++;
      if (this.watchers) this.publish();
      client.slotGranted();
      return undefined;
    }
    const ticket = new SlotTicket(client);
    this.queue.push(ticket);
    if (this.watchers) this.publish();
    return ticket;
  }

  /** Takes a queued client out of the queue; it never gets a slot. */
  withdraw(ticket: SlotTicket): void {
    if (this.queue.remove(ticket) && this.watchers) this.publish();
  }

  /** Gives a slot back and hands free slots to waiting clients. */
  release(): void {
    this.held--;
    if (this.watchers) this.publish();
    this.drain();
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.held < this.bound && this.queue.size > 0) {
        const ticket = this.queue.shift()!;
        this.held++;
        if (this.watchers) this.publish();
        ticket.client.slotGranted();
      }
    } finally {
      this.draining = false;
    }
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
