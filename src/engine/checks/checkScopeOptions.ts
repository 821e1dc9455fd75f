import type { Slots } from '../Slots.js';
import { checkLimiterOption } from './checkLimiterOption.js';
import { assertOptionalSignal, assertOptionalString, assertOptionsObject, readOptions } from './assert.js';
import { describe } from '../describe.js';

const SCOPE_OPTIONS = ['name', 'limiter', 'signal', 'onError'] as const;

/**
 * Scope options once checked.
 * @internal
 */
export interface CheckedScopeOptions {
  readonly name?: string;
  readonly limiter?: Slots;
  readonly signal?: AbortSignal;
  readonly onError?: (error: unknown) => void;
}

/**
 * The check of `createScope(options)`.
 * @internal
 */
export function checkScopeOptions(options: unknown): CheckedScopeOptions {
  const what = 'createScope(options): options';
  assertOptionsObject(options, what);
  const { name, limiter, signal, onError } = readOptions(options, SCOPE_OPTIONS, what);
  assertOptionalString(name, `${what}.name`);
  const slots = checkLimiterOption(limiter, `${what}.limiter`);
  assertOptionalSignal(signal, `${what}.signal`);
  if (onError !== undefined && typeof onError !== 'function') {
    throw new TypeError(`${what}.onError must be a function, got ${describe(onError)}`);
  }
  return { name, limiter: slots, signal, onError: onError as ((error: unknown) => void) | undefined };
}
