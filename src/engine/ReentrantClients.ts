import { holdsSlotNow } from './slotHolder.js';
import type { SlotClient } from './Slots.js';

/**
 * The re-entrancy of a limiter that speaks the slot protocol itself (`createLimiter`'s, the Redis
 * limiter): a client asked for by a task that already holds one of the limiter's slots (a
 * `limiter.run` inside it, an HTTP request it makes through `limitRequests`) runs on that slot,
 * uncounted, instead of waiting for a slot the task itself keeps busy; its release then gives
 * nothing back.
 * @internal
 */
export class ReentrantClients {
  /** the clients running on their task's slot now; made on first use */
  private clients: Set<SlotClient> | undefined = undefined;

  /** Grants `client` at once if the code running now holds a slot of `limiter`; whether it did. */
  admit(limiter: object, client: SlotClient): boolean {
    if (!holdsSlotNow(limiter)) return false;
    (this.clients ??= new Set()).add(client);
    client.slotGranted();
    return true;
  }

  /** Whether `client` ran on its task's slot (it is forgotten): then its release gives nothing back. */
  release(client: SlotClient): boolean {
    return this.clients !== undefined && this.clients.delete(client);
  }
}
