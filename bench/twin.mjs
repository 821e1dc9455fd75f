// The least a task group's promise takes, written by hand (issue 32's yardstick): a handle per
// task that knows its outcome, one signal every task gets, aborted by the first failure, and a
// wait for every task before the results. No deferred start, no Observable tasks, no progress:
// what the guarantee costs before any library code runs (see bench/README.md). W1 in
// bench/workloads.mjs times it; bench/heap-in-flight.mjs weighs it.

/**
 * Runs every task at once and resolves with their values in order, or rejects with the first failure.
 * @param {Array<(signal: AbortSignal) => Promise<unknown>>} tasks
 * @param {() => void} [afterStart] called once every task has started, before the wait
 */
export async function handlePerTask(tasks, afterStart) {
  const controller = new AbortController();
  const handles = [];
  let pending = 0;
  let failure;
  let allSettled;
  const settled = new Promise((resolve) => (allSettled = resolve));
  for (const task of tasks) {
    const handle = { status: 'pending', outcome: undefined };
    handles.push(handle);
    pending++;
    task(controller.signal).then(
      (value) => {
        handle.status = 'fulfilled';
        handle.outcome = value;
        if (--pending === 0) allSettled();
      },
      (error) => {
        handle.status = 'rejected';
        handle.outcome = error;
        if (failure === undefined) controller.abort((failure = { error }).error);
        if (--pending === 0) allSettled();
      },
    );
  }
  afterStart?.();
  await settled;
  if (failure) throw failure.error;
  return handles.map((handle) => handle.outcome);
}
