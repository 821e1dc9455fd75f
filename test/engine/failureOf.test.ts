import { UnsubscriptionError } from 'rxjs';
import { TaskGroupError } from '../../src/index.js';
import { failureOf, teardownFailure } from '../../src/engine/index.js';

describe('failureOf and teardownFailure', () => {
  it('one error is reported as it is', () => {
    const error = new Error('one');
    expect(failureOf([error], 'gather')).toBe(error);
    expect(teardownFailure([error])).toBe(error);
  });

  it('several failures become one TaskGroupError naming what failed, in order', () => {
    const errors = [new Error('a'), 'b'];
    const failure = failureOf(errors, 'gather') as TaskGroupError;
    expect(failure).toBeInstanceOf(TaskGroupError);
    expect(failure.errors).toEqual(errors);
    expect(failure.message).toBe('2 failures in gather: Error: a; "b"');
  });

  it('several teardown errors become rxjs’s UnsubscriptionError', () => {
    const failure = teardownFailure([new Error('a'), new Error('b')]) as UnsubscriptionError;
    expect(failure).toBeInstanceOf(UnsubscriptionError);
    expect(failure.errors).toHaveLength(2);
  });
});
