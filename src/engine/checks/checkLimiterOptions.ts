import type { RateLimit } from '../../types/RateLimit.js';
import type { LimiterOptions } from '../../types/LimiterOptions.js';
import { assertConcurrency, assertDuration, assertObject, assertBoolean, assertOptionsObject, readOptions } from './assert.js';
import { optionKeys } from './optionKeys.js';

const LIMITER_OPTIONS = optionKeys<LimiterOptions>()(['rate', 'priority']);
const RATE_FIELDS = optionKeys<RateLimit>()(['limit', 'interval']);

/**
 * The check of `createLimiter`'s options, shared with other limiters' `rate` option.
 * @internal
 */
export function checkLimiterOptions(options: unknown, caller: string): { rate: RateLimit | undefined; priority: boolean } {
  assertOptionsObject(options, `${caller}: options`);
  const { rate, priority = false } = readOptions(options, LIMITER_OPTIONS, `${caller}: options`);
  assertBoolean(priority, `${caller}: options.priority`);
  return { rate: checkRate(rate, `${caller}: options.rate`), priority };
}

/**
 * Checks a `rate` option: `{ limit, interval }`, or undefined.
 * @internal
 */
export function checkRate(rate: unknown, what: string): RateLimit | undefined {
  if (rate === undefined) return undefined;
  assertObject(rate, what, '{ limit, interval }');
  const { limit, interval } = readOptions(rate, RATE_FIELDS, what);
  assertConcurrency(limit, `${what}.limit`, true);
  assertDuration(interval, `${what}.interval`, 'period');
  return { limit, interval };
}
