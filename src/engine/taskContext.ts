/**
 * How a task's group is found after the task's first `await`, when somebody turned that on
 * (`linkAcrossAwaits()` from `rxjs-asyncer/node`, with AsyncLocalStorage). Both hooks stay
 * undefined otherwise, and then cost one check per task: `runningTask` covers the synchronous
 * part of a task, everywhere, for free.
 * @internal
 */
export const taskContext: {
  /** Runs a task function so that code it starts, awaits included, can find `group`. */
  run: (<T>(group: object, fn: () => T) => T) | undefined;
  /** The group of the task whose code runs now, across awaits. */
  current: (() => object | undefined) | undefined;
} = { run: undefined, current: undefined };
