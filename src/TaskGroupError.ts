import { describeError } from './engine/describe.js';

/**
 * How a task group fails when more than one thing went wrong.
 *
 * When exactly one task fails, the group fails with that task's own error, unwrapped, so
 * `catch (e)` sees what the task threw. Only when several tasks fail (a sibling that fails
 * while the group is being cancelled, say) does the group fail with a `TaskGroupError`, whose
 * `errors` lists every failure in the order they happened. A group cancelled by its `signal`
 * or `timeout` counts that reason as its first failure.
 *
 * ## Example
 * ```ts
 * import { runTaskGroup, TaskGroupError } from 'rxjs-asyncer';
 *
 * try {
 *   await runTaskGroup((tg) => {
 *     tg.soonify(() => { throw new Error('a'); })();
 *     tg.soonify(() => { throw new Error('b'); })();
 *   });
 * } catch (error) {
 *   if (error instanceof TaskGroupError) console.log(error.errors.map((e) => e.message));
 * }
 * // Logs:
 * // [ 'a', 'b' ]
 * ```
 */
export class TaskGroupError extends AggregateError {
  /** Always `'TaskGroupError'`: tells it apart without `instanceof` (across realms, bundles). */
  override readonly name = 'TaskGroupError';

  /**
   * @param errors every failure, in the order they happened.
   * @param groupName the group's name, for the message.
   */
  constructor(errors: readonly unknown[], groupName = 'task group') {
    const listed = errors.map(describeError).join('; ');
    super(errors, `${errors.length} failures in ${groupName}: ${listed}`);
  }
}
