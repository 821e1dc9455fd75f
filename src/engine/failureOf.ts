import { UnsubscriptionError } from 'rxjs';

/**
 * What a teardown that runs when nobody waits for an outcome any more (the subscriber left)
 * throws: the error itself, or rxjs's `UnsubscriptionError` for several, which rxjs's own
 * `unsubscribe()` then passes on to its caller as it does for any Observable whose teardown throws.
 * @internal
 */
export const teardownFailure = (errors: readonly unknown[]): unknown =>
  errors.length === 1 ? errors[0] : new UnsubscriptionError(errors as unknown[]);
