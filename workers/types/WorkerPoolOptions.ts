/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /**
   * How many workers at most. Each runs one call at a time; more calls wait, first come first served.
   * @default the number of cores minus one, at least 1
   */
  readonly size?: number;
  /**
   * Names the pool in errors and its workers in debuggers.
   * @default undefined
   */
  readonly name?: string;
  /**
   * Milliseconds without any call after which the workers exit (they start again on the next
   * call), so that a command-line program can end without `close()`. `Infinity` keeps them.
   * @default 1000
   */
  readonly idleTimeout?: number;
}
