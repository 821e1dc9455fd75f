/**
 * The key of a method groups and scopes have, for entry points: `group[stillRunning]()` lists the
 * names of the tasks whose function runs now, cancelled ones whose promise has not settled yet
 * included ('' for an anonymous task). `runMain` names them when a teardown takes too long.
 * @internal
 */
export const stillRunning: unique symbol = Symbol('rxjs-asyncer stillRunning');

/**
 * Something with the `stillRunning` method.
 * @internal
 */
export interface HasRunningTasks {
  [stillRunning](): string[];
}
