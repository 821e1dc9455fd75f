import { describeError } from './engine/describe.js';

/**
 * An `AggregateError` of several failures, with a readable message.
 *
 * No task group, scope or operator fails with it any more: a group fails with exactly one
 * error, the cause of its cancellation (the first failure, unwrapped; the `TimeoutError`; the
 * outer signal's reason), and whatever its tasks end with after that is an echo of the cancel
 * (see `TaskEvent`'s `'echo'`). It stays exported so that code written against 0.1 still
 * compiles; see CHANGELOG.md.
 *
 * ## Example
 * ```ts
 * import { TaskGroupError } from 'rxjs-asyncer';
 *
 * const error = new TaskGroupError([new Error('a'), new Error('b')], "task group 'checkout'");
 * console.log(error.message);
 * // Logs:
 * // 2 failures in task group 'checkout': Error: a; Error: b
 * ```
 * @deprecated Groups fail with one error since 0.2 (the rule of echoes); removed in 1.0.
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
