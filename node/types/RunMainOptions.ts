/** Options of {@link runMain}. */
export interface RunMainOptions {
  /**
   * Names the program in its messages: `main 'import' received SIGINT`.
   * @default undefined ("main")
   */
  readonly name?: string;
  /**
   * After Ctrl-C (or SIGTERM), how long tasks may take to finish their cancellation: past it, the
   * tasks still running are named on stderr and the program exits anyway. From 0 to 2147483647 ms,
   * or `Infinity` to wait as long as they take.
   * @default 5000
   */
  readonly teardownTimeout?: number;
  /**
   * Exit the process when done (0, 1, 130 or 143). `false` resolves with the body's value (or
   * rejects with the failure) instead, for tests and for programs that end on their own.
   * @default true
   */
  readonly exit?: boolean;
}
