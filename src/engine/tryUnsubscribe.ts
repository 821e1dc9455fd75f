import { type Unsubscribable, UnsubscriptionError } from 'rxjs';

/**
 * Unsubscribes `subscription` and keeps going if its teardown throws: the error (or each error
 * an rxjs `UnsubscriptionError` carries) is added to `errors`, made on the first one. A loop
 * that cancels many inputs calls this for each, so one bad teardown never leaves the others
 * running, then reports what it collected (see `failureOf` and `teardownFailure`).
 *
 * ## Example
 * ```ts
 * let errors: unknown[] | undefined;
 * for (const subscription of inFlight) errors = tryUnsubscribe(subscription, errors);
 * if (errors) subscriber.error(failureOf([reason, ...errors], 'gather'));
 * ```
 * @internal
 */
export function tryUnsubscribe(subscription: Unsubscribable, errors: unknown[] | undefined): unknown[] | undefined {
  try {
    subscription.unsubscribe();
  } catch (error) {
    errors ??= [];
    if (error instanceof UnsubscriptionError) errors.push(...error.errors);
    else errors.push(error);
  }
  return errors;
}
