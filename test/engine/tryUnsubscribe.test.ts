import { Subscription, UnsubscriptionError } from 'rxjs';
import { tryUnsubscribe } from '../../src/engine/index.js';

describe('tryUnsubscribe', () => {
  it('returns the errors unchanged (undefined) when the teardown is fine', () => {
    let ran = false;
    expect(tryUnsubscribe(new Subscription(() => (ran = true)), undefined)).toBeUndefined();
    expect(ran).toBe(true);
  });

  it('collects a thrown error, and the errors an UnsubscriptionError carries, in order', () => {
    const a = new Error('a');
    const b = new Error('b');
    const c = new Error('c');
    let errors = tryUnsubscribe({ unsubscribe: () => { throw a; } }, undefined);
    errors = tryUnsubscribe({ unsubscribe: () => { throw new UnsubscriptionError([b, c]); } }, errors);
    expect(errors).toEqual([a, b, c]);
  });

  it('lets a loop go on past a throwing teardown', () => {
    const ran: number[] = [];
    const subscriptions = [0, 1, 2].map((i) => new Subscription(() => {
      ran.push(i);
      if (i === 1) throw new Error('one');
    }));
    let errors: unknown[] | undefined;
    for (const subscription of subscriptions) errors = tryUnsubscribe(subscription, errors);
    expect(ran).toEqual([0, 1, 2]);
    expect(errors).toEqual([new Error('one')]);
  });
});
