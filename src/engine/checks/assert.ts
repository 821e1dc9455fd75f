import { describe, describeError } from '../describe.js';

/**
 * Argument checks shared by every public function. Each throws at the call, names the argument
 * and echoes the bad value, as p-map and p-limit do.
 * @internal
 */

/** The largest delay setTimeout honours; a larger one overflows and fires at once. */
export const MAX_TIMEOUT = 2_147_483_647;

export function assertFunction(value: unknown, what: string): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') {
    throw new TypeError(`${what} must be a function, got ${describe(value)}`);
  }
}

export function assertOptionsObject(value: unknown, what: string): asserts value is object | undefined {
  if (value !== undefined && (typeof value !== 'object' || value === null)) {
    throw new TypeError(`${what} must be an object or undefined, got ${describe(value)}`);
  }
}

export function assertOptionalString(value: unknown, what: string): asserts value is string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw new TypeError(`${what} must be a string, got ${describe(value)}`);
  }
}

/** Accepts any object shaped like an AbortSignal, so signals from other realms or polyfills work. */
export const isAbortSignal = (value: unknown): value is AbortSignal =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AbortSignal).aborted === 'boolean' &&
  typeof (value as AbortSignal).addEventListener === 'function' &&
  typeof (value as AbortSignal).removeEventListener === 'function';

export function assertOptionalSignal(value: unknown, what: string): asserts value is AbortSignal | undefined {
  if (value !== undefined && !isAbortSignal(value)) {
    throw new TypeError(`${what} must be an AbortSignal, got ${describe(value)}`);
  }
}

/**
 * What a duration option may hold:
 * - `'delay'`: from 0 to MAX_TIMEOUT ms, or Infinity for "never" (a timeout, a stagger, an idle
 *   or a close timeout): whoever arms a timer for it arms none for Infinity;
 * - `'period'`: above 0, at most MAX_TIMEOUT ms, finite (a lease, a poll interval, a rate window,
 *   how long to wait for a server), since something must happen every so often.
 * @internal
 */
export type DurationKind = 'delay' | 'period';

/**
 * The one check of every duration option of every entry point: a number of milliseconds that
 * setTimeout honours (past MAX_TIMEOUT it overflows and fires at once). NaN, a negative number,
 * 2 ** 31, a string and undefined are refused by name, echoing the value.
 */
export function assertDuration(value: unknown, what: string, kind: DurationKind = 'delay'): asserts value is number {
  const rule = kind === 'delay' ? `from 0 to ${MAX_TIMEOUT}, or Infinity` : `> 0 (at most ${MAX_TIMEOUT})`;
  if (typeof value !== 'number') {
    throw new TypeError(`${what} must be a number of milliseconds ${rule}, got ${describe(value)}`);
  }
  const fits = kind === 'delay' ? (value >= 0 && value <= MAX_TIMEOUT) || value === Infinity : value > 0 && value <= MAX_TIMEOUT;
  if (!fits) throw new RangeError(`${what} must be a number of milliseconds ${rule}, got ${describe(value)}`);
}

/** {@link assertDuration} for an option that may be left out. */
export function assertOptionalDuration(value: unknown, what: string, kind: DurationKind = 'delay'): asserts value is number | undefined {
  if (value !== undefined) assertDuration(value, what, kind);
}

/** A concurrency bound: an integer >= 1, or Infinity. */
export function assertConcurrency(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${what} must be an integer >= 1 or Infinity, got ${describe(value)}`);
  }
  if (!(Number.isInteger(value) && value >= 1) && value !== Infinity) {
    throw new RangeError(`${what} must be an integer >= 1 or Infinity, got ${describe(value)}`);
  }
}

/**
 * `Object.entries(value)`, where enumerating the object may throw (a revoked Proxy, an `ownKeys`
 * trap): then a TypeError naming the argument, as `readOptions` gives for a field.
 */
export function readEntries(value: object, what: string): [string, unknown][] {
  try {
    return Object.entries(value);
  } catch (error) {
    throw new TypeError(`${what} could not be read: ${describeError(error)}`, { cause: error });
  }
}

/**
 * Reads the named fields of an options object once, so that a getter that throws (or a revoked
 * Proxy) is a TypeError naming the field rather than a stray error from deep inside.
 * @param what how the message names the object: `runTaskGroup(body, options): options`
 */
export function readOptions<K extends string>(options: object | undefined, keys: readonly K[], what: string): { [P in K]?: unknown } {
  const out: { [P in K]?: unknown } = {};
  if (options === undefined) return out;
  for (const key of keys) {
    try {
      out[key] = (options as Record<K, unknown>)[key];
    } catch (error) {
      throw new TypeError(`${what}.${key} could not be read: ${describeError(error)}`, { cause: error });
    }
  }
  return out;
}
