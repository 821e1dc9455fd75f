import { ListNode } from './LinkedList.js';

/**
 * Something that waits for a slot. `slotGranted` is called once, when the slot is its own; it
 * must later give it back with `slots.release()`.
 * @internal
 */
export interface SlotClient {
  slotGranted(): void;
}

/**
 * A client's place in a queue of slots, for `withdraw`.
 * @internal
 */
export class SlotTicket extends ListNode {
  constructor(readonly client: SlotClient) {
    super();
  }
}

/**
 * Marks the objects that implement {@link Slots}: groups and operators accept a `limiter` option
 * only when it carries this brand, since they call these members directly.
 * @internal
 */
export const slotsBrand: unique symbol = Symbol('rxjs-asyncer slots');

/**
 * The slot protocol between a limiter and the groups and operators that use it. No promise per
 * task: `acquire` grants a free slot synchronously (calling `slotGranted` before it returns) or
 * queues the client and returns its ticket.
 *
 * | client state | how it gets there | what it must do next |
 * |---|---|---|
 * | waiting | `acquire` returned a ticket | `withdraw(ticket)` if cancelled |
 * | holding | `slotGranted` was called | `release()` exactly once, when its work ends |
 * @internal
 */
export interface Slots {
  readonly [slotsBrand]: true;
  /** Grants a slot now (calling `slotGranted` before returning) or queues the client. */
  acquire(client: SlotClient): SlotTicket | undefined;
  /** Takes a queued client out of the queue; it never gets a slot. */
  withdraw(ticket: SlotTicket): void;
  /** Gives a slot back; the next queued client gets it. */
  release(): void;
}
