/**
 * The group whose task function is running right now, synchronously (between the call of `fn`
 * and its return), or undefined. JavaScript runs one function at a time, so a plain module
 * variable is exact for that window; after the task's first `await` it is gone. Groups set it
 * around each task call (two writes per task), and read it to catch a task joining its own group.
 * @internal
 */
export const runningTask: { group: object | undefined } = { group: undefined };
