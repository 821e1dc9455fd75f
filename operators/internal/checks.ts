import { isObservable } from 'rxjs';
import { isInteropObservable } from '../../src/internal/isInteropObservable.js';
import { isPromiseLike } from '../../src/internal/isPromiseLike.js';
import { assertOptionalLimiter } from '../../src/internal/assertOptionalLimiter.js';
import { describe } from '../../src/internal/describe.js';
import type { LimiterImpl } from '../../src/internal/LimiterImpl.js';
import { assertConcurrency, readOptions } from '../../src/internal/validate.js';

const MAP_OPTIONS = ['concurrency', 'ordered', 'limiter'] as const;

/**
 * Whether `value` can be a TaskInput: a function, an Observable, an interop observable or a
 * PromiseLike.
 * @internal
 */
export const isTaskInput = (value: unknown): boolean =>
  typeof value === 'function' || isObservable(value) || isInteropObservable(value) || isPromiseLike(value);

/**
 * Checks every entry of an inputs array or record, naming the bad one: `inputs[2]`, `inputs.user`.
 * @internal
 */
export function assertTaskInputs(entries: readonly unknown[], keys: readonly string[] | undefined, caller: string): void {
  for (let i = 0; i < entries.length; i++) {
    if (!isTaskInput(entries[i])) {
      const where = keys ? `inputs.${keys[i]}` : `inputs[${i}]`;
      throw new TypeError(
        `${caller}: ${where} must be an Observable, a PromiseLike or a function of an AbortSignal, got ${describe(entries[i])}`,
      );
    }
  }
}

/**
 * Reads `number | MapConcurrentOptions` into checked settings.
 * @internal
 */
export function readMapOptions(
  options: unknown,
  caller: string,
): { concurrency: number; ordered: boolean; limiter: LimiterImpl | undefined } {
  if (typeof options === 'number') {
    assertConcurrency(options, `${caller}: concurrency`);
    return { concurrency: options, ordered: true, limiter: undefined };
  }
  if (options === undefined || typeof options !== 'object' || options === null) {
    throw new TypeError(`${caller}: options must be a concurrency number or an options object, got ${describe(options)}`);
  }
  const { concurrency = Infinity, ordered = true, limiter } = readOptions(options, MAP_OPTIONS, `${caller}: options`);
  assertConcurrency(concurrency, `${caller}: options.concurrency`);
  if (typeof ordered !== 'boolean') {
    throw new TypeError(`${caller}: options.ordered must be a boolean, got ${describe(ordered)}`);
  }
  assertOptionalLimiter(limiter, `${caller}: options.limiter`);
  return { concurrency, ordered, limiter };
}
