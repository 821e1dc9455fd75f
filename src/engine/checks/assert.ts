import { describe, describeError } from '../describe.js';
import { unknownKey } from './unknownKey.js';

/**
 * Argument checks shared by every public function. Each throws at the call, names the argument
 * and echoes the bad value, as p-map and p-limit do.
 * @internal
 */

/** The largest delay setTimeout honours; a larger one overflows and fires at once. */
export const MAX_TIMEOUT = 2_147_483_647;

/**
 * The one message of every argument check: `caller: what must be rule, got value`, thrown as a
 * TypeError (wrong type) or, with `range`, a RangeError (right type, out of range). Every entry
 * point's checks module throws through this, so no two messages drift apart.
 */
export function mustBe(what: string, rule: string, value: unknown, range = false): never {
  const message = `${what} must be ${rule}, got ${describe(value)}`;
  throw range ? new RangeError(message) : new TypeError(message);
}

export function assertFunction(value: unknown, what: string): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') mustBe(what, 'a function', value);
}

export function assertOptionalFunction(value: unknown, what: string): asserts value is ((...args: never[]) => unknown) | undefined {
  if (value !== undefined) assertFunction(value, what);
}

/** A required object argument; `shape` shows what it holds: `{ connection }`. */
export function assertObject(value: unknown, what: string, shape = ''): asserts value is object {
  if (typeof value !== 'object' || value === null) mustBe(what, shape ? `an object ${shape}` : 'an object', value);
}

export function assertOptionsObject(value: unknown, what: string): asserts value is object | undefined {
  if (value !== undefined && (typeof value !== 'object' || value === null)) mustBe(what, 'an object or undefined', value);
}

export function assertOptionalString(value: unknown, what: string): asserts value is string | undefined {
  if (value !== undefined && typeof value !== 'string') mustBe(what, 'a string', value);
}

export function assertNonEmptyString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value === '') mustBe(what, 'a non-empty string', value);
}

export function assertBoolean(value: unknown, what: string): asserts value is boolean {
  if (typeof value !== 'boolean') mustBe(what, 'a boolean', value);
}

export function assertOptionalBoolean(value: unknown, what: string): asserts value is boolean | undefined {
  if (value !== undefined) assertBoolean(value, what);
}

/** Accepts any object shaped like an AbortSignal, so signals from other realms or polyfills work. */
export const isAbortSignal = (value: unknown): value is AbortSignal =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AbortSignal).aborted === 'boolean' &&
  typeof (value as AbortSignal).addEventListener === 'function' &&
  typeof (value as AbortSignal).removeEventListener === 'function';

export function assertOptionalSignal(value: unknown, what: string): asserts value is AbortSignal | undefined {
  if (value !== undefined && !isAbortSignal(value)) mustBe(what, 'an AbortSignal', value);
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
  const rule = `a number of milliseconds ${kind === 'delay' ? `from 0 to ${MAX_TIMEOUT}, or Infinity` : `> 0 (at most ${MAX_TIMEOUT})`}`;
  if (typeof value !== 'number') mustBe(what, rule, value);
  const fits = kind === 'delay' ? (value >= 0 && value <= MAX_TIMEOUT) || value === Infinity : value > 0 && value <= MAX_TIMEOUT;
  if (!fits) mustBe(what, rule, value, true);
}

/** {@link assertDuration} for an option that may be left out. */
export function assertOptionalDuration(value: unknown, what: string, kind: DurationKind = 'delay'): asserts value is number | undefined {
  if (value !== undefined) assertDuration(value, what, kind);
}

/** A concurrency bound: an integer >= 1, or Infinity (unless `finite`). */
export function assertConcurrency(value: unknown, what: string, finite = false): asserts value is number {
  const rule = finite ? 'an integer >= 1' : 'an integer >= 1 or Infinity';
  if (typeof value !== 'number') mustBe(what, rule, value);
  if (!(Number.isInteger(value) && value >= 1) && (finite || value !== Infinity)) mustBe(what, rule, value, true);
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
 * Reads an options object once: refuses a key that is none of `keys` (a typo, with the closest
 * known key), then reads each of `keys` (see {@link readFields}).
 * @param what how the message names the object: `runTaskGroup(body, options): options`
 */
export function readOptions<K extends string>(options: object | undefined, keys: readonly K[], what: string): { [P in K]?: unknown } {
  if (options === undefined) return {};
  refuseUnknownKeys(options, keys, what);
  return readFields(options, keys, what);
}

/** Throws for an own enumerable key of `options` that is none of `keys`. */
export function refuseUnknownKeys(options: object, keys: readonly string[], what: string): void {
  let own: string[];
  try {
    own = Object.keys(options);
  } catch (error) {
    throw new TypeError(`${what} could not be read: ${describeError(error)}`, { cause: error });
  }
  for (const key of own) if (!keys.includes(key)) throw unknownKey(key, keys, what);
}

/**
 * Reads the named fields of an object once, so that a getter that throws (or a revoked Proxy)
 * is a TypeError naming the field rather than a stray error from deep inside. Other fields are
 * left alone: this reads data (a timeline), {@link readOptions} reads options.
 */
export function readFields<K extends string>(options: object, keys: readonly K[], what: string): { [P in K]?: unknown } {
  const out: { [P in K]?: unknown } = {};
  for (const key of keys) {
    try {
      out[key] = (options as Record<K, unknown>)[key];
    } catch (error) {
      throw new TypeError(`${what}.${key} could not be read: ${describeError(error)}`, { cause: error });
    }
  }
  return out;
}
