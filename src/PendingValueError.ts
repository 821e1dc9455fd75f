/**
 * Thrown by `SoonValue.value` while its task has not finished yet.
 *
 * Read `.value` only once the task is done: after the group has joined, after `.ready` is
 * true, or simply `await` the SoonValue (or subscribe to it), which waits for you.
 *
 * ## Example
 * ```ts
 * import { runTaskGroup, PendingValueError } from 'rxjs-asyncer';
 *
 * await runTaskGroup((tg) => {
 *   const answer = tg.soonify(async () => 42)();
 *   try {
 *     answer.value;
 *   } catch (error) {
 *     console.log(error instanceof PendingValueError);
 *   }
 * });
 * // Logs:
 * // true
 * ```
 */
export class PendingValueError extends Error {
  /** Always `'PendingValueError'`: tells it apart without `instanceof` (across realms, bundles). */
  override readonly name = 'PendingValueError';
}
