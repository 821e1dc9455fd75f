/**
 * Thrown by `soonify` (and by a soonified function) once its task group is closed.
 *
 * A group closes when it has joined: after `join()` resolved or rejected, after the
 * `await using` scope ended, after `runTaskGroup`'s promise or `taskGroup`'s Observable settled.
 * Nothing can outlive its group, so nothing can start in a closed one.
 *
 * ## Example
 * ```ts
 * import { createTaskGroup, TaskGroupClosedError } from 'rxjs-asyncer';
 *
 * const tg = createTaskGroup({ name: 'page' });
 * await tg.join();
 * try {
 *   tg.soonify(async () => 1)();
 * } catch (error) {
 *   console.log(error instanceof TaskGroupClosedError);
 * }
 * // Logs:
 * // true
 * ```
 */
export class TaskGroupClosedError extends Error {
  /** Always `'TaskGroupClosedError'`: tells it apart without `instanceof` (across realms, bundles). */
  override readonly name = 'TaskGroupClosedError';
}
