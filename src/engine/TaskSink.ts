/**
 * Receives a task's outcome: exactly one of the two calls, once.
 * @internal
 */
export interface TaskSink {
  taskFulfilled(value: unknown): void;
  taskFailed(error: unknown): void;
  /**
   * The same two, bound once, for sinks that run many promise tasks one after another (the
   * workers of the concurrent operators): spares two closures per promise.
   */
  readonly onFulfilled?: (value: unknown) => void;
  readonly onRejected?: (error: unknown) => void;
}
