import type { LimiterLike } from '../types/LimiterLike.js';
import type { Permit } from '../types/Permit.js';
import { isPromiseLike } from './isPromiseLike.js';
import { reportUnhandled } from './reportUnhandled.js';
import { holdsSlotNow } from './slotHolder.js';
import { badPermit } from './checks/badPermit.js';
import { isAbortSignal } from './checks/assert.js';
import { type SlotClient, SlotTicket, type Slots, slotsBrand } from './Slots.js';

/** A waiter of a foreign limiter: the signal its `acquire` got, to abort on withdraw. */
class PermitTicket extends SlotTicket {
  readonly controller = new AbortController();
}

/**
 * Speaks the engine's slot protocol over any {@link LimiterLike}: one `acquire(signal)` promise
 * per task, a permit remembered per client until it releases. The fast path (a limiter made by
 * `createLimiter`) never comes here.
 * @internal
 */
export class PermitSlots implements Slots {
  readonly [slotsBrand] = true as const;
  /** the permit each holding client got */
  private readonly permits = new Map<SlotClient, Permit>();

  constructor(
    private readonly limiter: LimiterLike,
    /** names the option in errors, e.g. "createTaskGroup(options): options.limiter" */
    private readonly what: string,
  ) {}

  isSlotOf(limiter: object): boolean {
    return limiter === this.limiter;
  }

  acquireSlot(client: SlotClient, priority?: number): SlotTicket | undefined {
    // asked by a task that holds a slot of this limiter already: it runs on that slot (nothing
    // to acquire, and nothing to release: `permits` has no entry for it)
    if (holdsSlotNow(this.limiter)) {
      client.slotGranted();
      return undefined;
    }
    const ticket = new PermitTicket(client);
    const signal = ticket.controller.signal;
    const options = priority === undefined ? undefined : { priority };
    // a synchronous throw of `acquire` fails the client too, but never before acquireSlot returns
    new Promise<Permit>((resolve) => resolve(this.limiter.acquire(signal, options))).then(
      (permit) => this.granted(ticket, permit),
      (error: unknown) => {
        if (!signal.aborted) client.slotFailed(error);
      },
    );
    return ticket;
  }

  lossSignal(client: SlotClient): AbortSignal | undefined {
    return this.permits.get(client)?.signal;
  }

  withdrawSlot(ticket: SlotTicket): void {
    (ticket as PermitTicket).controller.abort();
  }

  releaseSlot(client: SlotClient): void {
    const permit = this.permits.get(client);
    if (!permit) return;
    this.permits.delete(client);
    releaseQuietly(permit);
  }

  private granted(ticket: PermitTicket, permit: Permit): void {
    const signal = permitSignal(permit);
    if (signal !== undefined && !isAbortSignal(signal)) {
      const error = signal === NOT_A_PERMIT ? badPermit(this.what, permit) : badPermit(this.what, permit, signal);
      if (!ticket.controller.signal.aborted) ticket.client.slotFailed(error);
      else reportUnhandled(error);
      return;
    }
    if (ticket.controller.signal.aborted) {
      releaseQuietly(permit); // withdrawn while the limiter was granting: give it straight back
      return;
    }
    const client = ticket.client;
    this.permits.set(client, permit);
    client.slotGranted();
    // listened to after the client started, so that its work's own listeners on the same signal
    // (`limiter.run` hands it to `fn`) hear of a loss before the client fails
    if (signal !== undefined && client.slotLost) {
      const lost = signal as AbortSignal;
      if (lost.aborted) this.lost(client, permit, lost);
      else lost.addEventListener('abort', () => this.lost(client, permit, lost), { once: true });
    }
  }

  /** A permit's signal aborted: its client fails, if it still holds that permit. */
  private lost(client: SlotClient, permit: Permit, signal: AbortSignal): void {
    if (this.permits.get(client) === permit) client.slotLost!(signal.reason);
  }
}

/** What `permitSignal` gives for a value that is no permit at all. */
const NOT_A_PERMIT = {};

/** A permit's `signal` (undefined if it has none), or NOT_A_PERMIT if it has no `release()`. */
const permitSignal = (value: unknown): unknown => {
  try {
    if (typeof value !== 'object' || value === null || typeof (value as Permit).release !== 'function') return NOT_A_PERMIT;
    return (value as Permit).signal;
  } catch {
    return NOT_A_PERMIT;
  }
};

/** A release that throws or rejects has nobody to tell but the platform. */
const releaseQuietly = (permit: Permit): void => {
  try {
    const released = permit.release();
    if (isPromiseLike(released)) released.then(undefined, reportUnhandled);
  } catch (error) {
    reportUnhandled(error);
  }
};
