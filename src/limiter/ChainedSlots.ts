import type { ContextCarrier } from '../engine/ContextCarrier.js';
import { type SlotClient, SlotTicket, type Slots, slotsBrand } from '../engine/Slots.js';

/** Where a client is on its way through the two limiters. */
const WAITING_FIRST = 0;
const WAITING_THEN = 1;
const HOLDING_BOTH = 2;

/**
 * One client's way through two limiters: the client of both on its behalf, and the ticket the
 * client holds while it waits for either.
 */
class ChainLink extends SlotTicket implements SlotClient {
  stage = WAITING_FIRST;
  /** its ticket in the queue of the limiter it waits for, if it waits in one */
  waitingIn: SlotTicket | undefined = undefined;

  constructor(
    client: SlotClient,
    private readonly chain: ChainedSlots,
  ) {
    super(client);
  }

  /** limiters hand a slot over in the async context of the client, not of the link */
  get _carrier(): ContextCarrier | undefined {
    return this.client._carrier;
  }

  slotGranted(): void {
    if (this.stage === WAITING_FIRST) {
      this.stage = WAITING_THEN;
      this.waitingIn = undefined;
      const ticket = this.chain.then.acquireSlot(this, this.priority);
      if (this.stage === WAITING_THEN) this.waitingIn = ticket; // else it was granted at once
      return;
    }
    this.stage = HOLDING_BOTH;
    this.waitingIn = undefined;
    this.client.slotGranted();
  }

  /** Only the second limiter loses a slot (the first is the group's own, in process). */
  slotLost(error: unknown): void {
    if (this.stage === HOLDING_BOTH) this.client.slotLost?.(error);
  }

  /** Only the second limiter fails (the first is the group's own, in process): give the first back. */
  slotFailed(error: unknown): void {
    this.chain.drop(this);
    this.client.slotFailed(error);
  }
}

/**
 * Both bounds at once: a group's `concurrency` (`first`, in process) and a `limiter` (`then`, any
 * limiter: in process, Redis, a user's). A client waits for the first, then for the second while
 * holding the first, so a task never holds a shared permit while its own group holds it back.
 * Used only when a group has both; either alone is used as it is.
 * @internal
 */
export class ChainedSlots implements Slots {
  readonly [slotsBrand] = true as const;
  /** the link of every client that waits or holds: release finds it here */
  private readonly links = new Map<SlotClient, ChainLink>();

  constructor(
    private readonly first: Slots,
    readonly then: Slots,
  ) {}

  isSlotOf(limiter: object): boolean {
    return this.then.isSlotOf(limiter);
  }

  acquireSlot(client: SlotClient, priority?: number): SlotTicket | undefined {
    const link = new ChainLink(client, this);
    if (priority !== undefined) link.priority = priority;
    this.links.set(client, link);
    const ticket = this.first.acquireSlot(link); // the group's own bound has no priorities
    if (link.stage === WAITING_FIRST) link.waitingIn = ticket;
    // granted by both at once: the client runs already, and there is nothing to withdraw
    return link.stage === HOLDING_BOTH ? undefined : link;
  }

  lossSignal(client: SlotClient): AbortSignal | undefined {
    const link = this.links.get(client);
    return link && this.then.lossSignal?.(link);
  }

  withdrawSlot(ticket: SlotTicket): void {
    const link = ticket as ChainLink;
    if (link.stage === WAITING_FIRST) {
      this.links.delete(link.client);
      if (link.waitingIn) this.first.withdrawSlot(link.waitingIn);
      return;
    }
    // waiting for the second (or granted by it, in a hand-over not yet run): withdraw there
    if (link.waitingIn) this.then.withdrawSlot(link.waitingIn);
    this.drop(link);
  }

  releaseSlot(client: SlotClient): void {
    const link = this.links.get(client);
    if (!link) return;
    this.then.releaseSlot(link);
    this.drop(link);
  }

  /** Forgets a link that holds the first limiter's slot, and gives that slot back. */
  drop(link: ChainLink): void {
    this.links.delete(link.client);
    this.first.releaseSlot(link);
  }
}
