/**
 * The group whose task function is running right now, synchronously (between the call of `fn`
 * and its return), or undefined. JavaScript runs one function at a time, so a plain module
 * variable is exact for that window; after the task's first `await` it is gone. Groups set it
 * around each task call (two writes per task), and read it to catch a task joining its own group.
 * @internal
 */
export const runningTask: { group: object | undefined; task: ProgressReporter | undefined } = { group: undefined, task: undefined };

/**
 * A running task that can tell its group's `events$` of progress.
 * @internal
 */
export interface ProgressReporter {
  _progress(value: unknown): void;
}

/**
 * The progress reporter of the task whose function runs right now, synchronously, if any: a call
 * made there (a remote call, `rxjs-asyncer/bullmq`) keeps it and reports through it later.
 * @internal
 */
export function currentTaskProgress(): ((value: unknown) => void) | undefined {
  const task = runningTask.task;
  return task === undefined ? undefined : (value) => task._progress(value);
}
