import { LinkedList } from '../engine/LinkedList.js';
import type { SlotTicket } from '../engine/Slots.js';

/** One priority's waiters, first in first out. */
interface Level {
  readonly priority: number;
  readonly list: LinkedList<SlotTicket>;
}

/**
 * The queue of a limiter created with `{ priority: true }`: higher priority first, first in first
 * out within one. One FIFO per priority present, kept in an array sorted highest first: there are
 * few distinct priorities in practice, so finding a level is a short binary search and every
 * operation on a waiter stays O(1) in the number of waiters.
 * @internal
 */
export class PriorityTickets {
  size = 0;
  private readonly levels: Level[] = [];

  push(ticket: SlotTicket): void {
    const priority = ticket.priority ?? 0;
    const index = this.find(priority);
    let level = this.levels[index];
    if (level === undefined || level.priority !== priority) {
      level = { priority, list: new LinkedList<SlotTicket>() };
      this.levels.splice(index, 0, level);
    }
    level.list.push(ticket);
    this.size++;
  }

  shift(): SlotTicket | null {
    const level = this.levels[0];
    if (level === undefined) return null;
    const ticket = level.list.shift();
    if (level.list.size === 0) this.levels.shift();
    this.size--;
    return ticket;
  }

  /** Unlinks `ticket` if it waits here; returns whether it did. */
  remove(ticket: SlotTicket): boolean {
    const index = this.find(ticket.priority ?? 0);
    const level = this.levels[index];
    if (level === undefined || !level.list.remove(ticket)) return false;
    if (level.list.size === 0) this.levels.splice(index, 1);
    this.size--;
    return true;
  }

  /** The index of `priority`'s level, or where it would go (levels are sorted highest first). */
  private find(priority: number): number {
    let low = 0;
    let high = this.levels.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.levels[mid]!.priority > priority) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
