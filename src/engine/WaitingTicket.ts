import { type CarriedStart, ContextCarrier } from './ContextCarrier.js';
import { reportUnhandled } from './reportUnhandled.js';
import { type SlotClient, SlotTicket } from './Slots.js';

/** `WaitingTicket.stage`: in the queue */
export const QUEUED = 0;
/** `WaitingTicket.stage`: its slot is counted, its start is on its way (one promise job) */
export const GRANTED = 1;
/** `WaitingTicket.stage`: the client was told (`slotGranted`) */
export const STARTED = 2;
/** `WaitingTicket.stage`: withdrawn between its grant and its start; the slot went back */
export const WITHDRAWN = 3;

/**
 * A client of `createLimiter` that had to wait, with the async context it asked in (its
 * client's carrier: its task group batch, its operator subscription; else one of its own). A
 * release hands the slot over synchronously when the releasing client has the same carrier (its
 * code already runs in that context), else counts the slot as this ticket's at once and starts
 * the client one promise job later, in its own context: a task queued inside one request's
 * AsyncLocalStorage store never runs in the store of whichever task freed the slot.
 *
 * | stage | entered when | leaves by |
 * |---|---|---|
 * | queued | `acquireSlot` found no free slot | a release (granted), or `withdrawSlot` (gone) |
 * | granted | a release counted the slot as its | its start (started), or `withdrawSlot` (withdrawn: the slot goes back) |
 * | started | `slotGranted` was called | never: the client releases as usual |
 * @internal
 */
export class WaitingTicket extends SlotTicket implements CarriedStart {
  stage = QUEUED;
  /** the context to start the client in */
  readonly carrier: ContextCarrier;

  constructor(client: SlotClient) {
    super(client);
    this.carrier = client._carrier ?? new ContextCarrier(false);
  }

  /**
   * A release counted a slot as this ticket's: start the client now if the releaser runs in the
   * same context (`releaser`, its carrier), else one promise job later, in the client's own.
   */
  grant(releaser: ContextCarrier | undefined): void {
    this.stage = GRANTED;
    if (releaser !== undefined && this.carrier === releaser) this.start();
    else this.carrier.resume(this);
  }

  /**
   * Withdrawn after it left the queue: whether it held a granted slot not yet used (the caller
   * then gives that slot back).
   */
  withdrawGranted(): boolean {
    if (this.stage !== GRANTED) return false;
    this.stage = WITHDRAWN;
    return true;
  }

  /** Tells the client, unless it was withdrawn meanwhile. */
  start(): void {
    if (this.stage !== GRANTED) return;
    this.stage = STARTED;
    try {
      this.client.slotGranted();
    } catch (error) {
      reportUnhandled(error); // clients catch what they run; this is never expected, and never silent
    }
  }
}
