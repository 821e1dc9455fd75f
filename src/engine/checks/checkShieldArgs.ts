import type { ShieldOptions } from '../../types/ShieldOptions.js';
import { assertDuration, assertFunction, assertOptionsObject, readOptions } from './assert.js';
import { optionKeys } from './optionKeys.js';

const SHIELD_OPTIONS = optionKeys<ShieldOptions>()(['timeout']);

/**
 * The check of `shield(fn, options)`; returns the timeout (Infinity when none).
 * @internal
 */
export function checkShieldArgs(fn: unknown, options: unknown): number {
  assertFunction(fn, 'shield(fn, options): fn');
  const what = 'shield(fn, options): options';
  assertOptionsObject(options, what);
  const { timeout = Infinity } = readOptions(options, SHIELD_OPTIONS, what);
  assertDuration(timeout, `${what}.timeout`);
  return timeout;
}
