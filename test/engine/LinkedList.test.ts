import { LinkedList, ListNode } from '../../src/engine/LinkedList.js';

class Item extends ListNode {
  constructor(readonly id: number) {
    super();
  }
}

const ids = (list: LinkedList<Item>): number[] => {
  const out: number[] = [];
  for (let node = list.head; node; node = list.next(node)) out.push(node.id);
  return out;
};

describe('LinkedList', () => {
  it('is first in, first out, with an exact size', () => {
    const list = new LinkedList<Item>();
    [1, 2, 3].forEach((id) => list.push(new Item(id)));
    expect(list.size).toBe(3);
    expect(list.shift()?.id).toBe(1);
    expect(ids(list)).toEqual([2, 3]);
  });

  it('removes any node in O(1), and only from its own list', () => {
    const list = new LinkedList<Item>();
    const other = new LinkedList<Item>();
    const items = [1, 2, 3].map((id) => new Item(id));
    items.forEach((item) => list.push(item));
    expect(other.remove(items[1]!)).toBe(false);
    expect(list.remove(items[1]!)).toBe(true);
    expect(list.remove(items[1]!)).toBe(false);
    expect(ids(list)).toEqual([1, 3]);
    expect(list.remove(items[2]!)).toBe(true);
    expect(list.remove(items[0]!)).toBe(true);
    expect([list.size, list.head, list.shift()]).toEqual([0, null, null]);
  });

  it('lets a walk unlink the node it stands on', () => {
    const list = new LinkedList<Item>();
    [1, 2, 3, 4].forEach((id) => list.push(new Item(id)));
    for (let node = list.head; node; ) {
      const next = list.next(node);
      if (node.id % 2 === 0) list.remove(node);
      node = next;
    }
    expect(ids(list)).toEqual([1, 3]);
  });
});
