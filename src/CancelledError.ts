import { describeError } from './engine/describe.js';

/**
 * The error a cancelled task's {@link SoonValue} settles with.
 *
 * A task is cancelled when its group is cancelled before the task finished: by `tg.cancel()`,
 * by a sibling's failure, by the group's `signal` or `timeout`, or by unsubscribing from
 * `taskGroup(...)`. Awaiting, subscribing to or reading `.value` of a cancelled task's SoonValue
 * gives this error at once, so nothing waits forever on work that will never finish.
 *
 * `reason` is why the group was cancelled (the failing sibling's error, the signal's reason, a
 * `TimeoutError`, or whatever was passed to `cancel(reason)`); it is also the error's `cause`.
 *
 * ## Example
 * ```ts
 * import { timer } from 'rxjs';
 * import { createTaskGroup, CancelledError } from 'rxjs-asyncer';
 *
 * const tg = createTaskGroup();
 * const slow = tg.soonify(() => timer(1000))(); // an Observable task: cancelling unsubscribes it
 * tg.cancel('no longer needed');
 * try {
 *   await slow;
 * } catch (error) {
 *   console.log(error instanceof CancelledError, (error as CancelledError).reason);
 * }
 * await tg.join();
 * // Logs:
 * // true no longer needed
 * ```
 */
export class CancelledError extends Error {
  /** Always `'CancelledError'`: tells it apart without `instanceof` (across realms, bundles). */
  override readonly name = 'CancelledError';
  /** Why the task was cancelled. */
  readonly reason: unknown;

  /**
   * @param reason why the task was cancelled.
   * @param message the message; by default it says what was cancelled and why.
   */
  constructor(reason?: unknown, message?: string) {
    super(message ?? `The task was cancelled (${describeError(reason)})`, { cause: reason });
    this.reason = reason;
  }
}
