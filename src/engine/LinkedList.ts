/**
 * A node of a {@link LinkedList}. Classes that live in a list extend it, so linking costs no
 * allocation and unlinking is O(1).
 * @internal
 */
export class ListNode {
  _prev: ListNode | null = null;
  _next: ListNode | null = null;
  /** the list this node is in, if any */
  _list: LinkedList<ListNode> | null = null;
}

/**
 * An intrusive doubly linked FIFO: push, shift and remove in O(1), where an array's `shift` or
 * `splice` would be O(n) per item (the cause of mergeMap's quadratic buffer, rxjs#4609).
 * @internal
 */
export class LinkedList<N extends ListNode> {
  _head: N | null = null;
  _tail: N | null = null;
  /** how many nodes are linked */
  size = 0;

  get head(): N | null {
    return this._head;
  }

  push(node: N): void {
    node._list = this as LinkedList<ListNode>;
    node._prev = this._tail;
    node._next = null;
    if (this._tail) this._tail._next = node;
    else this._head = node;
    this._tail = node;
    this.size++;
  }

  shift(): N | null {
    const node = this._head;
    if (node) this.remove(node);
    return node;
  }

  /** Unlinks `node` if it is in this list; returns whether it was. */
  remove(node: N): boolean {
    if (node._list !== (this as LinkedList<ListNode>)) return false;
    if (node._prev) node._prev._next = node._next;
    else this._head = node._next as N | null;
    if (node._next) node._next._prev = node._prev;
    else this._tail = node._prev as N | null;
    node._prev = node._next = null;
    node._list = null;
    this.size--;
    return true;
  }

  /** The node after `node`, for walks that may unlink the node they stand on. */
  next(node: N): N | null {
    return node._next as N | null;
  }
}
