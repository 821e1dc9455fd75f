import { CancelledError, TaskGroupError } from '../../src/index.js';
import { describeError } from '../../src/engine/index.js';

/** Whether `error` only says "cancelled": printed without its stack. */
const isCancellation = (error: unknown): boolean =>
  error instanceof CancelledError || (error as { name?: unknown } | null)?.name === 'AbortError';

/** The first line of a stack that points into code: where the error was thrown. */
const whereThrown = (error: unknown): string | undefined =>
  typeof (error as Error | null)?.stack === 'string' ? (error as Error).stack!.split('\n').find((line) => /^\s+at /.test(line))?.trim() : undefined;

/** Indents every line after the first, for nesting a formatted failure inside another. */
const nest = (text: string, by: string): string => text.replace(/\n/g, `\n${by}`);

/**
 * A failure as people read it: `name: message`, where it was thrown, every failure inside a
 * `TaskGroupError` as a list, and the cause chain; cancellations without stack noise.
 *
 * ```
 * TaskGroupError: 2 failures in main: ...
 *     at load (/app/import.js:12:11)
 *   - TypeError: bad row 7
 *       at parse (/app/import.js:30:9)
 *   - Error: disk full
 *     caused by Error: ENOSPC
 * ```
 * @internal
 */
export function formatFailure(error: unknown, depth = 0): string {
  const lines = [describeError(error)];
  // a TaskGroupError is made by the library: where it was made says nothing; its children say where
  if (!isCancellation(error) && !(error instanceof TaskGroupError)) {
    const where = whereThrown(error);
    if (where) lines.push(`    ${where}`);
  }
  if (depth < 8) {
    if (error instanceof TaskGroupError) {
      for (const child of error.errors) lines.push(`  - ${nest(formatFailure(child, depth + 1), '    ')}`);
    }
    const cause = (error as { cause?: unknown } | null)?.cause;
    if (cause !== undefined && cause !== error && !(error instanceof CancelledError)) {
      lines.push(`  caused by ${nest(formatFailure(cause, depth + 1), '  ')}`);
    }
  }
  return lines.join('\n');
}
