import type { ContextCarrier } from './ContextCarrier.js';
import { ListNode } from './LinkedList.js';
import type { Permit } from '../types/Permit.js';

/**
 * Something that waits for a slot. `slotGranted` is called once, when the slot is its own; it
 * must later give it back with `slots.releaseSlot(client)`. `slotFailed` is called instead when
 * the limiter cannot give it a slot at all (a limiter on a server that is unreachable): the client
 * never ran and holds nothing.
 * @internal
 */
export interface SlotClient {
  slotGranted(): void;
  slotFailed(error: unknown): void;
  /**
   * The slot it holds was lost (a lease on a server that ran out while this process stalled, and
   * the slot went to another holder): the client fails its work with `error` and stops it if it
   * can, then releases as usual. Called by slots that can lose one, once, only while it holds it.
   */
  slotLost?(error: unknown): void;
  /**
   * The async context the client runs in, when it shares one with others (the tasks of a group's
   * batch, the items of an operator's subscription): a limiter hands a freed slot from one of
   * them to another synchronously. Without it, each waiting client carries its own.
   */
  readonly _carrier?: ContextCarrier | undefined;
}

/**
 * A client's place in a queue of slots, for `withdrawSlot`.
 * @internal
 */
export class SlotTicket extends ListNode {
  /** its priority, for limiters that order by it (set only when given: no field per plain ticket) */
  declare priority?: number;
  constructor(readonly client: SlotClient) {
    super();
  }
}

/**
 * Marks the objects that implement {@link Slots}: a `limiter` option that carries it is used
 * directly; any other limiter goes through `PermitSlots`, which speaks its public `acquire`.
 * @internal
 */
export const slotsBrand: unique symbol = Symbol('rxjs-asyncer slots');

/**
 * The slot protocol between a limiter and the groups and operators that use it. No promise per
 * task: `acquireSlot` grants a free slot synchronously (calling `slotGranted` before it returns)
 * or queues the client and returns its ticket.
 *
 * | client state | how it gets there | what it must do next |
 * |---|---|---|
 * | waiting | `acquireSlot` returned a ticket | `withdrawSlot(ticket)` if cancelled |
 * | holding | `slotGranted` was called | `releaseSlot(client)` exactly once, when its work ends |
 * | refused | `slotFailed` was called | nothing: it holds no slot |
 * @internal
 */
export interface Slots {
  readonly [slotsBrand]: true;
  /** Grants a slot now (calling `slotGranted` before returning) or queues the client. */
  acquireSlot(client: SlotClient, priority?: number): SlotTicket | undefined;
  /** Takes a queued client out of the queue; it never gets a slot. */
  withdrawSlot(ticket: SlotTicket): void;
  /** Gives `client`'s slot back; the next queued client gets it. */
  releaseSlot(client: SlotClient): void;
  /**
   * Whether these are the slots of `limiter`, the object a user passed (a `Limiter`, any
   * `LimiterLike`): a task holding one of them holds a slot of that limiter (re-entrancy).
   */
  isSlotOf(limiter: object): boolean;
  /**
   * The signal that aborts if the slot `client` holds is lost (a permit's
   * {@link Permit.signal}), for a client that hands it to its work (`limiter.run`'s `fn`); the
   * slots abort it before they call `client.slotLost`, so the work hears of the loss first. Made
   * on demand: clients that only need `slotLost` never ask, and cost no AbortController. Absent,
   * or undefined, for slots that cannot be lost.
   */
  lossSignal?(client: SlotClient): AbortSignal | undefined;
}
