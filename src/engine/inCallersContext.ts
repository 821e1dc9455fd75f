import { ContextCarrier } from './ContextCarrier.js';
import { reportUnhandled } from './reportUnhandled.js';

/**
 * `callback`, made to run in the async context of this call wherever it is called from: each
 * call is delivered one promise job later, in order. For a user's callback that a connection's
 * event listener would otherwise call in the listener's context (a remote call's `onProgress`).
 * @internal
 */
export function inCallersContext<T>(callback: (value: T) => void): (value: T) => void {
  const carrier = new ContextCarrier(true);
  return (value) =>
    carrier.resume({
      start: () => {
        try {
          callback(value);
        } catch (error) {
          reportUnhandled(error); // a throwing progress callback is the caller's bug: never silent
        }
      },
    });
}
