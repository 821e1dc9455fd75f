/**
 * A FIFO queue over an array with a moving head: push and shift are O(1) amortized, where
 * `Array.prototype.shift` is O(n) (the reason rxjs's mergeMap takes 28 s to buffer 200,000
 * values). The consumed prefix is dropped once it is over half the array.
 * @internal
 */
export class Queue<T> {
  /** the items, from `head` on */
  private items: (T | undefined)[] = [];
  /** index of the first item */
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The first item; call only when `length > 0`. */
  shift(): T {
    const item = this.items[this.head] as T;
    this.items[this.head++] = undefined; // let it be collected
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
