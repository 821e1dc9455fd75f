import { Queue } from '../../operators/internal/Queue.js';

describe('Queue (internal)', () => {
  it('is first in, first out across its chunks', () => {
    const queue = new Queue<number>();
    let next = 0;
    let expected = 0;
    // interleave pushes and shifts so both ends cross many chunk boundaries
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 300; i++) queue.push(next++);
      for (let i = 0; i < 200; i++) expect(queue.shift()).toBe(expected++);
    }
    expect(queue.length).toBe(next - expected);
    while (queue.length > 0) expect(queue.shift()).toBe(expected++);
    expect(expected).toBe(next);
  });

  it('drops the items it handed out, and the chunks it read through, so they can be collected', () => {
    const queue = new Queue<object>();
    for (let i = 0; i < 3000; i++) queue.push({ i });
    for (let i = 0; i < 2000; i++) queue.shift();
    // walk what the queue still reaches: only the 1,000 items not handed out
    let chunk = (queue as unknown as { first: { items: unknown[]; next: unknown } | undefined }).first;
    const reachable: unknown[] = [];
    for (; chunk !== undefined; chunk = chunk.next as typeof chunk) reachable.push(...chunk.items.filter((item) => item !== undefined));
    expect(reachable).toHaveLength(1000);
    expect(reachable[0]).toEqual({ i: 2000 });
  });

  it('starts over in the same chunk whenever it empties (a source slower than its tasks)', () => {
    const queue = new Queue<number>();
    const first = (queue as unknown as { first: unknown }).first;
    for (let i = 0; i < 1000; i++) {
      queue.push(i);
      expect(queue.shift()).toBe(i);
    }
    expect((queue as unknown as { first: unknown }).first).toBe(first);
    expect(queue.length).toBe(0);
  });

  it('clear() empties it', () => {
    const queue = new Queue<number>();
    queue.push(1);
    queue.clear();
    expect(queue.length).toBe(0);
  });
});
