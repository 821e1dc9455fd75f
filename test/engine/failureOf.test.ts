import { UnsubscriptionError } from 'rxjs';
import { teardownFailure } from '../../src/engine/index.js';

describe('teardownFailure', () => {
  it('one error is reported as it is', () => {
    const error = new Error('one');
    expect(teardownFailure([error])).toBe(error);
  });

  it('several teardown errors become rxjs’s UnsubscriptionError', () => {
    const failure = teardownFailure([new Error('a'), new Error('b')]) as UnsubscriptionError;
    expect(failure).toBeInstanceOf(UnsubscriptionError);
    expect(failure.errors).toHaveLength(2);
  });
});
