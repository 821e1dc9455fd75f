import { TestScheduler } from 'rxjs/testing';

/** A TestScheduler asserting with jest's deep equality. */
export const testScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
