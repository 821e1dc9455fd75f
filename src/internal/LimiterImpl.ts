import type { Limiter } from '../Limiter.js';
import type { TaskResult } from '../TaskResult.js';
import { LinkedList, ListNode } from './LinkedList.js';
import { LimitedRun } from './LimitedRun.js';
import { assertConcurrency, assertFunction, assertOptionalSignal } from './validate.js';

/**
 * Something that waits for a limiter slot. `limiterGranted` is called once, when the slot is
 * its own; it must later give it back with `release()`.
 * @internal
 */
export interface LimiterClient {
  limiterGranted(): void;
}

/**
 * A place in a limiter's queue.
 * @internal
 */
export class LimiterTicket extends ListNode {
  constructor(readonly client: LimiterClient) {
    super();
  }
}

/**
 * The limiter behind {@link createLimiter}. Groups and operators use `acquire` / `release`
 * directly, which costs no promise per task; `run` is the promise face for everyone else.
 * @internal
 */
export class LimiterImpl implements Limiter {
  /** the bound */
  private bound: number;
  /** slots held */
  private held = 0;
  /** clients waiting for a slot, first in first out */
  private readonly queue = new LinkedList<LimiterTicket>();
  /** set while `drain` hands out slots, so that re-entrant releases don't recurse */
  private draining = false;

  constructor(concurrency: number) {
    this.bound = concurrency;
  }

  get concurrency(): number {
    return this.bound;
  }

  set concurrency(value: number) {
    assertConcurrency(value, 'limiter.concurrency');
    this.bound = value;
    this.drain();
  }

  get running(): number {
    return this.held;
  }

  get pending(): number {
    return this.queue.size;
  }

  run<T>(fn: (signal: AbortSignal) => T, signal?: AbortSignal): Promise<TaskResult<T>> {
    assertFunction(fn, 'limiter.run(fn): fn');
    assertOptionalSignal(signal, 'limiter.run(fn, signal): signal');
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => new LimitedRun(this, fn, signal, resolve, reject).start());
  }

  /**
   * Gives `client` a slot now (calling `limiterGranted` before returning) or queues it.
   * Returns the ticket of a queued client, for `withdraw`.
   */
  acquire(client: LimiterClient): LimiterTicket | undefined {
    if (this.held < this.bound && this.queue.size === 0) {
      this.held++;
      client.limiterGranted();
      return undefined;
    }
    const ticket = new LimiterTicket(client);
    this.queue.push(ticket);
    return ticket;
  }

  /** Takes a queued client out of the queue; it never gets a slot. */
  withdraw(ticket: LimiterTicket): void {
    this.queue.remove(ticket);
  }

  /** Gives a slot back and hands free slots to waiting clients. */
  release(): void {
    this.held--;
    this.drain();
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.held < this.bound && this.queue.size > 0) {
        const ticket = this.queue.shift()!;
        this.held++;
        ticket.client.limiterGranted();
      }
    } finally {
      this.draining = false;
    }
  }
}
