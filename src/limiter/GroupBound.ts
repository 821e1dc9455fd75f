import type { ContextCarrier } from '../engine/ContextCarrier.js';
import { LinkedList } from '../engine/LinkedList.js';
import { type SlotClient, type SlotTicket, type Slots, slotsBrand } from '../engine/Slots.js';
import { WaitingTicket } from '../engine/WaitingTicket.js';

/**
 * A group's `concurrency` option: at most `bound` of its tasks hold a slot, the others wait in
 * the order they asked. The slot protocol of `createLimiter` without what only a shared limiter
 * needs (rate windows, priorities, `state$`, the promise faces), so that a group that never uses
 * the option costs its bundle a few hundred bytes, not a limiter. Waiters are handed their slot
 * as the limiter hands them (`WaitingTicket`): at once within one async context, else one promise
 * job later, in their own.
 * @internal
 */
export class GroupBound implements Slots {
  readonly [slotsBrand] = true as const;
  /** slots held */
  private held = 0;
  /** clients waiting, first come first served */
  private readonly queue = new LinkedList<WaitingTicket>();
  /** set while a release hands out slots: a task that starts and ends at once releases again
   * inside it, and the outer loop goes on (no recursion as deep as the queue is long) */
  private draining = false;

  constructor(private readonly bound: number) {}

  /** A group's own bound: no user holds it, so nobody asks it again. */
  isSlotOf(): boolean {
    return false;
  }

  acquireSlot(client: SlotClient): SlotTicket | undefined {
    if (this.held < this.bound) {
      this.held++;
      client.slotGranted();
      return undefined;
    }
    const ticket = new WaitingTicket(client);
    this.queue.push(ticket);
    return ticket;
  }

  withdrawSlot(ticket: SlotTicket): void {
    if (this.queue.remove(ticket as WaitingTicket)) return;
    // granted but not started: the next waiter gets the slot
    if ((ticket as WaitingTicket).withdrawGranted()) this.releaseSlot();
  }

  releaseSlot(client?: SlotClient): void {
    this.held--;
    if (this.draining) return;
    this.draining = true;
    const releaser: ContextCarrier | undefined = client?._carrier;
    try {
      while (this.held < this.bound && this.queue.size > 0) {
        const ticket = this.queue.shift()!;
        this.held++;
        ticket.grant(releaser);
      }
    } finally {
      this.draining = false;
    }
  }
}
