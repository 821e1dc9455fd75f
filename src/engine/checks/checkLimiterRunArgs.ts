import { describe } from '../describe.js';
import { assertFunction, assertOptionalSignal, assertOptionsObject, readOptions } from './assert.js';

/**
 * The check of `limiter.run(fn, signal)`.
 * @internal
 */
export function checkLimiterRunArgs(fn: unknown, signal: unknown): void {
  assertFunction(fn, 'limiter.run(fn): fn');
  assertOptionalSignal(signal, 'limiter.run(fn, signal): signal');
}

const ACQUIRE_OPTIONS = ['priority'] as const;

/**
 * The check of every limiter's `acquire(signal, options)`: returns the priority, if one was given.
 * @param ordered whether the limiter takes priorities
 * @internal
 */
export function checkAcquireCall(signal: unknown, options: unknown, ordered: boolean): number | undefined {
  assertOptionalSignal(signal, 'limiter.acquire(signal): signal');
  return checkAcquireArgs(options, ordered, 'limiter.acquire(signal, options)');
}

/**
 * The check of the options of `limiter.acquire` and `limiter.run`: returns the priority, if one
 * was given.
 * @param ordered whether the limiter was created with `{ priority: true }`
 * @internal
 */
export function checkAcquireArgs(options: unknown, ordered: boolean, caller: string): number | undefined {
  if (options === undefined) return undefined;
  assertOptionsObject(options, `${caller}: options`);
  const { priority } = readOptions(options, ACQUIRE_OPTIONS, `${caller}: options`);
  if (priority === undefined) return undefined;
  if (typeof priority !== 'number') {
    throw new TypeError(`${caller}: options.priority must be a finite number, got ${describe(priority)}`);
  }
  if (!Number.isFinite(priority)) {
    throw new RangeError(`${caller}: options.priority must be a finite number, got ${describe(priority)}`);
  }
  if (!ordered) {
    throw new TypeError(`${caller}: options.priority needs a limiter created with { priority: true }, got priority ${describe(priority)}`);
  }
  return priority;
}
