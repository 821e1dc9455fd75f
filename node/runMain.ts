/// <reference types="node" />
import process from 'node:process';
import { runTaskGroup, type Resolved, type TaskGroup } from '../src/index.js';
import { type HasRunningTasks, stillRunning } from '../src/engine/index.js';
import { checkRunMainArgs } from './internal/checks.js';
import { formatFailure } from './internal/formatFailure.js';
import type { RunMainOptions } from './types/RunMainOptions.js';

/** The shell's exit codes: 128 + the signal's number. */
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof EXIT_CODES;

/**
 * Runs a whole program as one task group: Python's `anyio.run`, Effect's `runMain`. Ctrl-C
 * cancels it cleanly, and the process ends with the right exit code.
 *
 * - **Runs `body(tg, signal)`** as `runTaskGroup` does (`signal` is `tg.signal`).
 * - **Ctrl-C.** SIGINT and SIGTERM cancel the group: `signal` aborts with an `AbortError` naming
 *   the signal, Observable tasks are unsubscribed, `finally` blocks run. A second SIGINT exits at
 *   once. Tasks that ignore the cancellation for `teardownTimeout` ms are named on stderr, and the
 *   program exits anyway.
 * - **Exit codes.** 0 on success, 1 on failure, 130 after SIGINT, 143 after SIGTERM.
 * - **Failures** are printed to stderr readably: name, message, where, every failure of a
 *   `TaskGroupError`, the cause chain; a cancellation is one line, no stack.
 * - **Leaves nothing behind.** Its signal handlers are removed when it ends. With `exit: false`
 *   it resolves with the body's value (or rejects with the failure) instead of exiting.
 *
 * ## Example
 * ```ts
 * // import.ts: node import.js, then press Ctrl-C: the open files are closed, exit code 130
 * import { runMain } from 'rxjs-asyncer/node';
 *
 * runMain(async (tg, signal) => {
 *   for (const file of process.argv.slice(2)) tg.startSoon(importFile, file, signal);
 * }, { name: 'import' });
 * ```
 *
 * @param body the program: gets the group and its signal.
 * @param options `name`, `teardownTimeout`, `exit`.
 * @returns with `exit: false`, the body's resolved value; otherwise it never settles (the process exits).
 * @throws {TypeError | RangeError} at once when `body` is not a function or an option is invalid.
 */
export function runMain<R extends readonly unknown[] | []>(
  body: (tg: TaskGroup, signal: AbortSignal) => R | PromiseLike<R>,
  options?: RunMainOptions,
): Promise<Resolved<R>>;
/** Runs a whole program as one task group; the signature for bodies that do not return an array. */
export function runMain<R>(body: (tg: TaskGroup, signal: AbortSignal) => R | PromiseLike<R>, options?: RunMainOptions): Promise<Resolved<R>>;
export function runMain<R>(body: (tg: TaskGroup, signal: AbortSignal) => R | PromiseLike<R>, options?: RunMainOptions): Promise<Resolved<R>> {
  const { name, teardownTimeout = 5000, exit = true } = checkRunMainArgs(body, options);
  const label = name === undefined ? 'main' : `main '${name}'`;
  const controller = new AbortController();
  /** the first signal received, if any */
  let received: Signal | undefined;
  /** the group, to name its tasks still running when the teardown takes too long */
  let group: (TaskGroup & Partial<HasRunningTasks>) | undefined;
  let teardownTimer: ReturnType<typeof setTimeout> | undefined;

  /** Exits with `code`; what it returns never settles (the process ends first). */
  const stop = (code: number): Promise<never> => {
    removeHandlers();
    // a timer, not at once: an error reported from a timer armed before the end (a teardown that
    // threw while the group cancelled, reported as rxjs reports it) reaches stderr first
    setTimeout(() => process.exit(code));
    return new Promise<never>(() => undefined);
  };
  const onSignal = (signal: Signal): void => {
    if (received !== undefined) {
      if (signal === 'SIGINT') {
        process.stderr.write(`${label}: a second SIGINT: exiting now\n`);
        stop(EXIT_CODES.SIGINT);
      }
      return;
    }
    received = signal;
    process.stderr.write(`${label}: ${signal} received, cancelling${signal === 'SIGINT' ? ' (Ctrl-C again to exit at once)' : ''}\n`);
    controller.abort(new DOMException(`${label} received ${signal}`, 'AbortError'));
    if (teardownTimeout === Infinity) return; // wait for the tasks as long as they take
    teardownTimer = setTimeout(() => {
      const names = (group?.[stillRunning]?.() ?? []).map((task) => (task ? `'${task}'` : 'an anonymous task'));
      process.stderr.write(`${label}: after ${signal}, ${names.length} task(s) still running after ${teardownTimeout} ms: ${names.join(', ')}; exiting anyway\n`);
      stop(EXIT_CODES[signal]);
    }, teardownTimeout);
  };
  const onSigint = (): void => onSignal('SIGINT');
  const onSigterm = (): void => onSignal('SIGTERM');
  const removeHandlers = (): void => {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    clearInterval(keepAlive);
    if (teardownTimer !== undefined) clearTimeout(teardownTimer);
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  // Pending promises and signal handlers keep no Node program alive: without this, a program
  // whose tasks only await would end at once, exit code 0, as if it had succeeded
  const keepAlive = setInterval(() => undefined, 2 ** 30);

  const done = runTaskGroup<R>(
    (tg) => {
      group = tg;
      return body(tg, tg.signal);
    },
    { name: name ?? 'main', signal: controller.signal },
  );
  return done.then(
    (value) => {
      removeHandlers();
      const code = received === undefined ? 0 : EXIT_CODES[received];
      if (exit) return stop(code);
      return value;
    },
    (error: unknown) => {
      removeHandlers();
      const code = received === undefined ? 1 : EXIT_CODES[received];
      const cancelledOnly = received !== undefined && (error as { name?: unknown } | null)?.name === 'AbortError';
      process.stderr.write(cancelledOnly ? `${label}: cancelled by ${received}\n` : `${label} failed:\n${formatFailure(error)}\n`);
      if (exit) return stop(code);
      throw error;
    },
  ) as Promise<Resolved<R>>;
}
