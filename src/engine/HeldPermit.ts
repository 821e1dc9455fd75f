import type { Permit } from '../types/Permit.js';
import type { SlotClient, Slots, SlotTicket } from './Slots.js';

/**
 * One `limiter.acquire(signal)` call: waits in the limiter's queue, then is the permit it resolves
 * with. Its own abort listener (`handleEvent`), like LimitedCall. Used by every limiter that
 * speaks the slot protocol itself: `createLimiter`'s and the Redis limiter.
 * @internal
 */
export class HeldPermit implements SlotClient, Permit {
  private state: 'waiting' | 'held' | 'released' = 'waiting';
  private ticket: SlotTicket | undefined = undefined;
  /** the signal of its slot's loss, once read */
  private lossSignal: AbortSignal | undefined = undefined;

  constructor(
    private readonly limiter: Slots,
    private readonly waitSignal: AbortSignal | undefined,
    private readonly resolve: (permit: Permit) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  start(priority: number | undefined): void {
    this.waitSignal?.addEventListener('abort', this);
    const ticket = this.limiter.acquireSlot(this, priority);
    if (this.state === 'waiting') this.ticket = ticket;
  }

  slotGranted(): void {
    this.state = 'held';
    this.ticket = undefined;
    this.waitSignal?.removeEventListener('abort', this);
    this.resolve(this);
  }

  slotFailed(error: unknown): void {
    if (this.state !== 'waiting') return;
    this.state = 'released';
    this.waitSignal?.removeEventListener('abort', this);
    this.reject(error);
  }

  /** The signal aborted while waiting: leave the queue. */
  handleEvent(): void {
    if (this.state !== 'waiting') return;
    this.state = 'released';
    this.limiter.withdrawSlot(this.ticket!);
    this.ticket = undefined;
    this.waitSignal!.removeEventListener('abort', this);
    this.reject(this.waitSignal!.reason);
  }

  /**
   * Aborts if the slot is lost (see {@link Permit.signal}); undefined for limiters whose slots
   * cannot be. Made when first read, and kept: it still tells after the release.
   */
  get signal(): AbortSignal | undefined {
    if (this.lossSignal === undefined && this.state === 'held') this.lossSignal = this.limiter.lossSignal?.(this);
    return this.lossSignal;
  }

  release(): void {
    if (this.state !== 'held') return;
    this.state = 'released';
    this.limiter.releaseSlot(this);
  }
}
