import { Queue } from '../../operators/internal/Queue.js';

describe('Queue (internal)', () => {
  it('is first in, first out across its compactions', () => {
    const queue = new Queue<number>();
    let next = 0;
    let expected = 0;
    // interleave pushes and shifts so the head moves past many compaction points
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 300; i++) queue.push(next++);
      for (let i = 0; i < 200; i++) expect(queue.shift()).toBe(expected++);
    }
    expect(queue.length).toBe(next - expected);
    while (queue.length > 0) expect(queue.shift()).toBe(expected++);
    expect(expected).toBe(next);
  });

  it('drops the items it handed out, so they can be collected', () => {
    const queue = new Queue<object>();
    for (let i = 0; i < 3000; i++) queue.push({});
    for (let i = 0; i < 2000; i++) queue.shift();
    const items = (queue as unknown as { items: unknown[] }).items;
    expect(items.length).toBeLessThan(2000); // compacted
    expect(items.filter((item) => item !== undefined)).toHaveLength(1000);
  });

  it('clear() empties it', () => {
    const queue = new Queue<number>();
    queue.push(1);
    queue.clear();
    expect(queue.length).toBe(0);
  });
});
