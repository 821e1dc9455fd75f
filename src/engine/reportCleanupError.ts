import { config } from 'rxjs';

/**
 * Reports an error a teardown threw while the library was cancelling (a sibling failed, a winner
 * was found, a group was cancelled): the outcome the caller gets stays the cause of the cancel,
 * and the cleanup error goes where RxJS sends an error that has no subscriber to go to: its
 * `config.onUnhandledError` if set, else thrown from a timer (Node: `uncaughtException`; browsers:
 * `window.onerror`). Asynchronous either way, as RxJS does, so the cancel loop that found it
 * goes on.
 */
function reportCleanupError(error: unknown): void {
  setTimeout(() => {
    const handler = config.onUnhandledError;
    if (handler) handler(error);
    else throw error;
  });
}

/** {@link reportCleanupError} for each error of a cancel loop, if it collected any. @internal */
export function reportCleanupErrors(errors: readonly unknown[] | undefined): void {
  if (errors) for (const error of errors) reportCleanupError(error);
}
