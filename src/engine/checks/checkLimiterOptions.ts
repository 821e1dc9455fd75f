import type { RateLimit } from '../../types/RateLimit.js';
import { describe } from '../describe.js';
import { assertDuration, assertOptionsObject, readOptions } from './assert.js';

const LIMITER_OPTIONS = ['rate', 'priority'] as const;
const RATE_FIELDS = ['limit', 'interval'] as const;

/**
 * The check of `createLimiter`'s options, shared with other limiters' `rate` option.
 * @internal
 */
export function checkLimiterOptions(options: unknown, caller: string): { rate: RateLimit | undefined; priority: boolean } {
  assertOptionsObject(options, `${caller}: options`);
  const { rate, priority = false } = readOptions(options, LIMITER_OPTIONS, `${caller}: options`);
  if (typeof priority !== 'boolean') {
    throw new TypeError(`${caller}: options.priority must be a boolean, got ${describe(priority)}`);
  }
  return { rate: checkRate(rate, `${caller}: options.rate`), priority };
}

/**
 * Checks a `rate` option: `{ limit, interval }`, or undefined.
 * @internal
 */
export function checkRate(rate: unknown, what: string): RateLimit | undefined {
  if (rate === undefined) return undefined;
  if (typeof rate !== 'object' || rate === null) {
    throw new TypeError(`${what} must be an object { limit, interval }, got ${describe(rate)}`);
  }
  const { limit, interval } = readOptions(rate, RATE_FIELDS, what);
  if (typeof limit !== 'number') throw new TypeError(`${what}.limit must be an integer >= 1, got ${describe(limit)}`);
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`${what}.limit must be an integer >= 1, got ${describe(limit)}`);
  assertDuration(interval, `${what}.interval`, 'period');
  return { limit, interval };
}
