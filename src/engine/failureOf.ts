import { UnsubscriptionError } from 'rxjs';
import { TaskGroupError } from '../TaskGroupError.js';

/**
 * The one error that reports `errors`, in the order they happened: the error itself when there
 * is one (unwrapped, so `catch (e)` sees what was thrown), else a `TaskGroupError` listing them
 * all. Groups, operators and the limiter report several failures this one way.
 * @param label what failed, for the message: "task group 'x'", "gather"
 * @internal
 */
export const failureOf = (errors: readonly unknown[], label: string): unknown =>
  errors.length === 1 ? errors[0] : new TaskGroupError(errors, label);

/**
 * What a teardown that runs when nobody waits for an outcome any more (the subscriber left)
 * throws: the error itself, or rxjs's `UnsubscriptionError` for several, which rxjs's own
 * `unsubscribe()` then passes on to its caller as it does for any Observable whose teardown throws.
 * @internal
 */
export const teardownFailure = (errors: readonly unknown[]): unknown =>
  errors.length === 1 ? errors[0] : new UnsubscriptionError(errors as unknown[]);
